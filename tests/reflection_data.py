"""A small campaign for the reflection tests: a profile, two paths, held interviews with notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from coffeechat.core.models import CareerPath, Contact, Conversation, Note
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts import actions as crm

PROFILE = {
    "interests": [{"name": "Explaining data", "weight": 5}],
    "skills": [{"name": "SQL", "weight": 3}],
    "values": [{"name": "Autonomy", "weight": 4}],
}


@dataclass
class Campaign:
    paths: dict[str, CareerPath] = field(default_factory=dict)
    conversations: list[Conversation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def held_interview(
    user: Any, path: CareerPath, first: str, held_at: datetime, notes: list[tuple[str, list[str]]]
) -> tuple[Conversation, list[Note]]:
    contact = Contact.objects.create(owner=user, first_name=first, last_name="Example")
    conversation = Conversation.objects.create(
        owner=user, contact=contact, career_path=path, stage="held", held_at=held_at
    )
    made = [
        Note.objects.create(owner=user, conversation=conversation, text=text, tags=tags)
        for text, tags in notes
    ]
    return conversation, made


def campaign(user: Any, now: datetime) -> Campaign:
    profile = ensure_profile(user)
    for name, items in PROFILE.items():
        setattr(profile, name, items)
    profile.save()
    result = Campaign()
    result.paths["ux"] = crm.create_career_path(
        user, {"title": "UX research", "status": "exploring"}
    )
    result.paths["data"] = crm.create_career_path(
        user, {"title": "Data journalism", "status": "exploring"}
    )
    for days, first, notes in [
        (10, "Ana", [("Stakeholders change their mind weekly", ["pace", "culture"])]),
        (6, "Ben", [("You explain findings to execs every week", ["storytelling", "pace"])]),
        (2, "Cleo", [("Learn SQL and Tableau before applying", ["skill:tableau", "skill:sql"])]),
    ]:
        conversation, made = held_interview(
            user, result.paths["ux"], first, now - timedelta(days=days), notes
        )
        result.conversations.append(conversation)
        result.notes.extend(made)
    return result

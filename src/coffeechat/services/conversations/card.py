"""The conversation page's "Next step", from the due index: the same step as Today."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q

from coffeechat.core.models import Conversation, NextStep
from coffeechat.domain.conversation_step import CardStep, conversation_card
from coffeechat.domain.types import ActionKind, ContactFacts, ConversationFacts, Stage
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.today import due_index
from coffeechat.services.today.due_list import rule_settings
from coffeechat.services.today.facts import Scope, load_snapshot


def card_for(
    user: Any, conversation: Conversation, now: datetime, *, confirmation_sent: bool = False
) -> CardStep:
    """The card of one conversation: its most pressing step, or what it waits for."""
    profile = ensure_profile(user)
    due_index.ensure_built(user, profile, now)
    facts, person = _facts(user, conversation)
    rows = NextStep.objects.filter(owner_id=user.pk).filter(
        Q(conversation_id=conversation.pk)
        | Q(
            contact_id=conversation.contact_id,
            conversation_id__isnull=True,
            kind=ActionKind.STAY_IN_TOUCH.value,
        )
    )
    steps = [due_index.step_of(row) for row in rows.values(*due_index.STEP_FIELDS)]
    return conversation_card(
        facts,
        person,
        steps,
        now=now,
        zone=ZoneInfo(profile.time_zone),
        upcoming_days=rule_settings(profile).upcoming_days,
        confirmation_sent=confirmation_sent,
    )


def _facts(user: Any, conversation: Conversation) -> tuple[ConversationFacts, ContactFacts]:
    snapshot = load_snapshot(
        user, scope=Scope(contacts=frozenset({conversation.contact_id}), items=frozenset())
    )
    facts = next((c for c in snapshot.conversations if c.id == conversation.pk), None)
    person = next((c for c in snapshot.contacts if c.id == conversation.contact_id), None)
    if facts is None:  # closed before any interview: read without its costly details
        facts = ConversationFacts(
            id=conversation.pk,
            contact_id=conversation.contact_id,
            career_path_id=conversation.career_path_id,
            stage=Stage(conversation.stage),
            created_at=conversation.created_at,
            closed_at=conversation.closed_at,
        )
    if person is None:
        contact = conversation.contact
        person = ContactFacts(
            id=contact.pk,
            name=contact.name,
            organization_id=contact.organization_id,
            organization_name=None,
            has_research=bool(contact.research_notes.strip()),
            do_not_contact=contact.do_not_contact,
            cadence_days=contact.cadence_days,
            last_exchange_at=None,
        )
    return facts, person

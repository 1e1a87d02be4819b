"""Action items: advice turned into tasks, and the skills heard but not in the profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.db.models import F, QuerySet

from coffeechat.core.models import ActionItem, CareerPath, Conversation, Note
from coffeechat.domain.reflection import (
    SKILL_TAG_PREFIX,
    HeardSkill,
    SkillSuggestion,
    skill_from_tag,
    skills_not_in_profile,
)
from coffeechat.domain.vocabulary import ActionItemKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts.actions import merged_with_current
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import OwnedForm
from coffeechat.services.owned import get_owned

# Action items of these kinds name a skill or a credential, so they count as "heard".
SKILL_ITEM_KINDS = (ActionItemKind.SKILL, ActionItemKind.CERTIFICATE)


class ActionItemForm(OwnedForm):
    scoped_fields = {"career_path": CareerPath, "conversation": Conversation}

    class Meta:
        model = ActionItem
        fields = ["text", "kind", "due", "career_path", "conversation"]
        labels = {
            "text": "What to do",
            "due": "Due date",
            "career_path": "Career path",
            "conversation": "From the conversation with",
        }
        help_texts = {
            "text": "One concrete step: 'Take the SQL course on Coursera', 'Meet Sam Lee'.",
            "due": "Optional. With a date, it shows on Today when it is due.",
        }
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        conversation = self.fields["conversation"]
        conversation.queryset = conversation.queryset.select_related("contact")  # type: ignore[attr-defined]
        conversation.label_from_instance = lambda c: str(c.contact)  # type: ignore[attr-defined]


def _save(form: ActionItemForm) -> ActionItem:
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    item: ActionItem = form.save(commit=False)
    if not item.owner_id:
        item.owner = form.user
    if item.conversation_id and not item.career_path_id:
        # Advice from a conversation belongs to that conversation's path.
        item.career_path_id = item.conversation.career_path_id
    item.save()
    return item


def create_action_item(user: Any, data: dict[str, Any]) -> ActionItem:
    return _save(ActionItemForm(data, user=user))


def update_action_item(
    user: Any, pk: object, data: dict[str, Any], *, partial: bool = False
) -> ActionItem:
    item = get_owned(user, ActionItem, pk)
    merged = merged_with_current(ActionItemForm, item, data, partial)
    return _save(ActionItemForm(merged, instance=item, user=user))


def set_action_item_done(user: Any, pk: object, done: bool, now: datetime) -> ActionItem:
    """Mark an item done (keeping the first completion time) or open again."""
    item: ActionItem = get_owned(user, ActionItem, pk)
    item.done_at = (item.done_at or now) if done else None
    item.save(update_fields=["done_at", "updated_at"])
    return item


def action_items(user: Any, *, kind: str = "", done: bool = False) -> QuerySet[ActionItem]:
    """Open items by due date (undated last), or done items newest first."""
    items = ActionItem.objects.for_user(user).select_related(
        "conversation__contact", "career_path", "source_note"
    )
    if kind:
        items = items.filter(kind=kind)
    if done:
        return items.filter(done_at__isnull=False).order_by("-done_at", "-id")
    return items.filter(done_at__isnull=True).order_by(F("due").asc(nulls_last=True), "id")


@dataclass(frozen=True)
class Mention:
    """Where a suggested skill was heard, with the rows to link to."""

    heard: HeardSkill
    note: Note | None
    item: ActionItem | None


@dataclass(frozen=True)
class Suggestion:
    skill: SkillSuggestion
    mentions: list[Mention]


def skill_suggestions(user: Any) -> list[Suggestion]:
    """Skills heard (``skill:`` note tags, skill and certificate items) missing from the profile."""
    notes = {
        n.pk: n
        for n in Note.objects.for_user(user)
        .filter(conversation__deleted_at__isnull=True)
        .filter(tags__icontains=SKILL_TAG_PREFIX)
        .select_related("conversation__contact")
    }
    items = {
        i.pk: i
        for i in ActionItem.objects.for_user(user)
        .filter(kind__in=SKILL_ITEM_KINDS)
        .select_related("conversation__contact")
    }
    heard = [*_heard_in_notes(notes.values()), *_heard_in_items(items.values())]
    profile = ensure_profile(user)
    names = [str(skill.get("name", "")) for skill in profile.skills or []]
    return [
        Suggestion(
            s,
            [
                Mention(h, notes.get(h.note_id or 0), items.get(h.action_item_id or 0))
                for h in s.heard
            ],
        )
        for s in skills_not_in_profile(heard, names)
    ]


def _contact_name(conversation: Conversation | None) -> str:
    return conversation.contact.name if conversation is not None else ""


def _heard_in_notes(notes: Any) -> list[HeardSkill]:
    heard = []
    for note in notes:
        for tag in note.tags or ():
            skill = skill_from_tag(str(tag))
            if skill:
                heard.append(
                    HeardSkill(
                        name=skill,
                        note_id=note.pk,
                        conversation_id=note.conversation_id,
                        contact_name=_contact_name(note.conversation),
                        text=note.text,
                    )
                )
    return heard


def _heard_in_items(items: Any) -> list[HeardSkill]:
    return [
        HeardSkill(
            name=item.text,
            action_item_id=item.pk,
            conversation_id=item.conversation_id,
            contact_name=_contact_name(item.conversation),
            text=item.text,
            done=item.done_at is not None,
        )
        for item in items
    ]

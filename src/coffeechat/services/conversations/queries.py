"""What the conversations area reads: conversations, their notes, referrals and action items.

Web, API and CLI list these through here, so a rule such as "a trashed contact's
conversations are not listed" is written once and every interface shows the same rows
in the same order.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from coffeechat.core.models import ActionItem, Conversation, Note, Referral
from coffeechat.domain.types import Stage
from coffeechat.services.owned import get_owned

_STAGES = frozenset(stage.value for stage in Stage)


def live(user: Any) -> QuerySet[Conversation]:
    """The user's conversations with a contact not in the trash.

    Trashing a contact leaves its conversations as they are, so that restoring it
    brings them back; until then they are not counted or listed anywhere.
    """
    return Conversation.objects.for_user(user).filter(contact__deleted_at__isnull=True)


def owned_conversation(user: Any, pk: object) -> Conversation:
    """One of the user's conversations, or NotFound (another user's is not found either)."""
    conversation: Conversation = get_owned(user, Conversation, pk)
    return conversation


def listed(user: Any, *, stage: str = "", contact_id: object = None) -> QuerySet[Conversation]:
    """The live conversations, newest first; an unknown ``stage`` filters nothing.

    The id breaks ties of ``created_at`` (rows imported or created in the same
    instant), so a page of the list is the same page everywhere.
    """
    rows = live(user).select_related("contact", "contact__organization", "career_path")
    if stage in _STAGES:
        rows = rows.filter(stage=stage)
    if contact_id is not None:
        rows = rows.filter(contact_id=contact_id)
    return rows.order_by("-created_at", "-id")


def notes_of(user: Any, conversation: Conversation) -> QuerySet[Note]:
    """The conversation's notes not in the trash, oldest first, with their question."""
    return (
        Note.objects.for_user(user)
        .filter(conversation=conversation)
        .select_related("question")
        .order_by("created_at", "id")
    )


def question_notes(user: Any, conversation: Conversation) -> dict[int, Note]:
    """Interview mode's note per planned question: the first one taken, by question id."""
    notes: dict[int, Note] = {}
    for note in notes_of(user, conversation):
        if note.question_id is not None:
            notes.setdefault(note.question_id, note)
    return notes


def referrals_via(user: Any, conversation: Conversation) -> QuerySet[Referral]:
    """The people this conversation introduced the user to, in the order they were noted."""
    return (
        Referral.objects.for_user(user)
        .filter(via_conversation=conversation)
        .select_related("to_contact")
    )


def action_items_of(user: Any, conversation: Conversation) -> QuerySet[ActionItem]:
    """The advice captured in this conversation, by due date."""
    return ActionItem.objects.for_user(user).filter(conversation=conversation)


def owned_action_item(user: Any, pk: object) -> ActionItem:
    """One of the user's action items, or NotFound."""
    item: ActionItem = get_owned(user, ActionItem, pk)
    return item

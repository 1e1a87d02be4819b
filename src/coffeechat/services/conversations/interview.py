"""Interview mode's writes: the clock, a note per question, highlights, captures, the end.

Every function here is what one button (or one autosave) of the interview
page does; the API's autosave endpoint calls the same ``save_note``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from coffeechat.core.models import (
    ActionItem,
    Contact,
    Conversation,
    Note,
    Organization,
    Question,
    Referral,
)
from coffeechat.domain.notes import note_too_long
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import Source
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import record_event
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.owned import get_owned
from coffeechat.services.prep.forms import AdviceForm, ReferralForm


def start_clock(
    user: Any, conversation_id: object, now: datetime, *, restart: bool = False
) -> Conversation:
    """Start interview mode's timer; a second start keeps the first unless ``restart``."""
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    if conversation.interview_started_at is None or restart:
        conversation.interview_started_at = now
        conversation.save(update_fields=["interview_started_at", "updated_at"])
    return conversation


# Stages from which a call that was never booked can start on the spot.
UNBOOKED = frozenset({Stage.PLANNED, Stage.REQUESTED, Stage.FOLLOWED_UP, Stage.REPLIED})


def can_start_unbooked(conversation: Conversation) -> bool:
    return Stage(conversation.stage) in UNBOOKED


def start_unbooked(user: Any, conversation_id: object, now: datetime) -> Conversation:
    """A call that was never booked (they rang back, you met at an event): book it as now.

    The booking is recorded as starting this minute in the user's zone for the planned
    length, so Today, the invite and the thank-you clock work as for any interview,
    and the clock starts.
    """
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    if not can_start_unbooked(conversation):
        raise InvalidInput(
            {"type": [f"A {conversation.stage_label.lower()} conversation cannot start a call."]}
        )
    zone = ensure_profile(user).zone
    wall = now.astimezone(zone)
    with transaction.atomic():
        record_event(
            user,
            conversation.pk,
            {
                "type": "scheduled",
                "starts_at": wall.strftime("%Y-%m-%dT%H:%M"),
                "time_zone": zone.key,
                "minutes": conversation.planned_minutes,
            },
            now,
        )
        return start_clock(user, conversation.pk, now, restart=True)


# The box for what was said outside the plan writes notes without a question,
# tagged so it finds its own note again and not one written on the conversation page.
GENERAL = "general"
GENERAL_TAG = "interview"


def note_for(conversation: Conversation, question_id: int | None) -> Note | None:
    """The note of one box: the first live note on that question, or the general one."""
    notes = Note.objects.filter(
        conversation=conversation, question_id=question_id, deleted_at__isnull=True
    ).order_by("created_at", "id")
    if question_id is not None:
        return notes.first()
    # Tags are a JSON list, which SQLite cannot search inside; question-less notes are few.
    return next((note for note in notes if GENERAL_TAG in (note.tags or [])), None)


def _question_id(user: Any, raw: object) -> int | None:
    if raw in (None, "", GENERAL):
        return None
    try:
        question: Question = get_owned(user, Question, raw)
    except NotFound as exc:
        raise InvalidInput({"question": [f"No question with id {raw}."]}) from exc
    return int(question.pk)


def save_note(
    user: Any,
    conversation_id: object,
    question_id: object,
    text: str,
    now: datetime,
    *,
    base: str | None = None,
) -> Note | None:
    """Autosave one question's note: create, update, or trash it when emptied.

    Saving the same text twice changes nothing, so a retried request after a
    dropped connection is harmless. With ``base`` (the text the sender last
    saw saved) the save only applies if the note still has that text. An
    emptied box moves its note to the trash (restorable) instead of keeping an
    empty note that would count as "notes taken".
    """
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    qid = _question_id(user, question_id)
    text = str(text or "")
    if (too_long := note_too_long(len(text))) is not None:
        raise InvalidInput({"text": [too_long]})
    with transaction.atomic():
        # Two saves of one box can cross (a retry racing a reload): lock the
        # conversation so the second sees the first's note instead of adding
        # another. SQLite's IMMEDIATE transactions already serialise writers.
        list(Conversation.objects.select_for_update().filter(pk=conversation.pk).values("pk"))
        note = note_for(conversation, qid)
        current = note.text if note else ""
        if base is not None and current not in (base, text):
            # A late request (a last-moment beacon) must not undo newer typing.
            raise InvalidInput({"text": ["The note changed since this was sent; kept as is."]})
        if not text.strip():
            if note is not None:
                note.deleted_at = now
                note.save(update_fields=["deleted_at", "updated_at"])
            return None
        if note is None:
            tags = [] if qid is not None else [GENERAL_TAG]
            note = Note(owner=user, conversation=conversation, question_id=qid, tags=tags)
        if note.pk is None or note.text != text:
            note.text = text
            note.save()
    return note


def set_highlight(user: Any, conversation_id: object, question_id: object, on: bool) -> Note:
    """Mark a question's note as a specific point to name in the thank-you."""
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    note = note_for(conversation, _question_id(user, question_id))
    if note is None:
        raise InvalidInput({"text": ["Write the note first, then highlight it."]})
    note.highlight = on
    note.save(update_fields=["highlight", "updated_at"])
    return note


def capture_referral(user: Any, conversation_id: object, data: dict[str, Any]) -> Referral:
    """ "Talk to Sam Lee at Acme": a new contact introduced by this person, and the edge.

    The Today list then shows "Contact Sam Lee (introduced by …)" until a
    request goes out to them.
    """
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    form = ReferralForm(data)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    introducer: Contact = conversation.contact
    first, last = form.split_name()
    context = form.cleaned_data["context"].strip()
    with transaction.atomic():
        organization = _organization(user, form.cleaned_data["organization"])
        contact = crm.create_contact(
            user,
            {
                "first_name": first,
                "last_name": last,
                "organization": organization.pk if organization else "",
                "title": form.cleaned_data["role"],
                "source": Source.REFERRAL.value,
                "referred_by": introducer.pk,
                "connection": f"Introduced by {introducer.name}"
                + (f": {context}" if context else "."),
            },
        )
        return Referral.objects.create(
            owner=user,
            from_contact=introducer,
            to_contact=contact,
            via_conversation=conversation,
            context=context,
        )


def _organization(user: Any, name: str) -> Organization | None:
    name = " ".join(name.split())
    if not name:
        return None
    existing = Organization.objects.for_user(user).filter(name__iexact=name).first()
    return existing or crm.create_organization(user, {"name": name, "motivation": 0, "posting": 1})


def capture_advice(user: Any, conversation_id: object, data: dict[str, Any]) -> ActionItem:
    """Advice turned into an action item (course, skill, certificate…), due when set."""
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    form = AdviceForm(data)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    item: ActionItem = form.save(commit=False)
    item.owner = user
    item.conversation = conversation
    item.career_path = conversation.career_path
    item.save()
    return item


def end_interview(user: Any, conversation_id: object, now: datetime) -> Conversation:
    """Mark the interview held now; the thank-you rule's 24 hours start counting."""
    return record_event(user, conversation_id, {"type": "held"}, now)

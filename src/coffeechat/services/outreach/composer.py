"""The composer's use cases: fill a template, check a draft, save it, mark it sent.

Sending itself is always the user's click (mail app, .eml, LinkedIn, SMTP);
this module records what they did so Today's clocks start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from coffeechat.core.models import Conversation, Message, Template
from coffeechat.domain import templates as merge
from coffeechat.domain.builtin_templates import SITUATIONAL_KEYS
from coffeechat.domain.businessdays import add_business_days, local_date
from coffeechat.domain.followup_context import interview_end_of
from coffeechat.domain.outreach import CheckResult, Draft, has_subject, run_checks
from coffeechat.domain.stages import AWAITING_REPLY, Event, next_message_kind
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import Channel, MessageKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations import queries as conversation_queries
from coffeechat.services.errors import InvalidInput
from coffeechat.services.outreach import sending
from coffeechat.services.outreach.context import highlights, merge_context
from coffeechat.services.outreach.templates import list_templates
from coffeechat.services.owned import get_owned
from coffeechat.services.scheduling import invites
from coffeechat.services.today.due_list import holidays_for, rule_settings

# The stage event that sending a message of each kind records.
SENT_EVENTS: dict[MessageKind, Event] = {
    MessageKind.REQUEST: Event.REQUEST_SENT,
    MessageKind.FOLLOW_UP: Event.FOLLOW_UP_SENT,
    MessageKind.THANK_YOU: Event.THANK_YOU_SENT,
    MessageKind.REPORT_BACK: Event.UPDATE_SENT,
    MessageKind.UPDATE: Event.UPDATE_SENT,
}


@dataclass(frozen=True)
class Composed:
    subject: str
    body: str
    channel: str
    kind: str
    missing: tuple[str, ...]


def suggested_kind(conversation: Conversation) -> MessageKind:
    """What the conversation needs next (the rule is ``domain.stages.next_message_kind``)."""
    return next_message_kind(Stage(conversation.stage), conversation.report_back_at is not None)


def compose(user: Any, conversation_id: object, template_id: object, now: datetime) -> Composed:
    """The template filled for this conversation; unfilled fields stay as ``{field}``."""
    conversation = get_owned(user, Conversation, conversation_id)
    template: Template = get_owned(user, Template, template_id)
    values = merge_context(user, conversation, now)
    subject = merge.fill(template.subject, values)
    body = merge.fill(template.body, values)
    missing = tuple(dict.fromkeys(subject.missing + body.missing))
    return Composed(subject.text, body.text, template.channel, template.kind, missing)


def default_template(user: Any, kind: MessageKind | str, channel: str = "email") -> Template | None:
    rows = [
        t
        for t in list_templates(user, include_hidden=False)
        if t.kind == kind and t.builtin_key not in SITUATIONAL_KEYS
    ]
    preferred = [t for t in rows if t.channel == channel] if channel else []
    return (preferred or rows or [None])[0]


def check_draft(
    user: Any,
    data: dict[str, Any],
    now: datetime,
    conversation: Conversation | None = None,
) -> list[CheckResult]:
    """The checks for a draft as typed; the conversation supplies highlights and timing."""
    profile = ensure_profile(user)
    channel = _choice(Channel, data.get("channel"), "channel")
    kind = _choice(MessageKind, data.get("kind"), "kind")
    draft = Draft(
        channel=channel,
        kind=kind,
        subject=str(data.get("subject") or ""),
        body=str(data.get("body") or ""),
        strict=profile.strict_length,
        highlights=tuple(highlights(conversation)) if conversation else (),
        interview_ended_at=interview_end(conversation) if conversation else None,
        now=now,
        thank_within_hours=rule_settings(profile).thank_within_hours,
        planned_minutes=conversation.planned_minutes if conversation else None,
    )
    return run_checks(draft)


def _choice(enum: Any, value: object, field: str) -> Any:
    try:
        return enum(str(value or next(iter(enum)).value))
    except ValueError as exc:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidInput({field: [f"{value!r} is not one of: {allowed}."]}) from exc


def interview_end(conversation: Conversation) -> datetime | None:
    return interview_end_of(
        conversation.starts_at, conversation.planned_minutes, conversation.held_at
    )


def save_composer_draft(user: Any, conversation_id: object, data: dict[str, Any]) -> Message:
    """Autosave: the open draft keeps subject, body, kind and channel as typed."""
    channel = _choice(Channel, data.get("channel"), "channel")
    _choice(MessageKind, data.get("kind"), "kind")
    with transaction.atomic():
        draft = conversations.save_draft(user, conversation_id, data)
        if draft.channel != channel:
            draft.channel = channel.value
            draft.save(update_fields=["channel", "updated_at"])
    return draft


def mark_sent(user: Any, conversation_id: object, data: dict[str, Any], now: datetime) -> Message:
    """Record that the user sent the draft: the Message gets ``sent_at``, the stage moves.

    A draft with unfilled ``{fields}`` is refused unless ``confirm_unfilled`` is set.
    """
    body = str(data.get("body") or "")
    subject = str(data.get("subject") or "")
    if not has_subject(str(data.get("channel") or "email")):
        subject = ""  # LinkedIn has no subject line: a leftover one is not logged
        data = {**data, "subject": ""}
    _refuse_unfilled(subject, body, data)
    kind = _choice(MessageKind, data.get("kind"), "kind")
    event = SENT_EVENTS.get(kind)
    if kind in (MessageKind.REPORT_BACK, MessageKind.UPDATE):
        conversation = get_owned(user, Conversation, conversation_id)
        if conversation.stage != Stage.THANKED:
            # Thanking an introducer who only pointed you on, or a conversation closed
            # since: the message is logged (it restarts the cadence), no stage moves.
            kind, event = MessageKind.UPDATE, None
        else:
            # The first message after the thank-you is the report-back, whatever it was
            # called, so the draft becomes the logged message instead of staying a draft.
            kind = MessageKind.UPDATE if conversation.report_back_at else MessageKind.REPORT_BACK
        data = {**data, "kind": kind.value}
    with transaction.atomic():
        draft = save_composer_draft(user, conversation_id, data)
        if event is None:  # an introduction ask moves no stage, nor an update outside one
            draft.sent_at = _sent_moment(user, data.get("at"), now)
            draft.save(update_fields=["sent_at", "updated_at"])
            return draft
        conversations.record_event(
            user,
            conversation_id,
            {"type": event.value, "subject": subject, "body": body, "at": data.get("at") or ""},
            now,
        )
    return _latest_sent(user, conversation_id)


def _refuse_unfilled(subject: str, body: str, data: dict[str, Any]) -> None:
    missing = merge.fields_in(subject + "\n" + body)
    if missing and not data.get("confirm_unfilled"):
        names = ", ".join("{" + name + "}" for name in missing)
        raise InvalidInput(
            {"body": [f"The draft still has unfilled fields: {names}. Fill them, or confirm."]}
        )


class SentNotRecorded(Exception):
    """The server accepted the email but recording it failed: do not send it again."""


def send_by_smtp(
    user: Any, conversation_id: object, data: dict[str, Any], now: datetime
) -> Message:
    """Send the draft through the user's SMTP server, then record it as sent.

    Before anything leaves, the draft is saved and ``InvalidInput`` (unfilled
    fields not confirmed) or ``sending.SendFailed`` (the server's message) keep
    it as it is. ``SentNotRecorded`` means the email left but was not logged.
    """
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    save_composer_draft(user, conversation_id, data)
    subject, body = str(data.get("subject") or ""), str(data.get("body") or "")
    _refuse_unfilled(subject, body, data)
    invite = invites.invite_to_attach(conversation, data.get("attach_invite"))
    sending.send_smtp(user, sending.outgoing_for(user, conversation.contact, subject, body, invite))
    try:
        return mark_sent(user, conversation_id, {**data, "confirm_unfilled": "1"}, now)
    except InvalidInput as exc:
        raise SentNotRecorded(exc.summary()) from exc


def _sent_moment(user: Any, at: object, now: datetime) -> datetime:
    """``at`` as typed (a wall time in the user's zone), or now when empty."""
    if not at:
        return now
    try:
        moment = datetime.fromisoformat(str(at))
    except ValueError as exc:
        raise InvalidInput({"at": [f"{at!r} is not a date and time."]}) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(ensure_profile(user).time_zone))
    return moment


def _latest_sent(user: Any, conversation_id: object) -> Message:
    return (
        Message.objects.for_user(user)
        .filter(conversation_id=conversation_id, sent_at__isnull=False)
        .order_by("-sent_at", "-created_at")
        .first()
    )


def waiting_elsewhere(
    user: Any, conversation: Conversation, now: datetime | None = None
) -> list[Conversation]:
    """Other requests at the same organization still waiting for a reply (one at a time).

    With ``now``, each gets ``door_opens_on``: the day the 3B7 routine lets you try
    another contact there (``try_another_business_days`` after the request), and
    ``door_open`` when that day has come.
    """
    organization_id = conversation.contact.organization_id
    if organization_id is None:
        return []
    waiting = list(
        conversation_queries.live(user)
        .filter(
            contact__organization_id=organization_id,
            stage__in=AWAITING_REPLY,
        )
        .exclude(pk=conversation.pk)
        .select_related("contact")
    )
    if now is not None and waiting:
        _mark_open_doors(user, waiting, now)
    return waiting


def _mark_open_doors(user: Any, waiting: list[Conversation], now: datetime) -> None:
    profile = ensure_profile(user)
    zone = profile.zone
    today = local_date(now, zone)
    days = rule_settings(profile).try_another_business_days
    holidays = holidays_for(profile, now)
    for other in waiting:
        if other.requested_at is None:
            other.door_opens_on, other.door_open = None, False
            continue
        opens = add_business_days(local_date(other.requested_at, zone), days, holidays)
        other.door_opens_on, other.door_open = opens, opens <= today


def next_contact_at(user: Any, organization_id: object) -> tuple[Any, Conversation | None]:
    """The next person to write to at an organization, and their planned conversation if any.

    Same rule as Today's "try another": never sent a request, not do-not-contact.
    Someone already chosen for outreach (a planned conversation) comes first.
    """
    from coffeechat.core.models import Contact, Organization

    organization = get_owned(user, Organization, organization_id)
    contacted = Conversation.objects.for_user(user).exclude(stage=Stage.PLANNED, requested_at=None)
    candidates = (
        Contact.objects.for_user(user)
        .filter(organization=organization, do_not_contact=False)
        .exclude(pk__in=contacted.values("contact_id"))
    )
    planned = (
        Conversation.objects.for_user(user)
        .filter(contact__in=candidates, stage=Stage.PLANNED)
        .select_related("contact")
        .order_by("created_at")
        .first()
    )
    if planned is not None:
        return planned.contact, planned
    return candidates.first(), None


def latest_conversation_with(user: Any, contact_id: object) -> Conversation | None:
    return (
        Conversation.objects.for_user(user)
        .filter(contact_id=contact_id)
        .exclude(stage=Stage.CLOSED)
        .order_by("-thanked_at", "-created_at")
        .first()
    ) or Conversation.objects.for_user(user).filter(contact_id=contact_id).first()

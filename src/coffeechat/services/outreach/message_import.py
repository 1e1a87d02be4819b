"""Import LinkedIn's messages.csv: log who wrote to whom so Today stops nagging.

Messages are matched to contacts by profile URL, then by name. Sent messages
on a planned conversation mark the request sent; a received one on a waiting
request marks it replied (sentiment left for the user to say), unless it is
an automatic reply (out of office), which is logged but leaves the request
waiting. The whole
import is one ImportBatch and undoing it reverts exactly what it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from coffeechat.core.models import Contact, Conversation, ImportBatch, Message
from coffeechat.domain.outreach.auto_reply import is_auto_reply
from coffeechat.domain.stages import AWAITING_REPLY
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import Channel, Direction, MessageKind
from coffeechat.importers.base import ImportFileError, RowProblem
from coffeechat.importers.linkedin_messages import (
    LinkedInMessage,
    infer_owner,
    normalise_profile_url,
    parse_messages,
)
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.owned import get_owned
from coffeechat.services.today.due_index import rebuilds_index

KIND = "linkedin-messages"


@dataclass(frozen=True)
class Row:
    message: LinkedInMessage
    direction: Direction
    contact: Contact | None
    matched_by: str  # "profile URL", "name" or ""
    duplicate: bool

    @property
    def auto_reply(self) -> bool:
        """An out-of-office or other automatic answer: logged, but no reply."""
        message = self.message
        incoming = self.direction is Direction.INCOMING
        return incoming and is_auto_reply(message.subject, message.content)

    @property
    def will_import(self) -> bool:
        return self.contact is not None and not self.duplicate


@dataclass(frozen=True)
class Preview:
    owner: str
    rows: list[Row]
    problems: list[RowProblem]

    @property
    def to_import(self) -> list[Row]:
        return [row for row in self.rows if row.will_import]

    @property
    def unmatched(self) -> int:
        return sum(1 for row in self.rows if row.contact is None)

    @property
    def duplicates(self) -> int:
        return sum(1 for row in self.rows if row.duplicate)


def preview_messages(user: Any, data: bytes) -> Preview:
    """What an import would log, changing nothing; an unreadable file is InvalidInput."""
    try:
        parsed = parse_messages(data)
    except ImportFileError as exc:
        raise InvalidInput({"file": [str(exc)]}) from exc
    owner = infer_owner(parsed.records)
    by_url, by_name = _contact_index(user)
    known = set(
        Message.objects.filter(owner=user, import_batch__undone_at__isnull=True)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    rows = []
    for message in sorted(parsed.records, key=lambda m: m.sent_at):
        direction = _direction(message, owner)
        contact, how = _match(message, direction, by_url, by_name)
        rows.append(Row(message, direction, contact, how, message.key in known))
    return Preview(owner, rows, parsed.problems)


def _contact_index(user: Any) -> tuple[dict[str, Contact], dict[str, Contact]]:
    by_url: dict[str, Contact] = {}
    by_name: dict[str, Contact] = {}
    for contact in Contact.objects.for_user(user):
        if contact.linkedin_url:
            by_url.setdefault(normalise_profile_url(contact.linkedin_url), contact)
        by_name.setdefault(_name_key(contact.name), contact)
    return by_url, by_name


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _direction(message: LinkedInMessage, owner: str) -> Direction:
    if message.direction:
        return Direction(message.direction)
    return Direction.OUTGOING if message.sender == owner else Direction.INCOMING


def _match(
    message: LinkedInMessage,
    direction: Direction,
    by_url: dict[str, Contact],
    by_name: dict[str, Contact],
) -> tuple[Contact | None, str]:
    if direction is Direction.OUTGOING:
        urls, names = message.recipient_urls, message.recipients
    else:
        urls, names = (message.sender_url,), (message.sender,)
    for url in urls:
        if url and normalise_profile_url(url) in by_url:
            return by_url[normalise_profile_url(url)], "profile URL"
    for name in names:
        if _name_key(name) in by_name:
            return by_name[_name_key(name)], "name"
    return None, ""


@rebuilds_index
def import_messages(user: Any, data: bytes, filename: str, now: datetime) -> ImportBatch:
    """Log every matched, new message as one batch, moving waiting conversations on."""
    preview = preview_messages(user, data)
    with transaction.atomic():
        batch = ImportBatch.objects.create(owner=user, kind=KIND, filename=filename[:300])
        created = 0
        for row in preview.to_import:
            _log(user, row, batch)
            created += 1
        batch.created_count = created
        batch.skipped_count = len(preview.rows) - created + len(preview.problems)
        batch.save(update_fields=["created_count", "skipped_count", "updated_at"])
    return batch


def _log(user: Any, row: Row, batch: ImportBatch) -> Message:
    assert row.contact is not None
    conversation = _conversation_for(user, row.contact)
    kind = MessageKind.REPLY if row.direction is Direction.INCOMING else MessageKind.UPDATE
    at = row.message.sent_at
    if conversation is not None:
        if row.direction is Direction.OUTGOING and conversation.stage == Stage.PLANNED:
            conversation.requested_at, conversation.stage = at, Stage.REQUESTED
            kind = MessageKind.REQUEST
            conversation.save(update_fields=["requested_at", "stage", "updated_at"])
        elif row.direction is Direction.OUTGOING and conversation.stage == Stage.REQUESTED:
            kind = MessageKind.FOLLOW_UP
        elif _answers(conversation, row):
            conversation.replied_at, conversation.stage = at, Stage.REPLIED
            conversation.save(update_fields=["replied_at", "stage", "updated_at"])
    return Message.objects.create(
        owner=user,
        contact=row.contact,
        conversation=conversation,
        channel=Channel.LINKEDIN_MESSAGE,
        kind=kind,
        direction=row.direction,
        subject=row.message.subject[:300],
        body=row.message.content,
        sent_at=at,
        import_batch=batch,
        external_id=row.message.key,
    )


def _answers(conversation: Conversation, row: Row) -> bool:
    waiting = conversation.stage in AWAITING_REPLY
    requested = conversation.requested_at
    return (
        row.direction is Direction.INCOMING
        and not row.auto_reply  # an auto-reply is no answer: the clocks keep running
        and waiting
        and requested is not None
        and row.message.sent_at >= requested
    )


def _conversation_for(user: Any, contact: Contact) -> Conversation | None:
    rows = Conversation.objects.for_user(user).filter(contact=contact)
    return rows.exclude(stage=Stage.CLOSED).order_by("-created_at").first() or rows.first()


@rebuilds_index
def undo_message_import(user: Any, batch_id: object, now: datetime) -> ImportBatch:
    """Remove the batch's messages and revert the stage moves they caused."""
    batch: ImportBatch = get_owned(user, ImportBatch, batch_id)
    if batch.kind != KIND:
        raise NotFound(f"No message import with id {batch_id}.")
    if batch.undone_at is not None:
        raise InvalidInput({"__all__": ["This import was already undone."]})
    with transaction.atomic():
        messages = Message.objects.filter(owner=user, import_batch=batch).select_related(
            "conversation"
        )
        for message in messages.order_by("-sent_at"):
            if message.conversation is not None:
                _revert(message.conversation, message)
        messages.delete()
        batch.undone_at = now
        batch.save(update_fields=["undone_at", "updated_at"])
    return batch


def _revert(conversation: Conversation, message: Message) -> None:
    """Undo the stage move this message caused, if nothing has moved the conversation since."""
    conversation.refresh_from_db()
    moved_by_request = (
        message.kind == MessageKind.REQUEST
        and conversation.requested_at == message.sent_at
        and conversation.stage == Stage.REQUESTED
    )
    moved_by_reply = (
        message.kind == MessageKind.REPLY
        and conversation.replied_at == message.sent_at
        and conversation.stage == Stage.REPLIED
        and not conversation.reply_sentiment
    )
    if moved_by_request:
        conversation.requested_at, conversation.stage = None, Stage.PLANNED
        conversation.save(update_fields=["requested_at", "stage", "updated_at"])
    elif moved_by_reply:
        conversation.replied_at = None
        conversation.stage = Stage.FOLLOWED_UP if conversation.followed_up_at else Stage.REQUESTED
        conversation.save(update_fields=["replied_at", "stage", "updated_at"])


def message_batches(user: Any) -> list[ImportBatch]:
    return list(ImportBatch.objects.for_user(user).filter(kind=KIND)[:50])

"""The trash: deleted rows wait 30 days, restorable, then go for good.

Moving to and from the trash is ``crm.move_to_trash``/``restore_from_trash``;
this module adds the 30-day window. ``purge_trash(now)`` removes what has
been in the trash for longer than that. It runs whenever someone opens the
trash page (for them) and from ``coffeechat trash purge`` (for every account,
e.g. daily from cron). A row deleted exactly 30 days ago can still be
restored; one second later it is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from coffeechat.core.models import Conversation, Note, OwnedModel
from coffeechat.services.contacts import actions as crm
from coffeechat.services.errors import NotFound
from coffeechat.services.today.due_index import batch as due_index_batch
from coffeechat.services.today.due_index import rebuilds_index

RETENTION = timedelta(days=30)
LABELS = {
    "career_path": "Career path",
    "organization": "Organization",
    "contact": "Contact",
    "conversation": "Conversation",
    "note": "Note",
    "action_item": "Action item",
    "open_question": "Open question",
    "template": "Template",
    "question": "Question",
}


@dataclass(frozen=True)
class TrashedItem:
    kind: str
    label: str
    item: OwnedModel
    title: str
    deleted_at: datetime
    purge_at: datetime

    def days_left(self, now: datetime) -> int:
        """Whole days, rounded up: just deleted is "30 days left", the last hours "1"."""
        return max(0, -(-(self.purge_at - now) // timedelta(days=1)))

    def as_dict(self, now: datetime) -> dict[str, object]:
        """The row as the API and ``coffeechat trash list --json`` give it."""
        return {
            "kind": self.kind,
            "label": self.label,
            "id": self.item.pk,
            "title": self.title,
            "deleted_at": self.deleted_at.isoformat(),
            "purge_at": self.purge_at.isoformat(),
            "days_left": self.days_left(now),
        }


def expired_before(now: datetime) -> datetime:
    return now - RETENTION


def is_expired(deleted_at: datetime, now: datetime) -> bool:
    return deleted_at < expired_before(now)


def describe(kind: str, item: Any) -> str:
    """How a row reads in the trash: a note by its first words, others by name."""
    if isinstance(item, Note):
        text = " ".join(item.text.split())
        return text[:80] + ("…" if len(text) > 80 else "")
    return str(item)


def trashed_items(user: Any, limit: int = 200, *, now: datetime | None = None) -> list[TrashedItem]:
    """What the user has in the trash, most recently deleted first: one query per kind.

    With ``now``, what is past its 30 days is left out: restore refuses it and the
    next purge removes it, so every list (page, API, CLI) shows only what can come back.
    """
    items = []
    for kind, model in crm.TRASHABLE.items():
        rows = model.objects.trashed_for_user(user).order_by("-deleted_at", "-pk")
        if now is not None:
            rows = rows.filter(deleted_at__gte=expired_before(now))
        if model is Conversation:  # named after its contact: one query, not one per row
            rows = rows.select_related("contact")
        rows = rows[:limit]
        items.extend(
            TrashedItem(
                kind,
                LABELS[kind],
                row,
                describe(kind, row),
                row.deleted_at,
                row.deleted_at + RETENTION,
            )
            for row in rows
        )
    return sorted(items, key=lambda i: i.deleted_at, reverse=True)


@rebuilds_index
def restore(user: Any, kind: str, pk: object, now: datetime) -> OwnedModel:
    """Bring a row back, unless its 30 days are over (then it is as good as gone)."""
    model = crm.TRASHABLE.get(kind)
    if model is not None:
        row = model.objects.trashed_for_user(user).filter(pk=pk).first()
        if row is not None and is_expired(row.deleted_at, now):
            raise NotFound(
                f"“{describe(kind, row)}” was deleted more than 30 days ago and cannot be restored."
            )
    return crm.restore_from_trash(user, kind, pk)


def purge_trash(now: datetime, user: Any = None) -> dict[str, int]:
    """Delete for good what has been in the trash for more than 30 days.

    ``user`` limits it to one account; without it every account is purged.
    Returns the rows removed per kind (what went with them by cascade, such as
    a purged conversation's messages, is not counted).
    """
    cutoff = expired_before(now)
    expired = {}
    for kind, model in crm.TRASHABLE.items():
        rows = model.objects.filter(deleted_at__lt=cutoff)
        expired[kind] = rows.filter(owner=user) if user is not None else rows
    # Most visits find nothing to purge: read first, so they never take SQLite's write lock.
    if not any(rows.exists() for rows in expired.values()):
        return {}
    removed: dict[str, int] = {}
    with due_index_batch():  # one refresh per owner, not one per purged row
        for kind, rows in expired.items():
            model = crm.TRASHABLE[kind]
            _, per_model = rows.delete()
            count = per_model.get(model._meta.label, 0)
            if count:
                removed[kind] = count
    return removed

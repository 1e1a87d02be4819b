"""The trash: what was deleted in the last 30 days, and bringing a row back."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.services.data import trash

router = Router(tags=["trash"])


class TrashedOut(Schema):
    kind: str
    label: str
    id: int
    title: str
    deleted_at: datetime
    purge_at: datetime
    days_left: int


class RestoredOut(Schema):
    kind: str
    id: int
    title: str


@router.get("", response={200: list[TrashedOut], **READ_ERRORS}, summary="What is in the trash")
def list_trash(request: HttpRequest):
    """Most recently deleted first (at most 200 of each kind); each row is deleted for
    good at ``purge_at``, 30 days after it was trashed."""
    moment = now()
    return [item.as_dict(moment) for item in trash.trashed_items(request.auth, now=moment)]


@router.post(
    "/{kind}/{item_id}/restore",
    response={200: RestoredOut, **WRITE_ERRORS},
    summary="Restore a row from the trash",
)
def restore_from_trash(request: HttpRequest, kind: str, item_id: int):
    """``kind`` as ``GET /trash`` names it (contact, conversation, note, …). 404 when
    nothing of that kind and id is in your trash, or its 30 days are over."""
    row = trash.restore(request.auth, kind, item_id, now())
    return {"kind": kind, "id": row.pk, "title": trash.describe(kind, row)}

"""Action items: advice turned into tasks, with due dates and done state."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Page, api_field_names, now, to_form
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import action_items as service
from coffeechat.services.conversations.queries import owned_action_item

router = Router(tags=["action items"])

RENAMES = {"career_path_id": "career_path", "conversation_id": "conversation"}


class ActionItemIn(Schema):
    text: str
    kind: str = "other"
    due: date | None = None
    career_path_id: int | None = None
    conversation_id: int | None = None


class ActionItemPatch(Schema):
    text: str | None = None
    kind: str | None = None
    due: date | None = None
    career_path_id: int | None = None
    conversation_id: int | None = None
    done: bool | None = None


class ActionItemOut(Schema):
    id: int
    text: str
    kind: str
    due: date | None
    done: bool
    done_at: datetime | None
    career_path_id: int | None
    conversation_id: int | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_done(item: Any) -> bool:
        return item.done_at is not None


@router.get("", response=list[ActionItemOut], summary="Your action items")
@paginate(Page)
def list_action_items(request: HttpRequest, kind: str = "", done: bool = False):
    """Open items by due date (undated last); ``done=true`` lists the done ones, newest first.
    ``kind`` is course, skill, certificate, resume, person or other."""
    return service.action_items(request.auth, kind=kind, done=done)


@router.post("", response={201: ActionItemOut, **WRITE_ERRORS}, summary="Add an action item")
def create_action_item(request: HttpRequest, payload: ActionItemIn):
    with api_field_names(RENAMES):
        item = service.create_action_item(request.auth, to_form(payload.dict(), RENAMES))
    return Status(201, item)


@router.get("/{item_id}", response={200: ActionItemOut, **READ_ERRORS}, summary="One item")
def get_action_item(request: HttpRequest, item_id: int):
    return owned_action_item(request.auth, item_id)


@router.patch(
    "/{item_id}", response={200: ActionItemOut, **WRITE_ERRORS}, summary="Change an action item"
)
def patch_action_item(request: HttpRequest, item_id: int, payload: ActionItemPatch):
    """Only the fields sent change; ``done`` true marks it done, false opens it again."""
    data = payload.dict(exclude_unset=True)
    done = data.pop("done", None)
    item = owned_action_item(request.auth, item_id)
    if data:
        with api_field_names(RENAMES):
            item = service.update_action_item(
                request.auth, item_id, to_form(data, RENAMES), partial=True
            )
    if done is not None:
        item = service.set_action_item_done(request.auth, item_id, done, now())
    return item


@router.delete("/{item_id}", response={204: None, **WRITE_ERRORS}, summary="Trash an item")
def delete_action_item(request: HttpRequest, item_id: int):
    crm.move_to_trash(request.auth, "action_item", item_id, now())
    return Status(204, None)

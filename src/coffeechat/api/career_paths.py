"""Career paths: each a hypothesis to explore through conversations."""

from datetime import datetime

from django.http import HttpRequest
from ninja import PatchDict, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Page, now
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import queries

router = Router(tags=["career paths"])


class CareerPathIn(Schema):
    title: str
    field: str = ""
    interest_phrase: str = ""
    status: str = "exploring"
    notes: str = ""


class CareerPathOut(CareerPathIn):
    id: int
    last_reviewed_at: datetime | None
    created_at: datetime
    updated_at: datetime


@router.get("", response=list[CareerPathOut], summary="Your career paths")
@paginate(Page)
def list_career_paths(request: HttpRequest, q: str = ""):
    """By title, as on the Career paths page; ``q`` filters by title or field."""
    return queries.career_paths(request.auth, q)


@router.post("", response={201: CareerPathOut, **WRITE_ERRORS}, summary="Add a career path")
def create_career_path(request: HttpRequest, payload: CareerPathIn):
    """``status`` is exploring, promising, pursuing or dropped."""
    return Status(201, crm.create_career_path(request.auth, payload.dict()))


@router.get(
    "/{career_path_id}", response={200: CareerPathOut, **READ_ERRORS}, summary="One career path"
)
def get_career_path(request: HttpRequest, career_path_id: int):
    return queries.owned_career_path(request.auth, career_path_id)


@router.patch(
    "/{career_path_id}",
    response={200: CareerPathOut, **WRITE_ERRORS},
    summary="Change a career path",
)
def patch_career_path(request: HttpRequest, career_path_id: int, payload: PatchDict[CareerPathIn]):
    return crm.update_career_path(request.auth, career_path_id, payload, partial=True)


@router.delete(
    "/{career_path_id}", response={204: None, **WRITE_ERRORS}, summary="Trash a career path"
)
def delete_career_path(request: HttpRequest, career_path_id: int):
    crm.move_to_trash(request.auth, "career_path", career_path_id, now())
    return Status(204, None)

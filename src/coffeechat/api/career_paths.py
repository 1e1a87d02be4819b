"""Career paths: each a hypothesis to explore through conversations."""

from datetime import datetime

from django.db.models import Q
from django.http import HttpRequest
from ninja import PatchDict, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Page, now
from coffeechat.core.models import CareerPath
from coffeechat.services.contacts import actions as crm

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
    """``q`` filters by title or field."""
    paths = CareerPath.objects.for_user(request.auth)
    for word in q.split():
        paths = paths.filter(Q(title__icontains=word) | Q(field__icontains=word))
    return paths.order_by("title", "id")


@router.post("", response={201: CareerPathOut, **WRITE_ERRORS}, summary="Add a career path")
def create_career_path(request: HttpRequest, payload: CareerPathIn):
    """``status`` is exploring, promising, pursuing or dropped."""
    return Status(201, crm.create_career_path(request.auth, payload.dict()))


@router.get(
    "/{career_path_id}", response={200: CareerPathOut, **READ_ERRORS}, summary="One career path"
)
def get_career_path(request: HttpRequest, career_path_id: int):
    return crm.get_owned(request.auth, CareerPath, career_path_id)


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

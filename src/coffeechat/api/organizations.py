"""Target organizations, in the LAMP order (motivation, posting, advocacy)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import PatchDict, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Page, now
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import queries, targets

router = Router(tags=["organizations"])


class OrganizationIn(Schema):
    name: str
    industry: str = ""
    website: str = ""
    motivation: int = 0
    posting: int = 1
    notes: str = ""


class OrganizationOut(OrganizationIn):
    id: int
    advocacy: int
    alumni: int
    created_at: datetime
    updated_at: datetime


def _read(user: object, pk: int) -> Any:
    """The organization with its advocacy (live contacts known there)."""
    return queries.organization_with_advocacy(user, pk)


@router.get("", response=list[OrganizationOut], summary="Your organizations, ranked")
@paginate(Page)
def list_organizations(request: HttpRequest, q: str = ""):
    """Ranked by motivation, then posting, then advocacy, then name (any case), as on the
    Organizations page; ``q`` filters by name or industry."""
    return targets.ranked_organizations(request.auth, q)


@router.post("", response={201: OrganizationOut, **WRITE_ERRORS}, summary="Add an organization")
def create_organization(request: HttpRequest, payload: OrganizationIn):
    """``motivation`` 0-3 (3: dream employer), ``posting`` 1-3 (relevant job postings)."""
    organization = crm.create_organization(request.auth, payload.dict())
    return Status(201, _read(request.auth, organization.pk))


@router.get(
    "/{organization_id}", response={200: OrganizationOut, **READ_ERRORS}, summary="One organization"
)
def get_organization(request: HttpRequest, organization_id: int):
    return _read(request.auth, organization_id)


@router.patch(
    "/{organization_id}",
    response={200: OrganizationOut, **WRITE_ERRORS},
    summary="Change an organization",
)
def patch_organization(
    request: HttpRequest, organization_id: int, payload: PatchDict[OrganizationIn]
):
    crm.update_organization(request.auth, organization_id, payload, partial=True)
    return _read(request.auth, organization_id)


@router.delete(
    "/{organization_id}", response={204: None, **WRITE_ERRORS}, summary="Trash an organization"
)
def delete_organization(request: HttpRequest, organization_id: int):
    crm.move_to_trash(request.auth, "organization", organization_id, now())
    return Status(204, None)


# -- targets area (issue 3): "who do I know here" --
class ReasonOut(Schema):
    text: str
    points: int


class PersonOut(Schema):
    contact_id: int
    name: str
    title: str
    source: str
    latest_stage: str
    score: int
    reasons: list[ReasonOut]


@router.get(
    "/{organization_id}/people",
    response={200: list[PersonOut], **READ_ERRORS},
    summary="Who do I know here, most relevant first",
)
def organization_people(request: HttpRequest, organization_id: int):
    """The organization's contacts ranked for outreach, each with the reasons for its place:
    role matching a career path, alumni, seniority, internal promotion, introductions."""
    organization = queries.owned_organization(request.auth, organization_id)
    return [
        {
            "contact_id": row.contact.pk,
            "name": row.contact.name,
            "title": row.contact.title,
            "source": row.contact.source,
            "latest_stage": row.latest_stage,
            "score": row.ranked.score,
            "reasons": [{"text": r.text, "points": r.points} for r in row.ranked.reasons],
        }
        for row in targets.who_do_i_know(request.auth, organization)
    ]

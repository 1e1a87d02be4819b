"""The user's contacts: list, search, create, change, trash."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import PatchDict, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, Page, api_field_names, now, to_form
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import merge as contact_merge
from coffeechat.services.contacts import queries
from coffeechat.services.contacts import search as contact_search

router = Router(tags=["contacts"])

# API field -> service form field.
RENAMES = {
    "organization_id": "organization",
    "referred_by_id": "referred_by",
    "career_path_ids": "career_paths",
}


class ContactIn(Schema):
    first_name: str
    last_name: str = ""
    email: str = ""
    linkedin_url: str = ""
    phone: str = ""
    organization_id: int | None = None
    title: str = ""
    location: str = ""
    time_zone: str = ""
    source: str = "other"
    connection_line: str = ""
    connection: str = ""
    referred_by_id: int | None = None
    research_notes: str = ""
    cadence_days: int | None = None
    do_not_contact: bool = False
    career_path_ids: list[int] = []


class ContactOut(Schema):
    id: int
    name: str
    first_name: str
    last_name: str
    email: str
    linkedin_url: str
    phone: str
    organization_id: int | None
    title: str
    location: str
    time_zone: str
    source: str
    connection_line: str
    connection: str
    referred_by_id: int | None
    research_notes: str
    cadence_days: int | None
    do_not_contact: bool
    career_path_ids: list[int]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_career_path_ids(contact: Any) -> list[int]:
        # Prefetched; a trashed career path is hidden here as everywhere.
        return [path.pk for path in contact.career_paths.all() if path.deleted_at is None]


def _read(user: object, pk: int) -> Any:
    return queries.contact_with_paths(user, pk)


@router.get("", response=list[ContactOut], summary="Your contacts")
@paginate(Page)
def list_contacts(request: HttpRequest, q: str = ""):
    """``q`` is the contact page's full-text search: every word, as a prefix, in the name,
    email, title, organization, connection sentence, research or notes. The order is the
    contact page's for the same search: best match first with ``q``, else by name."""
    return contact_search.listed(request.auth, q)


@router.post("", response={201: ContactOut, **WRITE_ERRORS}, summary="Add a contact")
def create_contact(request: HttpRequest, payload: ContactIn):
    with api_field_names(RENAMES):
        contact = crm.create_contact(request.auth, to_form(payload.dict(), RENAMES))
    return Status(201, _read(request.auth, contact.pk))


@router.get("/{contact_id}", response={200: ContactOut, **READ_ERRORS}, summary="One contact")
def get_contact(request: HttpRequest, contact_id: int):
    return _read(request.auth, contact_id)


@router.patch(
    "/{contact_id}", response={200: ContactOut, **WRITE_ERRORS}, summary="Change a contact"
)
def patch_contact(request: HttpRequest, contact_id: int, payload: PatchDict[ContactIn]):
    """Only the fields sent change; ``null`` clears ``organization_id`` or ``referred_by_id``."""
    with api_field_names(RENAMES):
        crm.update_contact(request.auth, contact_id, to_form(payload, RENAMES), partial=True)
    return _read(request.auth, contact_id)


@router.delete("/{contact_id}", response={204: None, **WRITE_ERRORS}, summary="Trash a contact")
def delete_contact(request: HttpRequest, contact_id: int):
    """Moves the contact to the trash, from where the web app can restore it."""
    crm.move_to_trash(request.auth, "contact", contact_id, now())
    return Status(204, None)


class MergeIn(Schema):
    other_id: int


class MergeOut(Schema):
    id: int
    kept_id: int
    merged_id: int
    moved: dict[str, list[int]]
    filled: dict[str, object]
    undone_at: datetime | None


@router.post(
    "/{contact_id}/merge",
    response={201: MergeOut, **WRITE_ERRORS},
    summary="Merge a duplicate into a contact",
)
def merge_contact(request: HttpRequest, contact_id: int, payload: MergeIn):
    """``other_id``'s conversations, messages and referrals move to this contact, its
    values fill this contact's empty fields, and it goes to the trash. ``moved`` and
    ``filled`` say what changed; ``POST /contacts/merges/{id}/undo`` puts it back."""
    return Status(
        201, contact_merge.merge_contacts(request.auth, contact_id, payload.other_id, now())
    )


@router.post(
    "/merges/{merge_id}/undo", response={200: MergeOut, **WRITE_ERRORS}, summary="Undo a merge"
)
def undo_contact_merge(request: HttpRequest, merge_id: int):
    """The duplicate comes back with what moved; a field changed since stays as it is."""
    return contact_merge.undo_merge(request.auth, merge_id, now())

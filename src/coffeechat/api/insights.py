"""GET /insights/notes: the Insights page's note search, with the same filters and themes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from coffeechat.api.common import READ_ERRORS, Invalid, api_field_names
from coffeechat.services.reflection.insights import MAX_PAGE_SIZE, filters_from, search_notes

router = Router(tags=["insights"])
RENAMES = {"career_path_id": "path", "organization_id": "organization"}


class NoteHitOut(Schema):
    note_id: int
    snippet_html: str = Field(
        description="The note's text, HTML-escaped, with matched words in <mark>."
    )
    tags: list[str]
    highlight: bool
    created_at: datetime
    conversation_id: int | None
    contact_id: int | None
    contact_name: str
    organization_id: int | None
    organization_name: str
    career_path_id: int | None
    career_path_title: str
    question: str


class ThemeOut(Schema):
    tag: str
    count: int


class NoteSearchOut(Schema):
    count: int
    page: int
    pages: int
    items: list[NoteHitOut]
    themes: list[ThemeOut] = Field(description="Most common tags among all matching notes.")


@router.get(
    "/notes",
    response={200: NoteSearchOut, 422: Invalid, **READ_ERRORS},
    summary="Search notes",
)
def search(
    request: HttpRequest,
    q: Annotated[str, Query(description='Words, "phrases", prefix*.', max_length=200)] = "",
    career_path_id: Annotated[int | None, Query(description="Only this career path.")] = None,
    organization_id: Annotated[int | None, Query(description="Only this organization.")] = None,
    tag: Annotated[str, Query(max_length=40)] = "",
    highlight: bool = False,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
):
    """Best match first when ``q`` is given, newest first otherwise. Any text is accepted:
    operators and punctuation are read as plain text."""
    data = {"q": q, "path": career_path_id, "organization": organization_id, "tag": tag}
    data = {key: value for key, value in data.items() if value not in (None, "")}
    data["page"] = page
    if highlight:
        data["highlight"] = "on"
    with api_field_names(RENAMES):
        filters, page_number = filters_from(request.auth, data)
    result = search_notes(request.auth, filters, page_number, per_page)
    return {
        "count": result.total,
        "page": result.page,
        "pages": result.pages,
        "items": [vars(hit) for hit in result.hits],
        "themes": [vars(theme) for theme in result.themes],
    }

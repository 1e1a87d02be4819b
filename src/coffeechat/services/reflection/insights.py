"""Insights: full-text search across the user's notes, and the themes (tags) heard most.

One function, ``search_notes``, serves the page, the API and any other caller.
SQLite matches through the FTS5 table ``core_note_fts`` (migration 0002), and
PostgreSQL through its own text search; both read the same parsed terms
(``domain.insights``), so a query means the same on either; the
engine-specific SQL is in ``insights_sql``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.text import Truncator

from coffeechat.core.models import CareerPath, Note, Organization
from coffeechat.domain.insights import MAX_QUERY_LENGTH, Term, Theme, marked_html, parse_query
from coffeechat.services.conversations.queries import live
from coffeechat.services.errors import InvalidInput
from coffeechat.services.reflection import insights_sql

PER_PAGE = 20
MAX_PAGE_SIZE = 100
SNIPPET_WORDS = insights_sql.SNIPPET_WORDS


class NoteSearchForm(forms.Form):
    """The search box and filters, as the page and the API send them."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        label="Search notes",
        help_text='Words, "exact phrases", or design* for words starting with design.',
    )
    path = forms.ModelChoiceField(
        queryset=CareerPath.objects.none(), required=False, label="Career path"
    )
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), required=False, label="Organization"
    )
    tag = forms.CharField(required=False, max_length=40, label="Tag")
    highlight = forms.BooleanField(required=False, label="Highlights only")
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["path"].queryset = CareerPath.objects.for_user(user)  # type: ignore[attr-defined]
        self.fields["organization"].queryset = Organization.objects.for_user(user)  # type: ignore[attr-defined]
        for name in ("path", "organization"):
            self.fields[name].empty_label = "Any"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class NoteFilters:
    query: str = ""
    career_path_id: int | None = None
    organization_id: int | None = None
    tag: str = ""
    highlight_only: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.query
            or self.career_path_id
            or self.organization_id
            or self.tag
            or self.highlight_only
        )


@dataclass(frozen=True)
class NoteHit:
    note_id: int
    snippet_html: str = field(repr=False)
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


@dataclass(frozen=True)
class NoteSearch:
    filters: NoteFilters
    terms: tuple[Term, ...]
    hits: list[NoteHit]
    total: int
    page: int
    pages: int
    themes: tuple[Theme, ...]


def filters_from(user: Any, data: Any) -> tuple[NoteFilters, int]:
    """The filters and page number from a query string; bad values raise InvalidInput."""
    form = NoteSearchForm(data, user=user)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    cleaned = form.cleaned_data
    filters = NoteFilters(
        query=cleaned["q"].strip(),
        career_path_id=cleaned["path"].pk if cleaned["path"] else None,
        organization_id=cleaned["organization"].pk if cleaned["organization"] else None,
        tag=cleaned["tag"].strip().lower(),
        highlight_only=cleaned["highlight"],
    )
    return filters, cleaned["page"] or 1


def search_notes(
    user: Any, filters: NoteFilters, page: int = 1, per_page: int = PER_PAGE
) -> NoteSearch:
    """The user's live notes matching ``filters``, best match first, one page of them.

    A fixed number of queries whatever the number of notes. With words: the
    count, page ids and themes in one statement, the page's rows, its snippets.
    Without: the count, the page's ids, its rows, the themes. A page past the
    last costs one more (the last page's ids).
    """
    terms = parse_query(filters.query)
    notes = _filtered(user, filters)
    if filters.query and not terms:
        notes = notes.none()  # only punctuation: nothing can match
    per_page = min(max(per_page, 1), MAX_PAGE_SIZE)
    page = max(page, 1)
    ids: list[int] | None = None  # the page's ids, once known
    if terms:
        found = insights_sql.found(notes, terms, (page - 1) * per_page, per_page)
        total, ids, themes = found.total, found.ids, found.themes
    else:
        total = notes.count()
        themes = insights_sql.themes(notes) if total else ()
    pages = max(1, -(-total // per_page))
    if page > pages:  # past the last page: show the last one
        page, ids = pages, None
    if ids is None:
        ids = _page_ids(notes, terms, (page - 1) * per_page, per_page) if total else []
    rows = _rows(notes, ids)
    marked = insights_sql.snippets([note.pk for note in rows], terms) if terms else {}
    return NoteSearch(
        filters=filters,
        terms=terms,
        hits=[_hit(note, marked.get(note.pk)) for note in rows],
        total=total,
        page=page,
        pages=pages,
        themes=themes,
    )


def _page_ids(notes: QuerySet[Note], terms: tuple[Term, ...], offset: int, limit: int) -> list[int]:
    if terms:
        return insights_sql.ranked_ids(notes, terms, offset, limit)
    return _newest_ids(notes, offset, limit)


def _newest_ids(notes: QuerySet[Note], offset: int, limit: int) -> list[int]:
    newest = notes.order_by("-created_at", "-pk").values_list("pk", flat=True)
    return list(newest[offset : offset + limit])


# What ``_hit`` reads, and nothing more (a field left out would cost a query per note).
_HIT_FIELDS = (
    "text",
    "tags",
    "highlight",
    "created_at",
    "conversation",
    "conversation__contact",
    "conversation__contact__first_name",
    "conversation__contact__last_name",
    "conversation__contact__organization__name",
    "conversation__contact__organization__deleted_at",
    "conversation__career_path__title",
    "conversation__career_path__deleted_at",
    "question__text",
)


def _rows(notes: QuerySet[Note], ids: list[int]) -> list[Note]:
    """The rows of one page's notes, in the order of ``ids``."""
    if not ids:
        return []
    rows = (
        notes.filter(pk__in=ids)
        .select_related(
            "conversation__contact__organization", "conversation__career_path", "question"
        )
        .only(*_HIT_FIELDS)  # building five whole models per note cost ~2 ms a page
    )
    found = {note.pk: note for note in rows}
    return [found[pk] for pk in ids if pk in found]


def _filtered(user: Any, filters: NoteFilters) -> QuerySet[Note]:
    """Live notes whose conversation and contact are live too (or that have none).

    The conversation side is one uncorrelated subquery, which the databases
    evaluate once, rather than joins that every count and sort would carry.
    """
    conversations = live(user)
    narrowed = bool(filters.career_path_id or filters.organization_id)
    if filters.career_path_id:
        conversations = conversations.filter(career_path_id=filters.career_path_id)
    if filters.organization_id:
        conversations = conversations.filter(contact__organization_id=filters.organization_id)
    in_live = Q(conversation_id__in=conversations.values("id"))
    notes = Note.objects.for_user(user).filter(
        in_live if narrowed else in_live | Q(conversation__isnull=True)
    )
    if filters.highlight_only:
        notes = notes.filter(highlight=True)
    if filters.tag:
        notes = notes.filter(_has_tag(filters.tag))
    return notes


def _has_tag(tag: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(tags__contains=[tag])
    # SQLite stores the list as JSON text; a quoted element cannot match a longer tag.
    return Q(tags__icontains=json.dumps(tag))


def _hit(note: Note, marked: str | None) -> NoteHit:
    conversation = note.conversation
    contact = conversation.contact if conversation else None
    organization = contact.organization if contact else None
    path = conversation.career_path if conversation else None
    if marked is None:
        marked = Truncator(note.text).words(SNIPPET_WORDS * 2, truncate="…")
    snippet = marked_html(marked)
    return NoteHit(
        note_id=note.pk,
        snippet_html=snippet,
        tags=list(note.tags or []),
        highlight=note.highlight,
        created_at=note.created_at,
        conversation_id=conversation.pk if conversation else None,
        contact_id=contact.pk if contact else None,
        contact_name=contact.name if contact else "",
        organization_id=organization.pk if organization and not organization.deleted_at else None,
        organization_name=organization.name if organization and not organization.deleted_at else "",
        career_path_id=path.pk if path and not path.deleted_at else None,
        career_path_title=path.title if path and not path.deleted_at else "",
        question=note.question.text if note.question else "",
    )

"""Insights: full-text search across the user's notes, and the themes (tags) heard most.

One function, ``search_notes``, serves the page, the API and any other caller.
SQLite matches through the FTS5 table ``core_note_fts`` (migration 0002), and
PostgreSQL through its own text search; both read the same parsed terms
(``domain.insights``), so a query means the same on either. A search costs a
fixed number of queries: the count, one page of rows with their snippets, and
the themes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils.text import Truncator

from coffeechat.core.models import CareerPath, Note, Organization
from coffeechat.domain.insights import (
    MARK_END,
    MARK_START,
    MAX_QUERY_LENGTH,
    Term,
    Theme,
    count_themes,
    fts5_expression,
    marked_html,
    parse_query,
    postgres_raw_query,
)
from coffeechat.services.errors import InvalidInput

PER_PAGE = 20
MAX_PAGE_SIZE = 100
SNIPPET_WORDS = 24
LT_STAND_IN = "\ue002"  # private use, like the match markers


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
    """The user's live notes matching ``filters``, best match first, one page of them."""
    terms = parse_query(filters.query)
    notes = _filtered(user, filters)
    if filters.query and not terms:
        notes = notes.none()  # only punctuation: nothing can match
    elif terms:
        notes = _matching(notes, terms)
    else:
        notes = notes.order_by("-created_at", "-pk")
    themes = count_themes(notes.order_by().values_list("tags", flat=True))
    paginator = Paginator(notes, min(max(per_page, 1), MAX_PAGE_SIZE))
    current = paginator.get_page(page)
    hits = [_hit(note, bool(terms)) for note in current.object_list]
    return NoteSearch(
        filters=filters,
        terms=terms,
        hits=hits,
        total=paginator.count,
        page=current.number,
        pages=paginator.num_pages,
        themes=themes,
    )


def _filtered(user: Any, filters: NoteFilters) -> QuerySet[Note]:
    """Live notes whose conversation and contact are live too (or that have none)."""
    notes = Note.objects.for_user(user).filter(
        Q(conversation__isnull=True)
        | Q(conversation__deleted_at__isnull=True, conversation__contact__deleted_at__isnull=True)
    )
    if filters.career_path_id:
        notes = notes.filter(conversation__career_path_id=filters.career_path_id)
    if filters.organization_id:
        notes = notes.filter(conversation__contact__organization_id=filters.organization_id)
    if filters.highlight_only:
        notes = notes.filter(highlight=True)
    if filters.tag:
        notes = notes.filter(_has_tag(filters.tag))
    return notes.select_related(
        "conversation__contact__organization", "conversation__career_path", "question"
    )


def _has_tag(tag: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(tags__contains=[tag])
    # SQLite stores the list as JSON text; a quoted element cannot match a longer tag.
    return Q(tags__icontains=json.dumps(tag))


def _matching(notes: QuerySet[Note], terms: tuple[Term, ...]) -> QuerySet[Note]:
    if connection.vendor == "postgresql":
        return _matching_postgres(notes, terms)
    return _matching_sqlite(notes, terms)


def _matching_sqlite(notes: QuerySet[Note], terms: tuple[Term, ...]) -> QuerySet[Note]:
    # FTS5 ranks and cuts snippets only inside a query that MATCHes its table,
    # hence the join through extra() rather than a subquery.
    return notes.extra(
        select={
            "fts_rank": "bm25(core_note_fts)",
            "fts_snippet": f"snippet(core_note_fts, 0, %s, %s, %s, {SNIPPET_WORDS})",
        },
        select_params=[MARK_START, MARK_END, "…"],
        tables=["core_note_fts"],
        where=["core_note_fts.rowid = core_note.id", "core_note_fts MATCH %s"],
        params=[fts5_expression(terms)],
    ).order_by("fts_rank", "-created_at", "-pk")


def _matching_postgres(notes: QuerySet[Note], terms: tuple[Term, ...]) -> QuerySet[Note]:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    vector = SearchVector("text", config="english")
    query = SearchQuery(postgres_raw_query(terms), config="english", search_type="raw")
    # ts_headline drops anything that parses as an HTML tag ("<i>"), so "<" is
    # swapped for a stand-in on the way in and restored (then escaped) on the way out.
    headline = SearchHeadline(
        Replace(F("text"), Value("<"), Value(LT_STAND_IN)),
        query,
        config="english",
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=SNIPPET_WORDS + 6,
        min_words=SNIPPET_WORDS // 2,
    )
    return (
        notes.annotate(fts_vector=vector)
        .filter(fts_vector=query)
        .annotate(fts_rank=SearchRank(vector, query), fts_snippet=headline)
        .order_by("-fts_rank", "-created_at", "-pk")
    )


def _hit(note: Note, matched: bool) -> NoteHit:
    conversation = note.conversation
    contact = conversation.contact if conversation else None
    organization = contact.organization if contact else None
    path = conversation.career_path if conversation else None
    if matched:
        raw = getattr(note, "fts_snippet", "") or ""
        snippet = marked_html(raw.replace(LT_STAND_IN, "<"))
    else:
        snippet = marked_html(Truncator(note.text).words(SNIPPET_WORDS * 2, truncate="…"))
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

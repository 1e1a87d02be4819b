"""The contact list: full-text search, filters, sorting and pages, in a fixed number of queries.

Search covers names, email addresses, titles, organization names, connection sentences,
research and the notes of the contact's live conversations. On SQLite it
reads the FTS5 table that migration 0002 keeps in sync with triggers; on
PostgreSQL it builds the search vector at query time. Both take the same
words: each word must match, as a prefix ("rese" finds "researcher").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Max, OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Replace

from coffeechat.core.models import CareerPath, Contact, Conversation, Message, Note, Organization
from coffeechat.domain.stages import STAGE_LABELS
from coffeechat.domain.types import Bucket, Stage
from coffeechat.domain.vocabulary import Source
from coffeechat.services.contacts import queries

PAGE_SIZE = 50
NO_CONVERSATION = "none"
SORTS = {
    "name": "Name",
    "organization": "Organization",
    "recent": "Recently added",
    "last_contact": "Last contact",
    "relevance": "Best match",
}
DUE_CHOICES = {
    "now": "Due now (overdue or today)",
    "overdue": "Overdue",
    "upcoming": "Coming up",
}
_MAX_WORDS = 12


@dataclass(frozen=True)
class ContactFilters:
    """What the list is narrowed to; empty values mean "any"."""

    q: str = ""
    source: str = ""
    career_path: int | None = None
    organization: int | None = None
    stage: str = ""  # a Stage value, or "none" for contacts never approached
    due: str = ""  # a DUE_CHOICES key
    sort: str = ""  # a SORTS key; default relevance with a query, else name

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.q.strip()):
            return self.sort
        return "relevance" if search_words(self.q) else "name"

    @property
    def active(self) -> bool:
        return any(
            (self.q.strip(), self.source, self.career_path, self.organization, self.stage, self.due)
        )


@dataclass
class ContactPage:
    page: Page
    filters: ContactFilters
    due_counts: dict[int, int] = field(default_factory=dict)


def parse_filters(params: Any) -> ContactFilters:
    """Read filters from a query string, ignoring values that are not valid choices."""

    def as_id(name: str) -> int | None:
        value = str(params.get(name, "") or "")
        return int(value) if value.isdigit() else None

    source = params.get("source", "")
    stage = params.get("stage", "")
    due = params.get("due", "")
    sort = params.get("sort", "")
    return ContactFilters(
        q=str(params.get("q", "") or "")[:200],
        source=source if source in {s.value for s in Source} else "",
        career_path=as_id("career_path"),
        organization=as_id("organization"),
        stage=stage if stage in {*(s.value for s in Stage), NO_CONVERSATION} else "",
        due=due if due in DUE_CHOICES else "",
        sort=sort if sort in SORTS else "",
    )


def search_words(text: str) -> list[str]:
    """The words of a query, lowercased; punctuation and search syntax are dropped.

    >>> search_words('Ana "UX" OR (researcher*)')
    ['ana', 'ux', 'or', 'researcher']
    """
    return re.findall(r"\w+", text.casefold())[:_MAX_WORDS]


def search_contacts(
    user: Any,
    filters: ContactFilters,
    *,
    page: object = 1,
    now: datetime | None = None,
    page_size: int = PAGE_SIZE,
) -> ContactPage:
    """One page of the user's live contacts, in three queries whatever the sizes.

    The ids are sorted and counted first, without the per-row columns; only
    the page's rows are then read with their stage and last contact, so a
    10,000-contact list costs what a 50-contact one does on the page query.
    (Filtering by due adds Today's own queries, and needs ``now``.)
    """
    contacts = _filtered(user, filters, now)
    paginated = Paginator(_ordered_ids(user, contacts, filters), page_size).get_page(page)
    ids = list(paginated.object_list)
    rows = {c.pk: c for c in _annotated(user, Contact.objects.filter(pk__in=ids))}
    paginated.object_list = [rows[pk] for pk in ids if pk in rows]
    return ContactPage(paginated, filters)


def listed(user: Any, q: str = "") -> queries.InOrder:
    """The live contacts matching ``q`` in the order the Contacts page gives them for the
    same search (best match with words, else by name), each with its career paths;
    rows are read only for the slice taken."""
    filters = ContactFilters(q=q)
    return queries.InOrder(
        _ordered_ids(user, _filtered(user, filters, None), filters), queries.contacts_with_paths
    )


def matching_ids(user: Any, text: str) -> QuerySet[Contact] | None:
    """The user's contacts matching every word of ``text``; None when there is no word."""
    words = search_words(text)
    if not words:
        return None
    contacts = Contact.objects.filter(owner=user)
    if connection.vendor == "sqlite":
        expression = " ".join(f'"{word}"*' for word in words)
        return contacts.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM core_contact_fts WHERE core_contact_fts MATCH %s", [expression]
            )
        )
    return _postgres_matches(user, contacts, words)


def _prefix_query(words: list[str]) -> Any:
    from django.contrib.postgres.search import SearchQuery

    # Every word as a prefix; the words are \w+ only, so the raw tsquery is safe.
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="simple")


def _postgres_matches(user: Any, contacts: QuerySet[Contact], words: list[str]) -> Any:
    """The contact's fields and their live notes as one document, matched at query time."""
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector

    notes = (
        Note.objects.filter(
            owner=user,
            deleted_at__isnull=True,
            conversation__deleted_at__isnull=True,
            conversation__contact=OuterRef("pk"),
        )
        .values("conversation__contact")
        .annotate(text=StringAgg("text", delimiter=" "))
        .values("text")
    )
    document = SearchVector(
        "first_name",
        "last_name",
        # PostgreSQL reads an address as one token; split it so "globomail" finds it.
        Replace(Replace("email", Value("@"), Value(" ")), Value("."), Value(" ")),
        "title",
        "organization__name",
        "connection",
        "research_notes",
        config="simple",
    ) + SearchVector(
        Coalesce(Subquery(notes), Value(""), output_field=TextField()), config="simple"
    )
    return contacts.annotate(document=document).filter(document=_prefix_query(words))


def _filtered(user: Any, filters: ContactFilters, now: datetime | None) -> QuerySet[Contact]:
    contacts = Contact.objects.for_user(user)
    matches = matching_ids(user, filters.q)
    if matches is not None:
        contacts = contacts.filter(pk__in=matches.values("pk"))
    if filters.source:
        contacts = contacts.filter(source=filters.source)
    if filters.organization:
        contacts = contacts.filter(organization_id=filters.organization)
    if filters.career_path:
        paths = CareerPath.objects.for_user(user).filter(pk=filters.career_path)
        contacts = contacts.filter(career_paths__in=paths)
    if filters.stage:
        contacts = _by_stage(user, contacts, filters.stage)
    if filters.due:
        contacts = contacts.filter(pk__in=due_contact_ids(user, filters.due, now))
    return contacts


def _by_stage(user: Any, contacts: QuerySet[Contact], stage: str) -> QuerySet[Contact]:
    live = Conversation.objects.for_user(user)
    if stage == NO_CONVERSATION:
        return contacts.exclude(pk__in=live.values("contact_id"))
    return contacts.filter(pk__in=live.filter(stage=stage).values("contact_id"))


def due_contact_ids(user: Any, due: str, now: datetime | None) -> set[int]:
    """Contacts with an action on the Today list in the chosen bucket(s)."""
    from coffeechat.services.today.due_list import today_for

    if now is None:
        raise ValueError("filtering by due needs the current time")
    buckets = {
        "now": {Bucket.OVERDUE, Bucket.TODAY},
        "overdue": {Bucket.OVERDUE},
        "upcoming": {Bucket.UPCOMING},
    }[due]
    listing = today_for(user, now)
    return {
        item.action.contact_id
        for item in listing.items
        if item.action.bucket in buckets and item.action.contact_id is not None
    }


def _last_contact(user: Any) -> Subquery:
    # No owner filter: the contact is the user's, and the contact index is the fast path.
    sent = Message.objects.filter(
        deleted_at__isnull=True, contact=OuterRef("pk"), sent_at__isnull=False
    )
    return Subquery(sent.values("contact").annotate(last=Max("sent_at")).values("last")[:1])


def _annotated(user: Any, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """What each row shows, as subqueries: one query for the page however long."""
    live_conversations = Conversation.objects.filter(
        deleted_at__isnull=True, contact=OuterRef("pk")
    ).order_by("-created_at", "-pk")
    return contacts.select_related("organization").annotate(
        latest_stage=Subquery(live_conversations.values("stage")[:1]),
        latest_conversation_id=Subquery(live_conversations.values("pk")[:1]),
        last_contact=_last_contact(user),
    )


def _ordered_ids(user: Any, contacts: QuerySet[Contact], filters: ContactFilters) -> Any:
    """The matching contacts' ids in the chosen order: a lazy query, or a list by relevance."""
    sort = filters.effective_sort
    if sort == "organization":
        contacts = contacts.order_by(
            F("organization__name").asc(nulls_last=True), "last_name", "first_name", "pk"
        )
    elif sort == "recent":
        contacts = contacts.order_by("-created_at", "-pk")
    elif sort == "last_contact":
        contacts = contacts.annotate(last_contact=_last_contact(user)).order_by(
            F("last_contact").desc(nulls_last=True), "last_name", "pk"
        )
    elif sort == "relevance":
        return _by_relevance(user, contacts, filters.q)
    else:
        contacts = contacts.order_by("last_name", "first_name", "pk")
    return contacts.values_list("pk", flat=True)


def _by_relevance(user: Any, contacts: QuerySet[Contact], text: str) -> Any:
    words = search_words(text)
    if connection.vendor == "sqlite":
        expression = " ".join(f'"{word}"*' for word in words)
        # bm25 is lower for better matches; names weigh most, then title, organization.
        with connection.cursor() as cursor:
            # The index alone, not joined: a join makes SQLite run the match once per
            # contact. Other users' matches in it are never shown: ``contacts`` is scoped.
            cursor.execute(
                "SELECT rowid, bm25(core_contact_fts, 10.0, 4.0, 3.0, 2.0, 1.0)"
                " FROM core_contact_fts WHERE core_contact_fts MATCH %s",
                [expression],
            )
            rank = dict(cursor.fetchall())
        rows = contacts.values_list("pk", "last_name", "first_name")
        ordered = sorted(rows, key=lambda r: (rank.get(r[0], 0.0), r[1], r[2], r[0]))
        return [pk for pk, *_ in ordered]
    from django.contrib.postgres.search import SearchRank, SearchVector

    vector = (
        SearchVector("first_name", "last_name", weight="A", config="simple")
        + SearchVector("title", weight="B", config="simple")
        + SearchVector("organization__name", weight="C", config="simple")
    )
    return (
        contacts.annotate(rank=SearchRank(vector, _prefix_query(words)))
        .order_by("-rank", "last_name", "first_name", "pk")
        .values_list("pk", flat=True)
    )


def stage_labels() -> dict[str, str]:
    """Each conversation stage's value and the words the list shows for it."""
    return {str(value): str(text) for value, text in STAGE_LABELS.items()}


def filter_choices(user: Any) -> dict[str, list[tuple[str, str]]]:
    """The options of the filter menus: two small queries."""
    organizations = Organization.objects.for_user(user).order_by("name").values_list("pk", "name")
    paths = CareerPath.objects.for_user(user).order_by("title").values_list("pk", "title")
    stages = [(NO_CONVERSATION, "Not approached yet")] + [
        (str(value), str(text)) for value, text in Conversation._meta.get_field("stage").choices
    ]
    return {
        "organizations": [(str(pk), name) for pk, name in organizations],
        "career_paths": [(str(pk), title) for pk, title in paths],
        "stages": stages,
        "due": list(DUE_CHOICES.items()),
        "sorts": list(SORTS.items()),
    }

"""The two engines behind note search: SQLite FTS5 and PostgreSQL text search.

Each function costs at most one query (``found`` answers the count, the
ranked page and the themes at once) and does the heavy part in the database:
matching and ranking every note, but cutting snippets only for the page shown
and counting themes (tags) with the database's own JSON functions, so a search
over tens of thousands of notes stays a few milliseconds of Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace

from coffeechat.core.models import Note
from coffeechat.domain.insights import (
    MARK_END,
    MARK_START,
    Term,
    Theme,
    fts5_expression,
    postgres_raw_query,
)

SNIPPET_WORDS = 24
LT_STAND_IN = "\ue002"  # private use, like the match markers
THEMES = 15


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def matching(notes: QuerySet[Note], terms: tuple[Term, ...]) -> QuerySet[Note]:
    """Only the notes whose text matches every term."""
    if _postgres():
        return notes.annotate(fts_vector=_vector()).filter(fts_vector=_query(terms))
    # A subquery, not a join: SQLite would run the full-text query again for every note.
    return notes.filter(id__in=RawSQL(_FTS_IDS, [fts5_expression(terms)]))


_FTS_IDS = "SELECT rowid FROM core_note_fts WHERE core_note_fts MATCH %s"


@dataclass(frozen=True)
class Found:
    """What a search with words needs from the database before the page's rows."""

    total: int
    ids: list[int]  # the page asked for, best first; empty past the last page
    themes: tuple[Theme, ...]


def found(notes: QuerySet[Note], terms: tuple[Term, ...], offset: int, limit: int) -> Found:
    """The number of ``notes`` matching ``terms``, one page of their ids by rank, their themes.

    On SQLite one statement and one full-text pass: each match is looked up in
    the user's filtered notes once, kept with its BM25 rank and tags in a
    materialized CTE, and the count, the page and the themes all read that.
    (Three statements ran the full-text query four times: ~55 ms instead of
    ~25 ms for a word in one note in five of 50,000.) PostgreSQL does the same
    with its GIN index and ``ts_rank``.
    """
    sql, params = _found_postgres(notes, terms) if _postgres() else _found_sqlite(notes, terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset, THEMES])
        rows = cursor.fetchall()
    total = next(int(count) for kind, _, count in rows if kind == 0)
    ids = [int(value) for kind, value, _ in rows if kind == 1]
    tags = tuple(Theme(str(value), int(count)) for kind, value, count in rows if kind == 2)
    return Found(total, ids, tags)


def _found_postgres(notes: QuerySet[Note], terms: tuple[Term, ...]) -> tuple[str, list[Any]]:
    from django.contrib.postgres.search import SearchRank

    ranked = (
        matching(notes, terms)
        .annotate(fts_rank=SearchRank(_vector(), _query(terms)))
        .order_by()
        .values("id", "created_at", "tags", "fts_rank")
    )
    inner, params = ranked.query.sql_with_params()
    # A row whose tags are not a list (written around the form) counts as untagged.
    tags = (
        "jsonb_array_elements_text(CASE WHEN jsonb_typeof(f.tags) = 'array' "
        "THEN f.tags ELSE '[]'::jsonb END) AS t(value)"
    )
    sql = (
        f"WITH f AS MATERIALIZED ({inner}) "
        "SELECT 0, NULL::text, count(*) FROM f "
        "UNION ALL (SELECT 1, f.id::text, NULL FROM f "
        "ORDER BY f.fts_rank DESC, f.created_at DESC, f.id DESC LIMIT %s OFFSET %s) "
        f"UNION ALL (SELECT 2, t.value, COUNT(DISTINCT f.id) FROM f CROSS JOIN LATERAL {tags} "
        "WHERE f.tags <> '[]'::jsonb GROUP BY t.value ORDER BY 3 DESC, 2 LIMIT %s)"
    )
    return sql, list(params)


def _found_sqlite(notes: QuerySet[Note], terms: tuple[Term, ...]) -> tuple[str, list[Any]]:
    inner, params = notes.order_by().values("id", "tags").query.sql_with_params()
    # CROSS JOIN keeps the full-text table as the outer loop (SQLite never
    # reorders it), so FTS5 runs once and each match costs one primary-key
    # lookup; the other order would re-run the full-text query for every note.
    sql = (
        "WITH f AS MATERIALIZED (SELECT m.rowid AS id, m.rank AS rank, n.tags AS tags "
        f"FROM core_note_fts AS m CROSS JOIN ({inner}) AS n ON n.id = m.rowid "
        "WHERE core_note_fts MATCH %s) "
        "SELECT 0, NULL, count(*) FROM f "
        "UNION ALL SELECT * FROM (SELECT 1, id, NULL FROM f "
        "ORDER BY rank, id DESC LIMIT %s OFFSET %s) "
        # Themes: untagged notes ("[]") are skipped, and the notes are grouped by
        # their tag list first, so json_each parses each distinct list once (the
        # DISTINCT counts a tag repeated within one list once per note).
        "UNION ALL SELECT * FROM (SELECT 2, value, SUM(notes) FROM (SELECT DISTINCT "
        "g.tags, g.notes, t.value AS value FROM (SELECT tags, count(*) AS notes FROM f "
        "WHERE tags <> '[]' GROUP BY tags) AS g, json_each(g.tags) AS t "
        "WHERE t.type = 'text') GROUP BY value ORDER BY 3 DESC, 2 LIMIT %s)"
    )
    return sql, [*params, fts5_expression(terms)]


def ranked_ids(
    notes: QuerySet[Note], terms: tuple[Term, ...], offset: int, limit: int
) -> list[int]:
    """The ids of one page of ``notes`` matching ``terms``, best first (BM25 / ts_rank)."""
    if _postgres():
        from django.contrib.postgres.search import SearchRank

        ordered = (
            matching(notes, terms)
            .annotate(fts_rank=SearchRank(_vector(), _query(terms)))
            .order_by("-fts_rank", "-created_at", "-pk")
        )
        return list(ordered.values_list("pk", flat=True)[offset : offset + limit])
    # The full-text query runs once, as the outer loop; the user's filters are an
    # uncorrelated subquery that SQLite evaluates once too. The unary "+" keeps
    # SQLite from handing the id list to FTS5 as a rowid lookup, which would
    # re-run the full-text query for every id (seconds instead of milliseconds).
    # The filter subquery is narrowed to the matching notes first: listing every
    # live note of the user (50,000 ids) cost ~25 ms even when three notes match.
    inner, params = matching(notes, terms).order_by().values("id").query.sql_with_params()
    sql = (
        "SELECT m.rowid FROM (SELECT rowid, rank FROM core_note_fts "
        "WHERE core_note_fts MATCH %s) AS m "
        f"WHERE +m.rowid IN ({inner}) ORDER BY m.rank, m.rowid DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [fts5_expression(terms), *params, limit, offset])
        return [int(row[0]) for row in cursor.fetchall()]


def snippets(ids: Sequence[int], terms: tuple[Term, ...]) -> dict[int, str]:
    """The marked snippet of each note shown, in one query; markers are MARK_START/END."""
    if not ids:
        return {}
    if _postgres():
        return _snippets_postgres(ids, terms)
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet(core_note_fts, 0, %s, %s, %s, {SNIPPET_WORDS}) "
            f"FROM core_note_fts WHERE core_note_fts MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, "…", fts5_expression(terms), *ids],
        )
        return {int(pk): text for pk, text in cursor.fetchall()}


def _snippets_postgres(ids: Sequence[int], terms: tuple[Term, ...]) -> dict[int, str]:
    from django.contrib.postgres.search import SearchHeadline

    # ts_headline drops anything that parses as an HTML tag ("<i>"), so "<" is
    # swapped for a stand-in on the way in and restored (then escaped) on the way out.
    headline = SearchHeadline(
        Replace(F("text"), Value("<"), Value(LT_STAND_IN)),
        _query(terms),
        config="english",
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=SNIPPET_WORDS + 6,
        min_words=SNIPPET_WORDS // 2,
    )
    rows = Note.objects.filter(pk__in=ids).annotate(fts_snippet=headline)
    return {
        pk: (text or "").replace(LT_STAND_IN, "<")
        for pk, text in rows.values_list("pk", "fts_snippet")
    }


def themes(notes: QuerySet[Note]) -> tuple[Theme, ...]:
    """The most common tags on ``notes``, each counted once per note; ties alphabetical."""
    inner, params = notes.order_by().values("id").query.sql_with_params()
    if _postgres():
        # A row whose tags are not a list (written around the form) counts as untagged.
        tags = (
            "jsonb_array_elements_text(CASE WHEN jsonb_typeof(n.tags) = 'array' "
            "THEN n.tags ELSE '[]'::jsonb END) AS t(value)"
        )
        sql = (
            f"SELECT t.value, COUNT(DISTINCT n.id) FROM core_note n CROSS JOIN LATERAL {tags} "
            f"WHERE n.id IN ({inner}) AND n.tags <> '[]'::jsonb "
            "GROUP BY t.value ORDER BY 2 DESC, 1 LIMIT %s"
        )
    else:
        sql = (
            "SELECT t.value, COUNT(DISTINCT n.id) FROM core_note n, json_each(n.tags) t "
            f"WHERE n.id IN ({inner}) AND n.tags <> '[]' AND t.type = 'text' "
            "GROUP BY t.value ORDER BY 2 DESC, 1 LIMIT %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, THEMES])
        return tuple(Theme(str(tag), int(count)) for tag, count in cursor.fetchall())


def _vector() -> Any:
    from django.contrib.postgres.search import SearchVector

    # Exactly the expression of the GIN index in migration 0002, so the index is used.
    return SearchVector("text", config="english")


def _query(terms: tuple[Term, ...]) -> Any:
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(postgres_raw_query(terms), config="english", search_type="raw")

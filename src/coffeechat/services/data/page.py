"""The import preview as one screen: counts, the rows listed, and a page of the
possible duplicates the user decides on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coffeechat.services.data import import_stash
from coffeechat.services.data.import_kinds import KINDS, ImportKind
from coffeechat.services.data.import_preview import NEW, UPDATE, PreviewRow
from coffeechat.services.data.imports import preview_import

# A 10,000-row file would make a page nobody reads: each class lists its first rows.
ROWS_SHOWN_PER_CLASS = 200
# Possible duplicates each take a choice, so they come a page at a time: a form of
# thousands of fields is one no browser should send (Django refuses over 1,000).
DECISIONS_PER_PAGE = 100


@dataclass(frozen=True)
class ListedRow:
    row: PreviewRow
    choice: str  # what the user chose for a possible duplicate so far ("" = as for all)


@dataclass(frozen=True)
class PreviewPage:
    stashed: import_stash.Stashed
    kind: ImportKind
    counts: dict[str, int]
    rows: list[ListedRow]
    hidden: int  # rows of the classes shown that are not listed (possible duplicates aside)
    possible: int  # possible duplicates in the whole file
    page: int  # of the possible duplicates, from 1
    pages: int
    job_changes: int
    writes: int

    @property
    def first_possible(self) -> int:
        return (self.page - 1) * DECISIONS_PER_PAGE + 1 if self.possible else 0

    @property
    def last_possible(self) -> int:
        return min(self.page * DECISIONS_PER_PAGE, self.possible)


def import_preview(user: Any, token: str, *, show: str = "", page: int = 1) -> PreviewPage:
    """The preview of an upload; InvalidInput names the file's problem when it cannot be read."""
    stashed = import_stash.load_upload(user, token)
    result = preview_import(user, stashed.kind, stashed.data, stashed.mapping or None)
    possible = result.possible_duplicates
    pages = max(1, -(-len(possible) // DECISIONS_PER_PAGE))
    page = min(max(1, page), pages)
    on_page = {row.line for row in possible[(page - 1) * DECISIONS_PER_PAGE :][:DECISIONS_PER_PAGE]}
    listed: list[ListedRow] = []
    shown: dict[str, int] = {}
    hidden = 0
    for row in result.rows:
        if show and row.kind != show:
            continue
        if row.possible:
            if row.line in on_page:
                listed.append(ListedRow(row, stashed.decisions.get(row.line, "")))
            continue
        shown[row.kind] = shown.get(row.kind, 0) + 1
        if shown[row.kind] <= ROWS_SHOWN_PER_CLASS:
            listed.append(ListedRow(row, ""))
        else:
            hidden += 1
    return PreviewPage(
        stashed=stashed,
        kind=KINDS[stashed.kind],
        counts=result.counts,
        rows=listed,
        hidden=hidden,
        possible=len(possible),
        page=page,
        pages=pages,
        job_changes=len(result.job_changes),
        writes=result.counts[NEW] + result.counts[UPDATE],
    )

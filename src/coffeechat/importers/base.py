"""What every importer returns: records plus the problems found, row by row.

Parsers are pure: they take the file's bytes (or text) and never touch the
database, the clock or the network. A file that cannot be read at all raises
`ImportFileError` naming the line; a bad row becomes a `RowProblem` and the
other rows still come through, so the preview can show both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

RecordT = TypeVar("RecordT")


class ImportFileError(ValueError):
    """The whole file is unusable (wrong format, encoding, missing header...).

    >>> str(ImportFileError("no header line with 'First Name' found", line=3))
    "line 3: no header line with 'First Name' found"
    >>> str(ImportFileError("the file is empty"))
    'the file is empty'
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True)
class RowProblem:
    """One row that cannot be imported, and why, in words for the user."""

    line: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ParseResult(Generic[RecordT]):
    records: list[RecordT] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Make a cell safe to open in a spreadsheet; `restore_cell` undoes it.

    >>> neutralise_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_cell("+1 555 0100"), neutralise_cell("plain")
    ("'+1 555 0100", 'plain')
    >>> neutralise_cell("'quoted already")
    "''quoted already"
    """
    if value.startswith(FORMULA_TRIGGERS) or value.startswith("'"):
        # A leading quote is doubled too, so restore_cell is exact for every string.
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """Undo `neutralise_cell`.

    >>> restore_cell("'=SUM(A1)"), restore_cell("''quoted already"), restore_cell("plain")
    ('=SUM(A1)', "'quoted already", 'plain')
    >>> all(restore_cell(neutralise_cell(s)) == s for s in ["", "'", "=", "'=", "a'b"])
    True
    """
    if value.startswith("'") and value[1:].startswith((*FORMULA_TRIGGERS, "'")):
        return value[1:]
    return value

"""LinkedIn's ``messages.csv`` (from "Get a copy of your data"): who wrote to whom, and when.

Columns are found by header name, not position, because exports differ by
year. Current exports have ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER
PROFILE URL, TO, RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER`` (some
add ``IS MESSAGE DRAFT``); older ones have ``From, To, Date, Subject, Content,
Direction`` with US-style dates. A row without a usable date or sender becomes
a RowProblem; the other rows still come through.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem, restore_cell
from coffeechat.importers.text import MAX_BYTES, MAX_CELL, MAX_ROWS

# Canonical column -> the header spellings seen in exports (compared upper-cased).
COLUMNS: dict[str, tuple[str, ...]] = {
    "conversation_id": ("CONVERSATION ID",),
    "from": ("FROM", "SENDER"),
    "sender_url": ("SENDER PROFILE URL", "FROM PROFILE URL"),
    "to": ("TO", "RECIPIENTS"),
    "recipient_urls": ("RECIPIENT PROFILE URLS", "RECIPIENT PROFILE URL", "TO PROFILE URLS"),
    "date": ("DATE", "SENT AT", "DATE SENT"),
    "subject": ("SUBJECT",),
    "content": ("CONTENT", "BODY", "MESSAGE"),
    "folder": ("FOLDER",),
    "direction": ("DIRECTION",),
    "draft": ("IS MESSAGE DRAFT",),
}
REQUIRED = ("from", "date")
HEADER_SEARCH_LINES = 20

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %Z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M %Z",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%Y-%m-%d",
)


@dataclass(frozen=True, slots=True)
class LinkedInMessage:
    line: int
    conversation_id: str
    sender: str
    sender_url: str
    recipients: tuple[str, ...]
    recipient_urls: tuple[str, ...]
    sent_at: datetime  # aware, UTC
    subject: str
    content: str
    folder: str = ""
    direction: str = ""  # "out"/"in" when the export says so (older files)

    @property
    def key(self) -> str:
        """Identifies the message across re-imports of overlapping exports."""
        return f"{self.conversation_id or self.sender}|{self.sent_at.isoformat()}"[:200]


def normalise_profile_url(url: str) -> str:
    """A LinkedIn profile URL reduced to compare equal however it was written.

    >>> normalise_profile_url("https://www.linkedin.com/in/Ana-Ruiz/?trk=x")
    'linkedin.com/in/ana-ruiz'
    >>> normalise_profile_url("")
    ''
    """
    url = url.strip().lower()
    url = re.sub(r"^[a-z]+://", "", url)
    url = re.sub(r"^(www\.|[a-z]{2}\.)", "", url)
    return url.split("?")[0].split("#")[0].rstrip("/")


def parse_date(text: str) -> datetime | None:
    """An export date as an aware UTC datetime; naive times are UTC, as LinkedIn writes them.

    >>> parse_date("2026-11-05 14:23:11 UTC")
    datetime.datetime(2026, 11, 5, 14, 23, 11, tzinfo=datetime.timezone.utc)
    >>> parse_date("11/5/26, 2:23 PM").hour, parse_date("yesterday")
    (14, None)
    """
    text = " ".join(text.split())
    for pattern in _DATE_FORMATS:
        try:
            moment = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return moment.replace(tzinfo=UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_messages(data: bytes | str) -> ParseResult[LinkedInMessage]:
    """Every message in the file, with a problem per unusable row.

    >>> csv_text = "FROM,TO,DATE,CONTENT\\nAda,Ana,2026-11-05 14:00:00 UTC,Hi\\nAda,Ana,soon,x\\n"
    >>> result = parse_messages(csv_text)
    >>> [(m.sender, m.recipients, m.content) for m in result.records]
    [('Ada', ('Ana',), 'Hi')]
    >>> [str(p) for p in result.problems]
    ["line 3, DATE: 'soon' is not a date"]
    """
    text = _decode(data)
    lines = text.splitlines(keepends=True)
    header_index, columns = _find_header(lines)
    reader = csv.reader(io.StringIO("".join(lines[header_index:])))
    next(reader)
    result: ParseResult[LinkedInMessage] = ParseResult()
    # Line numbers are the file's own, so a quoted multi-line message counts all its lines.
    previous = reader.line_num
    rows = 0
    while True:
        line = header_index + previous + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise ImportFileError(_csv_problem(str(exc)), line) from None
        if row is None:
            return result
        previous = reader.line_num
        rows += 1
        if rows > MAX_ROWS:
            raise ImportFileError(
                f"the file has more than {MAX_ROWS:,} messages; split it into smaller files", line
            )
        if any(cell.strip() for cell in row):
            _parse_row(row, columns, line, result)


def _csv_problem(text: str) -> str:
    if "field larger than field limit" in text:
        return f"a cell is longer than {MAX_CELL:,} characters; is this the right file?"
    return f"this line cannot be read as CSV ({text})"


def _decode(data: bytes | str) -> str:
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not data.strip():
        raise ImportFileError("the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _find_header(lines: list[str]) -> tuple[int, dict[str, int]]:
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        cells = [c.strip().upper() for c in next(csv.reader([line]), [])]
        columns = {
            name: cells.index(spelling)
            for name, spellings in COLUMNS.items()
            for spelling in spellings
            if spelling in cells
        }
        if all(name in columns for name in REQUIRED) and (
            "to" in columns or "direction" in columns
        ):
            return index, columns
    if not lines:
        raise ImportFileError("the file is empty")
    raise ImportFileError(
        "no header with FROM, TO and DATE columns found: is this LinkedIn's messages.csv?",
        line=1,
    )


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(row):
        return ""
    return restore_cell(row[index].strip())


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[,;]\s*", value) if part.strip())


def _parse_row(
    row: list[str], columns: dict[str, int], line: int, result: ParseResult[LinkedInMessage]
) -> None:
    if _cell(row, columns, "draft").lower() in ("true", "yes", "1"):
        return  # an unsent draft in LinkedIn is not an exchange
    raw_date = _cell(row, columns, "date")
    sent_at = parse_date(raw_date)
    if sent_at is None:
        result.problems.append(RowProblem(line, f"{raw_date!r} is not a date", "DATE"))
        return
    sender = _cell(row, columns, "from")
    if not sender:
        result.problems.append(RowProblem(line, "no sender", "FROM"))
        return
    direction = _cell(row, columns, "direction").lower()
    result.records.append(
        LinkedInMessage(
            line=line,
            conversation_id=_cell(row, columns, "conversation_id"),
            sender=sender,
            sender_url=_cell(row, columns, "sender_url"),
            recipients=_split(_cell(row, columns, "to")),
            recipient_urls=_split(_cell(row, columns, "recipient_urls")),
            sent_at=sent_at,
            subject=_cell(row, columns, "subject"),
            content=_cell(row, columns, "content"),
            folder=_cell(row, columns, "folder"),
            direction={"outgoing": "out", "incoming": "in"}.get(direction, ""),
        )
    )


def infer_owner(messages: list[LinkedInMessage]) -> str:
    """The export's owner: the name in the most messages, as sender or recipient.

    >>> day = datetime(2026, 1, 1, tzinfo=UTC)
    >>> m = lambda s, r: LinkedInMessage(1, "", s, "", (r,), (), day, "", "")
    >>> infer_owner([m("Ada", "Ana"), m("Ben", "Ada"), m("Ana", "Ada")])
    'Ada'
    """
    counts: Counter[str] = Counter()
    for message in messages:
        counts.update({message.sender, *message.recipients})
    return counts.most_common(1)[0][0] if counts else ""

"""Shared reading helpers: bytes to text, text to numbered CSV rows.

Every refusal says which line and what is wrong, because the person holding
the file needs to know where to look. Files are refused rather than guessed
at: a Windows-1252 file decoded as Latin-1 would import "RenÃ©" silently.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence

from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem
from coffeechat.importers.records import ContactRecord

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 50_000
# csv's own default; a longer cell is refused with its line, not read into memory.
MAX_CELL = 131_072
# A vCard's kept text (photos and keys are dropped first): real cards are a few
# KB, and parsing one costs far more memory than its size.
MAX_CARD = 262_144

_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_SAVE_AS = "export it again as CSV (UTF-8) or vCard and try again"


def decode(data: bytes) -> str:
    """The file's text: UTF-8 with or without BOM, or UTF-16 with or without BOM.

    >>> decode("é,x".encode("utf-8-sig")), decode("é,x".encode("utf-16"))
    ('é,x', 'é,x')
    >>> decode("First,Last".encode("utf-16-le"))
    'First,Last'
    >>> try:
    ...     decode(b"a,b\\nc\\x00d")
    ... except ImportFileError as exc:
    ...     print(exc.line, exc.message[:35])
    2 the file holds a NUL byte, so it is
    """
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise ImportFileError("the file is empty")
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ImportFileError(f"this is {what}, not a text file; {_SAVE_AS}", line=1)
    encoding = _utf16_encoding(data)
    if encoding:
        return _decode_utf16(data, encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportFileError(
            f"the file holds a NUL byte, so it is not a text file; {_SAVE_AS}",
            line=data.count(b"\n", 0, nul) + 1,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise ImportFileError(
            f"byte 0x{byte:02X} is not UTF-8 (the file is in another encoding); "
            "save it as CSV UTF-8 and try again",
            line=line,
        ) from None


def _utf16_encoding(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    # Without a BOM, UTF-16 text in a Latin script has a NUL beside almost every letter.
    sample = data[:4000]
    if len(sample) < 4:
        return ""
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return ""


def _decode_utf16(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise ImportFileError(
            "the file looks like UTF-16 but is damaged here (an odd number of bytes "
            "or a broken character)",
            line=line,
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFileError(
            f"the file holds a NUL character, so it is not a text file; {_SAVE_AS}",
            line=text.count("\n", 0, nul) + 1,
        )
    return text


def sniff_delimiter(text: str) -> str:
    """The separator of a spreadsheet's CSV: comma, or the semicolon or tab some locales use.

    Decided on the first non-blank line (the header), counting outside quotes.

    >>> sniff_delimiter("Vorname;Nachname;E-Mail\\nAda;L;a@x.org"), sniff_delimiter('a,"b;c"\\n')
    (';', ',')
    >>> sniff_delimiter("name\\temail\\n"), sniff_delimiter("")
    ('\\t', ',')
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    outside = "".join(part for index, part in enumerate(first.split('"')) if index % 2 == 0)
    counts = {separator: outside.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] > counts[","] else ","


def csv_rows(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on; blank lines are skipped.

    Quoted cells may hold commas, doubled quotes and line breaks (CRLF or LF).

    >>> list(csv_rows('a,b\\r\\n"x, y","say ""hi"" now"\\r\\n\\r\\n"two\\nlines",z\\n'))
    [(1, ['a', 'b']), (2, ['x, y', 'say "hi" now']), (4, ['two\\nlines', 'z'])]
    >>> try:
    ...     list(csv_rows('a,b\\n"open,c\\n'))
    ... except ImportFileError as exc:
    ...     print(exc)
    line 2: a quoted cell starting on this line is never closed (a missing ")
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    start = 1
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(exc, start, reader.line_num) from None
        if any(cell.strip() for cell in row):
            count += 1
            if count > MAX_ROWS + 1:  # + the header
                raise ImportFileError(
                    f"the file has more than {MAX_ROWS:,} rows; split it into smaller files",
                    line=start,
                )
            yield start, row
        start = reader.line_num + 1


def _csv_error(exc: csv.Error, start: int, end: int) -> ImportFileError:
    text = str(exc)
    if "field larger than field limit" in text:
        return ImportFileError(
            f"a cell is longer than {MAX_CELL:,} characters; is this the right file?", line=start
        )
    if "unexpected end of data" in text or "EOF" in text:
        return ImportFileError(
            'a quoted cell starting on this line is never closed (a missing ")', line=start
        )
    if "expected after" in text:
        return ImportFileError(
            'a quoted cell is followed by more text before the next comma (a stray ")', line=end
        )
    return ImportFileError(f"this is not readable CSV ({text})", line=end)


def find_header(
    rows: Iterator[tuple[int, list[str]]], required: Sequence[str], *, within: int = 50
) -> tuple[int, list[str]]:
    """The first row holding every ``required`` column name (case and spaces ignored).

    Exports such as LinkedIn's start with "Notes:" lines before the header.
    """
    wanted = {_key(name) for name in required}
    for _ in range(within):
        try:
            line, row = next(rows)
        except StopIteration:
            break
        if wanted <= {_key(cell) for cell in row}:
            check_unique_header(line, row)
            return line, [cell.strip() for cell in row]
    names = " and ".join(f"'{name}'" for name in required)
    raise ImportFileError(f"no header line with {names} found in the first {within} lines")


def check_unique_header(line: int, header: Sequence[str]) -> None:
    seen: set[str] = set()
    for cell in header:
        key = _key(cell)
        if key and key in seen:
            raise ImportFileError(f"the column '{cell.strip()}' appears twice in the header", line)
        seen.add(key)


def _key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").lower().split())


def cells_by_name(
    line: int, header: Sequence[str], row: list[str]
) -> tuple[dict[str, str], str | None]:
    """Map a row onto the header; a row with more cells than the header is a problem.

    A short row is padded: spreadsheets drop trailing empty cells.
    """
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        return {}, (
            f"has {len(row)} cells but the header has {len(header)} "
            "(an unquoted comma inside a cell?)"
        )
    cells = {_key(name): (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
    return cells, None


def column_key(name: str) -> str:
    """How column names are compared: lower case, single spaces."""
    return _key(name)


def records_from_rows(
    rows: Iterable[tuple[int, list[str]]],
    header: Sequence[str],
    header_line: int,
    make_record: Callable[[int, dict[str, str]], ContactRecord | RowProblem],
    *,
    nothing_follows: str,
) -> ParseResult[ContactRecord]:
    """Every data row through ``make_record``: a record, or a problem with its line.

    ``nothing_follows`` is the refusal when the header stands alone ("the header
    is there but no contact follows it").
    """
    records: list[ContactRecord] = []
    problems: list[RowProblem] = []
    for line, row in rows:
        cells, problem = cells_by_name(line, header, row)
        record = RowProblem(line, problem) if problem else make_record(line, cells)
        if isinstance(record, RowProblem):
            problems.append(record)
        else:
            records.append(record)
    if not records and not problems:
        raise ImportFileError(nothing_follows, header_line)
    return ParseResult(records, problems)

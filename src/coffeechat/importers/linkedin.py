"""LinkedIn's ``Connections.csv`` (Settings › Data privacy › Get a copy of your data).

The export opens with a few "Notes:" lines before the header, so the header is
searched for rather than skipped by count. Older exports have six columns
(no URL), newer ones seven; columns are read by name, so both work.
"""

from __future__ import annotations

import io
import zipfile

from coffeechat.domain.vocabulary import Source
from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem
from coffeechat.importers.fields import full_url, is_linkedin_profile, parse_day
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.text import (
    MAX_BYTES,
    csv_rows,
    decode,
    find_header,
    records_from_rows,
)

REQUIRED = ("First Name", "Last Name")


def parse_linkedin(data: bytes) -> ParseResult[ContactRecord]:
    """Parse a LinkedIn connections export.

    >>> data = (
    ...     b"Notes:\\r\\n\\"When exporting your connection data...\\"\\r\\n\\r\\n"
    ...     b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\\r\\n"
    ...     b"Ada,Lovelace,https://www.linkedin.com/in/ada,,"
    ...     b"\\"Acme, Inc.\\",Engineer,12 Mar 2024\\r\\n"
    ... )
    >>> result = parse_linkedin(data)
    >>> record = result.records[0]
    >>> record.line, record.name, record.organization, record.connected_on.isoformat()
    (5, 'Ada Lovelace', 'Acme, Inc.', '2024-03-12')
    """
    rows = csv_rows(decode(connections_from_archive(data)))
    header_line, header = find_header(rows, REQUIRED)
    return records_from_rows(
        rows,
        header,
        header_line,
        _record,
        nothing_follows="the header is there but no connection follows it",
    )


def connections_from_archive(data: bytes) -> bytes:
    """LinkedIn mails a ZIP archive; its ``Connections.csv`` is read straight from it.

    Anything else is returned untouched for ``decode`` to judge. The size in the
    archive's directory is checked before inflating, and the read is capped, so
    a small archive cannot unpack into gigabytes.
    """
    if not data.startswith(b"PK\x03\x04"):
        return data
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if m.filename.lower().endswith("connections.csv")]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError("this ZIP archive is damaged and cannot be opened", line=1) from None
    if not members:
        raise ImportFileError(
            "this ZIP archive holds no Connections.csv; is it LinkedIn's data export?", line=1
        )
    member = min(members, key=lambda m: m.filename.count("/"))
    if member.file_size > MAX_BYTES:
        raise ImportFileError(f"{member.filename} in the archive is larger than 50 MB", line=1)
    try:
        with archive.open(member) as handle:
            return handle.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ImportFileError(
            f"{member.filename} cannot be read from the archive ({exc})", 1
        ) from None


def _record(line: int, cells: dict[str, str]) -> ContactRecord | RowProblem:
    first, last = cells.get("first name", ""), cells.get("last name", "")
    if not (first or last):
        return RowProblem(line, "has no first or last name", "First Name")
    warnings: list[str] = []
    url = cells.get("url", "")
    if url and not is_linkedin_profile(url):
        warnings.append(f"URL {url!r} is not a LinkedIn profile; left out")
        url = ""
    try:
        connected_on = parse_day(cells.get("connected on", ""))
    except ValueError as exc:
        warnings.append(f"Connected On: {exc}; left empty")
        connected_on = None
    email = cells.get("email address", "")
    return ContactRecord(
        line=line,
        source=Source.LINKEDIN.value,
        first_name=first,
        last_name=last,
        emails=(email,) if email else (),
        organization=cells.get("company", ""),
        title=cells.get("position", ""),
        linkedin_url=full_url(url),
        connected_on=connected_on,
        warnings=tuple(warnings),
    )

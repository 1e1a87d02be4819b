"""Google Contacts CSV: the current UTF-8 export and the legacy UTF-16 one.

Current columns: ``First Name``, ``Last Name``, ``Labels``, ``Birthday``,
numbered ``E-mail N - Value`` / ``Phone N - Value`` groups, ``Organization
Name`` / ``Organization Title``. The legacy export (UTF-16, "Google CSV")
says ``Given Name``, ``Family Name``, ``Group Membership``, ``Organization 1 -
Name``. Several values in one cell are joined by `` ::: ``.
"""

from __future__ import annotations

import re

from coffeechat.domain.vocabulary import Source
from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem
from coffeechat.importers.fields import (
    full_url,
    is_linkedin_profile,
    parse_birthday,
    split_values,
)
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.text import (
    check_unique_header,
    column_key,
    csv_rows,
    decode,
    records_from_rows,
)

_FIRST = ("first name", "given name")
_LAST = ("last name", "family name")
_FULL = ("name", "display name", "file as")
_LABELS = ("labels", "group membership")
_ORG = ("organization name", "organization 1 - name")
_TITLE = ("organization title", "organization 1 - title")
_LOCATION = ("address 1 - city", "address 1 - formatted")
_NUMBERED = re.compile(r"(e-mail|phone|website) (\d+) - value")
_SYSTEM_LABEL = "* "  # "* myContacts", "* starred": Google's own, not the user's


def parse_google(data: bytes) -> ParseResult[ContactRecord]:
    """Parse a Google Contacts export.

    >>> data = (
    ...     "First Name,Last Name,Birthday,Labels,E-mail 1 - Label,E-mail 1 - Value\\n"
    ...     "Grace,Hopper,--12-09,* myContacts ::: Navy,* Work,g@navy.mil ::: grace@x.org\\n"
    ... ).encode()
    >>> r = parse_google(data).records[0]
    >>> r.name, r.emails, r.birthday, r.labels
    ('Grace Hopper', ('g@navy.mil', 'grace@x.org'), '--12-09', ('Navy',))
    """
    rows = csv_rows(decode(data))
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    keys = {column_key(name) for name in header}
    if not keys & {*_FIRST, *_LAST, *_FULL}:
        raise ImportFileError(
            "this is not a Google Contacts export: the header has no 'First Name', "
            "'Given Name' or 'Name' column",
            header_line,
        )
    check_unique_header(header_line, header)
    return records_from_rows(
        rows,
        header,
        header_line,
        _record,
        nothing_follows="the header is there but no contact follows it",
    )


def _first(cells: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if cells.get(name):
            return cells[name]
    return ""


def _numbered(cells: dict[str, str], kind: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for key, value in cells.items():
        match = _NUMBERED.fullmatch(key)
        if match and match[1] == kind and value:
            found.extend((int(match[2]), part) for part in split_values(value))
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def _record(line: int, cells: dict[str, str]) -> ContactRecord | RowProblem:
    first, last = _first(cells, _FIRST), _first(cells, _LAST)
    if not (first or last):
        first, _, last = _first(cells, _FULL).partition(" ")
    emails = tuple(dict.fromkeys(_numbered(cells, "e-mail")))
    organization = _first(cells, _ORG)
    if not (first or last):
        if not (emails or organization):
            return RowProblem(line, "has no name, email or organization", "First Name")
        first = emails[0].split("@")[0] if emails else organization
    warnings: list[str] = []
    try:
        birthday = parse_birthday(cells.get("birthday", ""))
    except ValueError as exc:
        warnings.append(f"Birthday: {exc}; left out")
        birthday = ""
    websites = _numbered(cells, "website")
    linkedin = next((url for url in websites if is_linkedin_profile(url)), "")
    phones = _numbered(cells, "phone")
    labels = tuple(
        label
        for label in split_values(_first(cells, _LABELS))
        if not label.startswith(_SYSTEM_LABEL) and label != "*"
    )
    return ContactRecord(
        line=line,
        source=Source.OTHER.value,
        first_name=first.strip(),
        last_name=last.strip(),
        emails=emails,
        phone=phones[0] if phones else "",
        organization=organization,
        title=_first(cells, _TITLE),
        linkedin_url=full_url(linkedin),
        location=_first(cells, _LOCATION).replace("\n", ", "),
        birthday=birthday,
        labels=labels,
        notes=cells.get("notes", ""),
        warnings=tuple(warnings),
    )

"""Any CSV with a header line, read through a column mapping the user confirms.

``guess_mapping`` proposes one from the header names (the web page shows it
for editing; the CLI takes ``--map field=Column``). Cells go through
``restore_cell``, so a CSV exported by coffeechat, whose formula-like cells
were neutralised, imports back exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coffeechat.domain.vocabulary import Source
from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem, restore_cell
from coffeechat.importers.fields import (
    full_url,
    is_linkedin_profile,
    is_time_zone,
    parse_birthday,
    parse_cadence,
    parse_day,
    parse_flag,
    split_values,
)
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.text import (
    check_unique_header,
    column_key,
    csv_rows,
    decode,
    records_from_rows,
    sniff_delimiter,
)

# The fields a column can fill, with the header names that suggest each.
FIELDS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "first name",
        "first_name",
        "given name",
        "given",
        "firstname",
        "first",
        "forename",
    ),
    "last_name": ("last name", "last_name", "family name", "family", "surname", "lastname", "last"),
    "name": ("name", "full name", "full_name", "display name", "contact", "person"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "email_address"),
    "phone": ("phone", "telephone", "mobile", "phone number", "cell", "tel"),
    "organization": ("organization", "organisation", "company", "employer", "org", "company name"),
    "title": ("title", "position", "job title", "role", "role or title", "job"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin_url", "linkedin profile", "url"),
    "location": ("location", "city", "address"),
    "connected_on": ("connected on", "connected_on", "date", "met on"),
    "birthday": ("birthday", "date of birth", "birth date"),
    "labels": ("labels", "tags", "groups", "categories"),
    "notes": ("notes", "note", "comments", "research_notes", "research notes"),
    "source": ("source",),
    "connection": ("connection", "how you are connected", "how connected"),
    "time_zone": ("time zone", "time_zone", "timezone"),
    "cadence_days": ("cadence_days", "cadence", "stay in touch every (days)"),
    "do_not_contact": ("do_not_contact", "do not contact"),
}
FIELD_LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "name": "Full name (split at the first space)",
    "email": "Email",
    "phone": "Phone",
    "organization": "Organization",
    "title": "Role or title",
    "linkedin_url": "LinkedIn URL",
    "location": "Location",
    "connected_on": "Connected on (date)",
    "birthday": "Birthday",
    "labels": "Labels (separated by ; or ,)",
    "notes": "Notes",
    "source": "Source (alumni, linkedin, event…)",
    "connection": "How you are connected",
    "time_zone": "Time zone (IANA, e.g. Europe/Berlin)",
    "cadence_days": "Stay in touch every (days)",
    "do_not_contact": "Do not contact (yes/no)",
}


def read_header(data: bytes) -> tuple[int, list[str]]:
    """The header line of a CSV: the first non-blank row, checked for duplicates."""
    text = decode(data)
    rows = csv_rows(text, sniff_delimiter(text))
    try:
        line, header = next(rows)
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    header = [restore_cell(cell).strip() for cell in header]
    if not any(header):
        raise ImportFileError("the header line has no column names", line)
    check_unique_header(line, header)
    return line, header


def column_examples(data: bytes, limit: int = 3) -> dict[str, str]:
    """A few values per column, so the person mapping columns sees what each holds.

    >>> column_examples(b"Given,Mail\\nAda,a@x.org\\nBo,\\nCy,c@x.org\\n")
    {'Given': 'Ada, Bo, Cy', 'Mail': 'a@x.org, c@x.org'}
    """
    text = decode(data)
    rows = csv_rows(text, sniff_delimiter(text))
    _line, header = next(rows)
    header = [restore_cell(cell).strip() for cell in header]
    seen: dict[str, list[str]] = {name: [] for name in header}
    for _, (_line, row) in zip(range(limit), rows, strict=False):
        for name, cell in zip(header, row, strict=False):
            value = restore_cell(cell).strip()
            if value:
                seen[name].append(value[:40])
    return {name: ", ".join(values) for name, values in seen.items()}


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """Field → column, from the column names; each column used once.

    >>> guess_mapping(["Given", "Surname", "E-mail", "Employer", "Shoe size"])
    {'first_name': 'Given', 'last_name': 'Surname', 'email': 'E-mail', 'organization': 'Employer'}
    """
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field, names in FIELDS.items():
        for column in header:
            if column in used:
                continue
            if column_key(column) in names or column_key(column).replace(" ", "_") == field:
                mapping[field] = column
                used.add(column)
                break
    if "first_name" in mapping and "name" in mapping:
        del mapping["name"]
    return mapping


def parse_mapping_options(options: Sequence[str]) -> dict[str, str]:
    """``["first_name=Given", "email=Mail"]`` (the CLI's ``--map``) as a mapping.

    >>> parse_mapping_options(["first_name=Given", "email = E-mail 1"])
    {'first_name': 'Given', 'email': 'E-mail 1'}
    """
    mapping: dict[str, str] = {}
    for option in options:
        for part in option.split(",") if "=" in option and option.count("=") > 1 else [option]:
            field, sep, column = part.partition("=")
            field = field.strip()
            if not sep or not column.strip():
                raise ImportFileError(f"--map {part!r}: write it as field=Column")
            if field not in FIELDS:
                raise ImportFileError(
                    f"--map {part!r}: {field!r} is not a field; use one of {', '.join(FIELDS)}"
                )
            mapping[field] = column.strip()
    return mapping


def parse_generic_csv(
    data: bytes, mapping: Mapping[str, str] | None = None
) -> ParseResult[ContactRecord]:
    """Parse a CSV through ``mapping`` (field → column); guessed when not given.

    >>> data = b"Given,Family,Mail\\nAda,Lovelace,'=ada@x.org\\n"
    >>> r = parse_generic_csv(data, {"first_name": "Given", "last_name": "Family", "email": "Mail"})
    >>> r.records[0].name, r.records[0].emails
    ('Ada Lovelace', ('=ada@x.org',))
    """
    header_line, header = read_header(data)
    mapping = dict(mapping) if mapping else guess_mapping(header)
    _check_mapping(header_line, header, mapping)
    columns = {field: column_key(column) for field, column in mapping.items()}
    text = decode(data)
    rows = csv_rows(text, sniff_delimiter(text))
    next(rows)
    restored = ((line, [restore_cell(cell) for cell in row]) for line, row in rows)

    def mapped(line: int, cells: dict[str, str]) -> ContactRecord | RowProblem:
        return _record(line, {field: cells.get(key, "") for field, key in columns.items()})

    return records_from_rows(
        restored,
        header,
        header_line,
        mapped,
        nothing_follows="the header is there but no row follows it",
    )


# A row needs one of these to be a person at all.
IDENTIFYING_FIELDS = frozenset({"first_name", "last_name", "name", "email"})


def names_someone(mapping: Mapping[str, str]) -> bool:
    """Whether a mapping fills at least a name or an email.

    >>> names_someone({"email": "Mail"}), names_someone({"title": "Job"})
    (True, False)
    """
    return bool(IDENTIFYING_FIELDS & set(mapping))


def _check_mapping(line: int, header: Sequence[str], mapping: Mapping[str, str]) -> None:
    known = {column_key(name) for name in header}
    for field, column in mapping.items():
        if field not in FIELDS:
            raise ImportFileError(f"{field!r} is not a field; use one of {', '.join(FIELDS)}")
        if column_key(column) not in known:
            columns = ", ".join(repr(name) for name in header if name)
            raise ImportFileError(
                f"the mapping names the column {column!r}, which is not in the header "
                f"(columns: {columns})",
                line,
            )
    if not names_someone(mapping):
        raise ImportFileError(
            "no column is chosen for a name or an email; map first_name, name or email",
            line,
        )


def _record(line: int, values: dict[str, str]) -> ContactRecord | RowProblem:
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if not (first or last) and values.get("name"):
        first, _, last = " ".join(values["name"].split()).partition(" ")
    emails = tuple(
        part.strip() for part in values.get("email", "").replace(";", ",").split(",") if part
    )
    emails = tuple(email for email in emails if email)
    if not (first or last):
        if not emails:
            return RowProblem(line, "has no name and no email", "name")
        first = emails[0].split("@")[0]
    warnings: list[str] = []
    connected_on = None
    try:
        connected_on = parse_day(values.get("connected_on", ""))
    except ValueError as exc:
        warnings.append(f"connected on: {exc}; left empty")
    birthday = ""
    try:
        birthday = parse_birthday(values.get("birthday", ""))
    except ValueError as exc:
        warnings.append(f"birthday: {exc}; left out")
    url = values.get("linkedin_url", "")
    if url and not is_linkedin_profile(url):
        warnings.append(f"{url!r} is not a LinkedIn profile URL; left out")
        url = ""
    source = values.get("source", "").strip().lower()
    if source and source not in {member.value for member in Source}:
        warnings.append(f"source {source!r} is not one coffeechat knows; set to other")
        source = ""
    raw_labels = values.get("labels", "")
    separator = " ::: " if ":::" in raw_labels else (";" if ";" in raw_labels else ",")
    keeping = _keeping_fields(values, warnings)
    return ContactRecord(
        line=line,
        source=source or Source.OTHER.value,
        first_name=first,
        last_name=last,
        emails=emails,
        phone=values.get("phone", ""),
        organization=values.get("organization", ""),
        title=values.get("title", ""),
        linkedin_url=full_url(url),
        location=values.get("location", ""),
        connected_on=connected_on,
        birthday=birthday,
        labels=split_values(raw_labels, separator),
        notes=values.get("notes", ""),
        **keeping,
        warnings=tuple(warnings),
    )


def _keeping_fields(values: dict[str, str], warnings: list[str]) -> dict[str, Any]:
    """The fields only coffeechat's own export has; an unreadable cell is left out, warned."""
    kept: dict[str, Any] = {"connection": values.get("connection", "").strip()}
    zone = values.get("time_zone", "").strip()
    if zone and not is_time_zone(zone):
        warnings.append(f"time zone {zone!r} is not an IANA time zone; left empty")
        zone = ""
    kept["time_zone"] = zone
    for name, parse, words in (
        ("cadence_days", parse_cadence, "stay in touch every"),
        ("do_not_contact", parse_flag, "do not contact"),
    ):
        try:
            kept[name] = parse(values.get(name, ""))
        except ValueError as exc:
            warnings.append(f"{words}: {exc}; left out")
    return kept

"""vCard 2.1, 3.0 and 4.0 files (phones, Apple Contacts, Outlook) through vobject.

The file is first cut into cards here, so each card keeps the line it starts
on and a damaged card is reported alone while the others still import. Two
things vobject does not do are done before it sees a card: quoted-printable
soft line breaks (2.1) are joined, and embedded photos, logos and sounds are
dropped (they are never imported and can be megabytes each).
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import vobject

from coffeechat.domain.vocabulary import Source
from coffeechat.importers.base import ImportFileError, ParseResult, RowProblem
from coffeechat.importers.fields import full_url, is_linkedin_profile, is_time_zone, parse_birthday
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.text import MAX_CARD, MAX_CELL, MAX_ROWS, decode

_BEGIN = re.compile(r"begin\s*:\s*vcard\s*", re.IGNORECASE)
_END = re.compile(r"end\s*:\s*vcard\s*", re.IGNORECASE)
_DROPPED = re.compile(r"(?:[\w-]+\.)?(photo|logo|sound|key)[;:]", re.IGNORECASE)
_QP = re.compile(r"^[^:]*quoted-printable[^:]*:", re.IGNORECASE)
# vobject reads an unescaped comma in these as the end of the value ("Product
# Manager, Growth" -> "Product Manager"); vCard 2.1 writers never escape them.
_TEXT = {"fn", "note", "title", "role", "nickname", "org", "n", "adr"}
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
_ENCODING_PARAMS = re.compile(r";(?:encoding=)?quoted-printable|;charset=[^;:]*", re.IGNORECASE)


@dataclass(frozen=True)
class _Card:
    line: int
    text: str


def parse_vcard(data: bytes) -> ParseResult[ContactRecord]:
    """Parse every card of a .vcf file.

    >>> data = b"BEGIN:VCARD\\nVERSION:3.0\\nN:Hopper;Grace;;;\\nEMAIL:g@x.org\\nEND:VCARD\\n"
    >>> r = parse_vcard(data).records[0]
    >>> r.line, r.name, r.emails
    (1, 'Grace Hopper', ('g@x.org',))
    """
    records: list[ContactRecord] = []
    problems: list[RowProblem] = []
    for card in _cards(decode(data)):
        try:
            component = vobject.readOne(card.text, ignoreUnreadable=False)
        except Exception as exc:  # vobject raises many kinds on bad input
            problems.append(RowProblem(card.line, f"this card cannot be read: {_reason(exc)}"))
            continue
        record = _record(card.line, component)
        if isinstance(record, RowProblem):
            problems.append(record)
        else:
            records.append(record)
    if not records and not problems:
        raise ImportFileError("no card (BEGIN:VCARD … END:VCARD) found in the file")
    return ParseResult(records, problems)


def _reason(exc: Exception) -> str:
    text = re.sub(r"^At line \d+: ", "", str(exc)).strip()
    return text[:200] or type(exc).__name__


def _cards(text: str) -> Iterator[_Card]:
    start: int | None = None
    lines: list[str] = []
    count = size = 0
    for number, line in _logical_lines(text):
        if _BEGIN.fullmatch(line):
            if start is not None:
                raise ImportFileError(
                    f"the card starting on line {start} has no END:VCARD before this BEGIN:VCARD",
                    number,
                )
            start, lines, size = number, ["BEGIN:VCARD"], 0
        elif _END.fullmatch(line):
            if start is None:
                raise ImportFileError("END:VCARD without a BEGIN:VCARD before it", number)
            count += 1
            if count > MAX_ROWS:
                raise ImportFileError(f"the file has more than {MAX_ROWS:,} cards", number)
            yield _Card(start, "\r\n".join([*lines, "END:VCARD", ""]))
            start = None
        elif start is not None:
            if not _DROPPED.match(line):
                size += _capped(line, number, size)
                lines.append(_prepared(line))
        elif line.strip():
            raise ImportFileError(
                "text outside a card: a vCard file holds only BEGIN:VCARD … END:VCARD blocks",
                number,
            )
    if start is not None:
        raise ImportFileError("the card starting on this line has no END:VCARD", start)


def _capped(line: str, number: int, size: int) -> int:
    """The line's length, refused past the line or card cap before vobject reads it."""
    if len(line) > MAX_CELL:
        raise ImportFileError(f"a line is longer than {MAX_CELL:,} characters", number)
    if size + len(line) > MAX_CARD:
        raise ImportFileError(
            f"this card is longer than {MAX_CARD:,} characters; is this the right file?", number
        )
    return len(line)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded lines with the number each starts on.

    Folding (a line starting with a space or tab continues the previous one)
    and quoted-printable soft breaks (a line ending in ``=``) are both undone.
    """
    current: str | None = None
    current_number = 0
    for index, line in enumerate(text.splitlines(), start=1):
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None and current.endswith("=") and _QP.match(current):
            current = current[:-1] + line
            continue
        if current is not None:
            yield current_number, current
        current, current_number = line, index
    if current is not None:
        yield current_number, current


def _prepared(line: str) -> str:
    """Quoted-printable decoded here and commas escaped, so vobject keeps whole values."""
    head, sep, value = line.partition(":")
    if not sep:
        return line
    name = head.split(";", 1)[0].split(".")[-1].strip().lower()
    if _QP.match(line):
        charset = re.search(r"charset=([\w-]+)", head, re.IGNORECASE)
        raw = quopri.decodestring(value.encode("utf-8", errors="replace"))
        try:
            value = raw.decode(charset[1] if charset else "utf-8")
        except (LookupError, UnicodeDecodeError):
            value = raw.decode("latin-1")
        value = value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
        head = _ENCODING_PARAMS.sub("", head)
        if name in _TEXT:
            value = value.replace(",", "\\,")
        return f"{head}:{value}"
    if name in _TEXT:
        value = _UNESCAPED_COMMA.sub("\\\\,", value)
    return f"{head}:{value}"


def _text(component: object, name: str) -> str:
    child = getattr(component, name.lower(), None)
    value = getattr(child, "value", "")
    if isinstance(value, list):
        value = ", ".join(str(part) for part in value if str(part).strip())
    return str(value).strip()


def _all(component: object, name: str) -> list[str]:
    children = getattr(component, "contents", {}).get(name.lower(), [])
    return [str(child.value).strip() for child in children if str(child.value).strip()]


def _record(line: int, card: object) -> ContactRecord | RowProblem:
    first, last = _names(card)
    emails = tuple(dict.fromkeys(_all(card, "email")))
    organization = _organization(card)
    if not (first or last):
        if not (emails or organization):
            return RowProblem(line, "this card has no name, email or organization", "N")
        first = emails[0].split("@")[0] if emails else organization
    warnings: list[str] = []
    try:
        birthday = parse_birthday(_text(card, "bday")[:10])
    except ValueError as exc:
        warnings.append(f"BDAY: {exc}; left out")
        birthday = ""
    urls = _all(card, "url")
    linkedin = next((url for url in urls if is_linkedin_profile(url)), "")
    phones = _all(card, "tel")
    zone = _text(card, "tz")
    record = ContactRecord(
        line=line,
        source=Source.OTHER.value,
        first_name=first,
        last_name=last,
        emails=emails,
        phone=phones[0] if phones else "",
        organization=organization,
        title=_text(card, "title") or _text(card, "role"),
        linkedin_url=full_url(linkedin),
        location=_location(card),
        birthday=birthday,
        labels=_categories(card),
        notes=_text(card, "note"),
        time_zone=zone if is_time_zone(zone) else "",
        warnings=tuple(warnings),
    )
    return _with_coffeechat_fields(record, card, warnings)


# coffeechat's own fields (services.exports writes them): X-COFFEECHAT-SOURCE, …
X_PREFIX = "x-coffeechat-"


def _x(card: object, name: str) -> str | None:
    found = _all(card, X_PREFIX + name)
    return found[0] if found else None


def _with_coffeechat_fields(
    record: ContactRecord, card: object, warnings: list[str]
) -> ContactRecord:
    """A card coffeechat wrote carries its fields as X-COFFEECHAT-* properties: read
    those exactly, instead of the NOTE and CATEGORIES written for other apps (which
    would come back as "Labels: Alumni" added to the notes on every round trip)."""
    if not any(name.startswith(X_PREFIX) for name in getattr(card, "contents", {})):
        return record
    source = _x(card, "source") or ""
    cadence_text = _x(card, "cadence-days") or ""
    cadence = int(cadence_text) if cadence_text.isdigit() else None
    if cadence_text and cadence is None:
        warnings.append(f"X-COFFEECHAT-CADENCE-DAYS: {cadence_text!r} is not a number; left out")
    return replace(
        record,
        source=source if source in {s.value for s in Source} else record.source,
        connection=_x(card, "connection") or "",
        connection_line=_x(card, "connection-line") or "",
        location=_x(card, "location") or record.location,
        notes=_x(card, "notes") or "",
        labels=(),
        cadence_days=cadence,
        do_not_contact=(_x(card, "do-not-contact") or "").lower() == "true",
        warnings=tuple(warnings),
    )


def _names(card: object) -> tuple[str, str]:
    name = getattr(getattr(card, "n", None), "value", None)
    first = " ".join(str(getattr(name, "given", "") or "").split())
    last = " ".join(str(getattr(name, "family", "") or "").split())
    if isinstance(getattr(name, "given", None), list):
        first = " ".join(name.given)  # type: ignore[union-attr]
    if isinstance(getattr(name, "family", None), list):
        last = " ".join(name.family)  # type: ignore[union-attr]
    if not (first or last):
        first, _, last = _text(card, "fn").partition(" ")
    return first.strip(), last.strip()


def _organization(card: object) -> str:
    value = getattr(getattr(card, "org", None), "value", "")
    if isinstance(value, list):
        return str(value[0]).strip() if value else ""
    return str(value).split(";")[0].strip()


def _location(card: object) -> str:
    address = getattr(getattr(card, "adr", None), "value", None)
    if address is None:
        return ""
    parts = [getattr(address, name, "") for name in ("city", "region", "country")]
    return ", ".join(
        " ".join(part) if isinstance(part, list) else str(part) for part in parts if part
    )


def _categories(card: object) -> tuple[str, ...]:
    labels: list[str] = []
    for child in getattr(card, "contents", {}).get("categories", []):
        value = child.value
        items = value if isinstance(value, list) else str(value).split(",")
        labels.extend(str(item).strip() for item in items if str(item).strip())
    return tuple(dict.fromkeys(labels))

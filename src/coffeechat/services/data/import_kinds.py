"""The kinds of contact file coffeechat imports, each a pure parser from importers/.

Registering another kind is one entry in ``KINDS``; the web page, the CLI and
the API all list their choices from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from coffeechat.importers.base import ParseResult
    from coffeechat.importers.records import ContactRecord

Parser: TypeAlias = "Callable[[bytes, Mapping[str, str] | None], ParseResult[ContactRecord]]"


# Each parser is imported when a file of its kind is read: every command builds
# its parser from this list, and vobject alone costs about 0.1 s to import.
def _linkedin(data: bytes, _mapping: Mapping[str, str] | None) -> ParseResult[ContactRecord]:
    from coffeechat.importers.linkedin import parse_linkedin

    return parse_linkedin(data)


def _google(data: bytes, _mapping: Mapping[str, str] | None) -> ParseResult[ContactRecord]:
    from coffeechat.importers.google import parse_google

    return parse_google(data)


def _vcard(data: bytes, _mapping: Mapping[str, str] | None) -> ParseResult[ContactRecord]:
    from coffeechat.importers.vcard import parse_vcard

    return parse_vcard(data)


def _csv(data: bytes, mapping: Mapping[str, str] | None) -> ParseResult[ContactRecord]:
    from coffeechat.importers.generic_csv import parse_generic_csv

    return parse_generic_csv(data, mapping)


@dataclass(frozen=True)
class ImportKind:
    name: str
    label: str
    help: str
    parse: Parser
    takes_mapping: bool = False
    accept: str = ".csv"


KINDS: dict[str, ImportKind] = {
    "linkedin": ImportKind(
        "linkedin",
        "LinkedIn connections",
        "Connections.csv from LinkedIn's “Get a copy of your data”, or the .zip archive itself.",
        _linkedin,
    ),
    "google": ImportKind(
        "google",
        "Google Contacts",
        "A Google Contacts export (“Google CSV”), current or legacy.",
        _google,
    ),
    "vcard": ImportKind(
        "vcard",
        "vCard",
        "A .vcf file from a phone, Apple Contacts or Outlook (vCard 2.1, 3.0 or 4.0).",
        _vcard,
        accept=".vcf,.vcard,text/vcard",
    ),
    "csv": ImportKind(
        "csv",
        "Any CSV",
        "A spreadsheet saved as CSV with a header line; you choose which column is which.",
        _csv,
        takes_mapping=True,
    ),
}

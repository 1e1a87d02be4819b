"""The kinds of contact file coffeechat imports, each a pure parser from importers/.

Registering another kind is one entry in ``KINDS``; the web page, the CLI and
the API all list their choices from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from coffeechat.importers.base import ParseResult
from coffeechat.importers.generic_csv import parse_generic_csv
from coffeechat.importers.google import parse_google
from coffeechat.importers.linkedin import parse_linkedin
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.vcard import parse_vcard

Parser = Callable[[bytes, Mapping[str, str] | None], ParseResult[ContactRecord]]


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
        lambda data, _mapping: parse_linkedin(data),
    ),
    "google": ImportKind(
        "google",
        "Google Contacts",
        "A Google Contacts export (“Google CSV”), current or legacy.",
        lambda data, _mapping: parse_google(data),
    ),
    "vcard": ImportKind(
        "vcard",
        "vCard",
        "A .vcf file from a phone, Apple Contacts or Outlook (vCard 2.1, 3.0 or 4.0).",
        lambda data, _mapping: parse_vcard(data),
        accept=".vcf,.vcard,text/vcard",
    ),
    "csv": ImportKind(
        "csv",
        "Any CSV",
        "A spreadsheet saved as CSV with a header line; you choose which column is which.",
        parse_generic_csv,
        takes_mapping=True,
    ),
}

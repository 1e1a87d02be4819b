"""The one record every contact importer produces, whatever the file's format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coffeechat.domain.vocabulary import Source


@dataclass(frozen=True)
class ContactRecord:
    """One person read from a file, with the line it started on.

    ``warnings`` are small things the preview shows without refusing the row
    (an unreadable date left empty, a second phone number not kept).

    >>> r = ContactRecord(line=5, first_name="Ada", last_name="Lovelace", emails=("a@x.org",))
    >>> r.name, r.email
    ('Ada Lovelace', 'a@x.org')
    """

    line: int
    source: str = Source.OTHER.value
    first_name: str = ""
    last_name: str = ""
    emails: tuple[str, ...] = ()
    phone: str = ""
    organization: str = ""
    title: str = ""
    linkedin_url: str = ""
    location: str = ""
    connected_on: date | None = None
    birthday: str = ""
    labels: tuple[str, ...] = ()
    notes: str = ""
    # Only a CSV written by coffeechat (or laid out like one) fills these.
    connection: str = ""
    connection_line: str = ""
    time_zone: str = ""
    cadence_days: int | None = None
    do_not_contact: bool = False
    warnings: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

"""A parsed row as Contact field values, and why a row cannot become a contact.

The classification (``import_preview``) matches these values against the
user's contacts; this module only turns one record into them and checks them.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from coffeechat.core.models import Contact, Organization
from coffeechat.domain.dates import MONTHS
from coffeechat.domain.vocabulary import Source
from coffeechat.importers.fields import clean_organization_name, organization_key
from coffeechat.importers.records import ContactRecord

_LENGTHS = {
    name: Contact._meta.get_field(name).max_length
    for name in ("first_name", "last_name", "email", "linkedin_url", "phone", "title", "location")
}
_URL = URLValidator()
# The URL nearly every LinkedIn row has, which URLValidator always accepts: checked
# with this instead, as URLValidator costs ~15 µs a row (a tenth of a 10,000-row import).
_PLAIN_PROFILE = re.compile(r"https://(www\.)?linkedin\.com/in/[A-Za-z0-9_%-]{1,100}/?")
_ORG_LENGTH = Organization._meta.get_field("name").max_length or 200
_LABEL_SOURCES = {
    "alumni": Source.ALUMNI,
    "alum": Source.ALUMNI,
    "colleagues": Source.COLLEAGUE,
    "colleague": Source.COLLEAGUE,
    "coworkers": Source.COLLEAGUE,
    "family": Source.FRIEND_FAMILY,
    "friends": Source.FRIEND_FAMILY,
    "conference": Source.CONFERENCE,
    "event": Source.EVENT,
    "events": Source.EVENT,
}
FIELD_WORDS = {
    "last_name": "last name",
    "linkedin_url": "LinkedIn URL",
    "research_notes": "notes",
    "connection": "how you are connected",
    "connection_line": "connection sentence",
    "organization_name": "organization",
    "time_zone": "time zone",
}


def contact_values(record: ContactRecord, org_names: dict[str, str]) -> dict[str, Any]:
    """The row as Contact field values; the organization by its (normalised) name."""
    org_name = clean_organization_name(record.organization)
    if org_name:
        org_name = org_names.get(organization_key(org_name), org_name)
    return {
        "first_name": record.first_name.strip(),
        "last_name": record.last_name.strip(),
        "email": record.email.strip(),
        "linkedin_url": record.linkedin_url.strip(),
        "phone": record.phone.strip(),
        "title": record.title.strip(),
        "location": record.location.strip(),
        "source": _source(record),
        "connection": record.connection or _connection(record),
        "connection_line": record.connection_line,
        "research_notes": _research_notes(record),
        "time_zone": record.time_zone,
        "cadence_days": record.cadence_days,
        "do_not_contact": record.do_not_contact,
        "organization_name": org_name,
    }


def _source(record: ContactRecord) -> str:
    if record.source != Source.OTHER:
        return record.source
    for label in record.labels:
        source = _LABEL_SOURCES.get(label.strip().lower())
        if source:
            return source.value
    return record.source


def _connection(record: ContactRecord) -> str:
    since = ""
    if record.connected_on:
        day = record.connected_on
        since = f" since {day.day} {MONTHS[day.month - 1]} {day.year}"
    if record.source == Source.LINKEDIN:
        return f"Connected on LinkedIn{since}."
    return f"Connected{since}." if since else ""


def _research_notes(record: ContactRecord) -> str:
    lines = [record.notes.strip()] if record.notes.strip() else []
    if len(record.emails) > 1:
        lines.append("Other emails: " + ", ".join(record.emails[1:]))
    if record.birthday:
        lines.append("Birthday: " + record.birthday)
    if record.labels:
        lines.append("Labels: " + ", ".join(record.labels))
    return "\n".join(lines)


def validation_error(values: dict[str, Any]) -> str:
    """Why the row cannot become a contact, in words naming the field; "" when it can."""
    for name, limit in _LENGTHS.items():
        if limit and len(values[name]) > limit:
            words = FIELD_WORDS.get(name, name.replace("_", " "))
            return f"{words} is longer than {limit} characters"
    if len(values["organization_name"]) > _ORG_LENGTH:
        return f"organization is longer than {_ORG_LENGTH} characters"
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            return f"email {values['email']!r} is not an email address"
    if values["linkedin_url"] and not _PLAIN_PROFILE.fullmatch(values["linkedin_url"]):
        try:
            _URL(values["linkedin_url"])
        except ValidationError:
            return f"LinkedIn URL {values['linkedin_url']!r} is not a web address"
    return ""

"""Everything a user has, out of coffeechat: JSON (restorable), CSV per table, vCard 4.0.

The JSON document is deterministic: tables and rows in a fixed order, keys
sorted, instants in UTC, no export date. Restoring it into an empty account
(services.restore_json) and exporting again gives the same bytes, which is
how the tests prove nothing is lost. Trashed rows are included with their
``deleted_at``, so the trash survives a move to another install.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from datetime import UTC
from typing import Any

import vobject

from coffeechat.core.models import Contact, Organization, Profile
from coffeechat.domain.vocabulary import label
from coffeechat.importers.base import neutralise_cell
from coffeechat.importers.vcard import X_PREFIX
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.data.export_schema import (
    FORMAT,
    VERSION,
    Table,
    profile_fields,
    tables,
    write_value,
)

LocalIds = dict[type, dict[object, int]]


def export_data(user: Any) -> dict[str, Any]:
    """The user's whole account as plain data, in a fixed number of queries per table."""
    ensure_profile(user)
    profile = Profile.objects.get(owner=user)
    schema = tables()
    rows = {t.name: list(t.model.objects.filter(owner=user).order_by("pk")) for t in schema}
    ids: LocalIds = {
        t.model: {row.pk: n for n, row in enumerate(rows[t.name], start=1)} for t in schema
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": {f.name: write_value(f, f.value_from_object(profile)) for f in profile_fields()},
        "tables": {t.name: _rows(t, rows[t.name], ids, user) for t in schema},
    }


def _rows(table: Table, rows: list[Any], ids: LocalIds, user: Any) -> list[dict[str, Any]]:
    links = _many_links(table, rows, user)
    out = []
    for number, row in enumerate(rows, start=1):
        data: dict[str, Any] = {"id": number}
        for field in table.fields:
            if field.is_relation:
                data[field.name] = ids.get(field.related_model, {}).get(  # type: ignore[arg-type]
                    getattr(row, field.attname)
                )
            else:
                data[field.name] = write_value(field, field.value_from_object(row))
        for many in table.many:
            targets = ids.get(many.related_model, {})  # type: ignore[arg-type]
            data[many.name] = sorted(
                targets[pk] for pk in links[many.name].get(row.pk, ()) if pk in targets
            )
        out.append(data)
    return out


def _many_links(table: Table, rows: list[Any], user: Any) -> dict[str, dict[object, list[object]]]:
    """Many-to-many links read through their join table: one query per relation."""
    links: dict[str, dict[object, list[object]]] = {}
    for many in table.many:
        through = many.remote_field.through
        source = many.m2m_field_name()
        target = many.m2m_reverse_field_name()
        pairs = through.objects.filter(**{f"{source}__owner": user}).values_list(
            f"{source}_id", f"{target}_id"
        )
        grouped: dict[object, list[object]] = {}
        for left, right in pairs:
            grouped.setdefault(left, []).append(right)
        links[many.name] = grouped
    return links


def export_json(user: Any) -> str:
    return dumps(export_data(user))


def dumps(data: dict[str, Any]) -> str:
    """The export as text: sorted keys, two-space indent, UTF-8 kept readable, final newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def row_count(data: dict[str, Any]) -> int:
    return sum(len(rows) for rows in data["tables"].values())


def export_csv_tables(user: Any) -> dict[str, str]:
    """One CSV text per table (plus the profile), formula cells neutralised for spreadsheets.

    Each file has an ``id`` column and the export-local ids in reference
    columns, as in the JSON export, except that an organization is named:
    that is how a person reads it, and how ``import csv`` finds or creates it.
    Lists and objects are written as JSON text, many-to-many links as ids
    separated by spaces. Rows in the trash are left out: a spreadsheet shows
    them as if live, and ``import csv`` would bring them back (the JSON export
    keeps the trash).
    """
    data = export_data(user)
    files = {"profile.csv": _csv([data["profile"]], list(data["profile"]))}
    # Every organization is named, trashed too: a live person still works there.
    organizations = {row["id"]: row["name"] for row in data["tables"]["organization"]}
    for table in tables():
        columns = ["id", *(f.name for f in table.fields), *(m.name for m in table.many)]
        live = [row for row in data["tables"][table.name] if not row.get("deleted_at")]
        rows = _with_organization_names(table, live, organizations)
        files[f"{table.name}.csv"] = _csv(rows, columns)
    return files


def _with_organization_names(
    table: Table, rows: list[dict[str, Any]], names: dict[int, str]
) -> list[dict[str, Any]]:
    linked = [f.name for f in table.fields if f.is_relation and f.related_model is Organization]
    if not linked:
        return rows
    return [{**row, **{name: names.get(row[name]) for name in linked}} for row in rows]


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(_cell(row.get(column))) for column in columns])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return " ".join(str(v) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def export_csv_zip(user: Any) -> bytes:
    return zip_files(export_csv_tables(user))


def zip_files(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            # A fixed date keeps the archive identical for identical data.
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8-sig"))  # the BOM tells Excel it is UTF-8
    return buffer.getvalue()


def export_vcard(user: Any) -> str:
    """Live contacts as vCard 4.0, one card each, in name order."""
    contacts = (
        Contact.objects.for_user(user)
        .select_related("organization")
        .order_by("last_name", "first_name", "pk")
    )
    return "".join(_card(contact).serialize() for contact in contacts)


def _card(contact: Contact) -> Any:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("uid").value = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, _uid_seed(contact))}"
    card.add("fn").value = contact.name
    card.add("n").value = vobject.vcard.Name(family=contact.last_name, given=contact.first_name)
    if contact.email:
        card.add("email").value = contact.email
    if contact.phone:
        card.add("tel").value = contact.phone
    if contact.organization is not None and contact.organization.deleted_at is None:
        card.add("org").value = [contact.organization.name]
    if contact.title:
        card.add("title").value = contact.title
    if contact.linkedin_url:
        card.add("url").value = contact.linkedin_url
    if contact.time_zone:
        card.add("tz").value = contact.time_zone
    card.add("categories").value = [label(contact.source)]
    note = _note(contact)
    if note:
        card.add("note").value = note
    for name, value in _coffeechat_fields(contact).items():
        card.add(X_PREFIX + name).value = value
    card.add("rev").value = contact.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return card


# coffeechat's own fields, for ``import vcard`` to read back exactly (X_PREFIX);
# other apps show NOTE and CATEGORIES and keep X- properties they do not know.


def _coffeechat_fields(contact: Contact) -> dict[str, str]:
    values = {
        "source": contact.source,
        "connection": contact.connection,
        "connection-line": contact.connection_line,
        "location": contact.location,
        "notes": contact.research_notes,
        "cadence-days": "" if contact.cadence_days is None else str(contact.cadence_days),
        "do-not-contact": "true" if contact.do_not_contact else "",
    }
    return {name: value for name, value in values.items() if value}


def _uid_seed(contact: Contact) -> str:
    return f"coffeechat:{contact.owner_id}:contact:{contact.pk}"


def _note(contact: Contact) -> str:
    parts = []
    if contact.connection:
        parts.append(f"How we are connected: {contact.connection}")
    if contact.location:
        parts.append(f"Location: {contact.location}")
    if contact.research_notes:
        parts.append(contact.research_notes)
    return "\n\n".join(parts)

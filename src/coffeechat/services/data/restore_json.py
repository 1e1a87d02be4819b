"""Restore a coffeechat JSON export into an empty account: all of it, or nothing.

``import_json(user, data)`` is the one entry point (web, API and a future
``coffeechat import json FILE`` call it). It refuses an account that already
has data, and a document that is not a coffeechat export, naming the place in
the document: ``$.tables.contact[3].email: Enter a valid email address.``
Everything is written in one transaction, with the original timestamps
(created, updated, trashed), so exporting again gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction

from coffeechat.core.models import Profile
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.contacts.search_index import deferred_search_index
from coffeechat.services.data.export_schema import (
    FORMAT,
    VERSION,
    Table,
    profile_fields,
    read_value,
    tables,
)
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_index import rebuilds_index

MAX_ERRORS = 20


class _Problems:
    """Collects messages by path; raises them together so the user fixes them in one go."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.setdefault(path, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)


def parse_document(data: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    """The export as a dict, or InvalidInput naming what is wrong and where."""
    if isinstance(data, Mapping):
        document: Any = dict(data)
    else:
        try:
            text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
            document = json.loads(text)
        except UnicodeDecodeError as exc:
            raise InvalidInput({"$": [f"the file is not UTF-8 text (byte {exc.start})"]}) from exc
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise InvalidInput({"$": [f"not valid JSON at {where}: {exc.msg}"]}) from exc
    if not isinstance(document, dict):
        raise InvalidInput({"$": ["a coffeechat export is a JSON object"]})
    if document.get("format") != FORMAT:
        raise InvalidInput({"$.format": [f"must be {FORMAT!r}: this is not a coffeechat export"]})
    if document.get("version") != VERSION:
        raise InvalidInput(
            {
                "$.version": [
                    f"version {document.get('version')!r} is not supported (only {VERSION})"
                ]
            }
        )
    for key, kind in (("profile", dict), ("tables", dict)):
        if not isinstance(document.get(key), kind):
            raise InvalidInput({f"$.{key}": ["missing or not a JSON object"]})
    return document


def existing_data(user: Any) -> dict[str, int]:
    """Rows the account already has, by table; built-in seed rows do not count."""
    counts = {}
    for table in tables():
        rows = table.model.objects.filter(owner=user)
        if _has_field(table.model, "builtin"):
            rows = rows.exclude(builtin=True)
        count = rows.count()
        if count:
            counts[table.name] = count
    return counts


@rebuilds_index
def import_json(user: Any, data: str | bytes | Mapping[str, Any]) -> dict[str, int]:
    """Restore an export into the user's empty account; returns the rows restored per table."""
    document = parse_document(data)
    schema = {t.name: t for t in tables()}
    unknown = sorted(set(document["tables"]) - set(schema))
    if unknown:
        raise InvalidInput({f"$.tables.{unknown[0]}": ["unknown table in a coffeechat export"]})
    with transaction.atomic(), deferred_search_index(user):
        present = existing_data(user)
        if present:
            listed = ", ".join(f"{count} {name}" for name, count in sorted(present.items()))
            raise InvalidInput(
                {
                    "__all__": [
                        f"This account already has data ({listed}). A coffeechat export can "
                        "only be restored into an empty account: nothing was changed."
                    ]
                }
            )
        _drop_seed_rows(user, schema, document["tables"])
        _restore_profile(user, document["profile"])
        new_ids: dict[type, dict[int, Any]] = {}
        counts = {}
        for name, table in schema.items():
            rows = document["tables"].get(name, [])
            counts[name] = _restore_table(user, table, rows, new_ids)
    return counts


def _drop_seed_rows(user: Any, schema: dict[str, Table], restored: dict[str, Any]) -> None:
    """Built-in rows a new account starts with are replaced by the export's own."""
    for name, table in schema.items():
        if name in restored and _has_field(table.model, "builtin"):
            table.model.objects.filter(owner=user, builtin=True).delete()


def _restore_profile(user: Any, values: dict[str, Any]) -> None:
    problems = _Problems()
    profile = ensure_profile(user)
    fields = {f.name: f for f in profile_fields()}
    for key in sorted(set(values) - set(fields)):
        problems.add(f"$.profile.{key}", "unknown field")
    changes = {}
    for name, field in fields.items():
        if name in values:
            try:
                changes[name] = read_value(field, values[name])
            except ValueError as exc:
                problems.add(f"$.profile.{name}", str(exc))
    problems.raise_if_any()
    for name, value in changes.items():
        setattr(profile, name, value)
    _validate(profile, "$.profile", problems, exclude=["owner"])
    problems.raise_if_any()
    # update() keeps the exported updated_at instead of stamping the current time.
    Profile.objects.filter(pk=profile.pk).update(**changes)


def _restore_table(user: Any, table: Table, rows: Any, new_ids: dict[type, dict[int, Any]]) -> int:
    path = f"$.tables.{table.name}"
    if not isinstance(rows, list):
        raise InvalidInput({path: ["must be a list of rows"]})
    problems = _Problems()
    known = {"id", *(f.name for f in table.fields), *(m.name for m in table.many)}
    instances, local_ids, deferred, links = [], [], [], []
    seen: set[int] = set()
    for index, row in enumerate(rows):
        where = f"{path}[{index}]"
        if not isinstance(row, dict):
            problems.add(where, "must be a JSON object")
            continue
        local = row.get("id")
        if isinstance(local, bool) or not isinstance(local, int) or local in seen:
            problems.add(f"{where}.id", "must be a whole number, unique in its table")
            continue
        for key in sorted(set(row) - known):
            problems.add(f"{where}.{key}", "unknown field")
        instance = table.model(owner=user)
        deferred.append(_fill(instance, table, row, where, new_ids, problems))
        links.append({m.name: _many_ids(m, row, where, new_ids, problems) for m in table.many})
        _validate(instance, where, problems, exclude=["owner", *_relation_names(table)])
        instances.append(instance)
        local_ids.append(local)
        seen.add(local)
    problems.raise_if_any()
    stamps = [_stamps(table, instance) for instance in instances]
    created = table.model.objects.bulk_create(instances)
    new_ids[table.model] = {local: obj.pk for local, obj in zip(local_ids, created, strict=True)}
    _restore_stamps(table, created, stamps)
    _link_deferred(table, created, deferred, new_ids, path)
    _link_many(table, created, links, new_ids)
    return len(created)


def _fill(
    instance: Any,
    table: Table,
    row: dict[str, Any],
    where: str,
    new_ids: dict[type, dict[int, Any]],
    problems: _Problems,
) -> dict[str, int]:
    """Set the row's values; returns references to rows not created yet (the table's own)."""
    later: dict[str, int] = {}
    for field in table.fields:
        if field.name not in row:
            continue  # an export from before this field existed: keep the default
        value = row[field.name]
        if not field.is_relation:
            try:
                setattr(instance, field.attname, read_value(field, value))
            except ValueError as exc:
                problems.add(f"{where}.{field.name}", str(exc))
            continue
        target = field.related_model
        if value is None:
            if not field.null:
                problems.add(f"{where}.{field.name}", "may not be null")
            continue
        if target is table.model or target not in new_ids:
            later[field.attname] = value
        elif value in new_ids[target]:  # type: ignore[index]
            setattr(instance, field.attname, new_ids[target][value])  # type: ignore[index]
        else:
            problems.add(f"{where}.{field.name}", _dangling(target, value))
    return later


def _many_ids(
    many: models.ManyToManyField,
    row: dict[str, Any],
    where: str,
    new_ids: dict[type, dict[int, Any]],
    problems: _Problems,
) -> list[Any]:
    values = row.get(many.name, [])
    targets = new_ids.get(many.related_model, {})  # type: ignore[arg-type]
    if not isinstance(values, list):
        problems.add(f"{where}.{many.name}", "must be a list of ids")
        return []
    missing = [v for v in values if v not in targets]
    if missing:
        problems.add(f"{where}.{many.name}", _dangling(many.related_model, missing[0]))
    return [targets[v] for v in values if v in targets]


def _dangling(model: Any, value: Any) -> str:
    return f"refers to {model._meta.verbose_name} {value!r}, which is not in the export"


def _relation_names(table: Table) -> list[str]:
    return [f.name for f in table.fields if f.is_relation] + [m.name for m in table.many]


def _validate(instance: Any, where: str, problems: _Problems, exclude: list[str]) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            for message in messages:
                problems.add(where if field == "__all__" else f"{where}.{field}", message)


def _auto_fields(table: Table) -> list[models.Field]:
    return [
        f
        for f in table.fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


def _stamps(table: Table, instance: Any) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in _auto_fields(table)}


def _restore_stamps(table: Table, created: list[Any], stamps: list[dict[str, Any]]) -> None:
    """bulk_create stamps auto_now fields with the current time; put the exported ones back."""
    names = [f.attname for f in _auto_fields(table) if any(s.get(f.attname) for s in stamps)]
    if not names:
        return
    for obj, values in zip(created, stamps, strict=True):
        for name in names:
            if values.get(name) is not None:
                setattr(obj, name, values[name])
    _update_columns(table.model, created, names)


def _link_deferred(
    table: Table,
    created: list[Any],
    deferred: list[dict[str, int]],
    new_ids: dict[type, dict[int, Any]],
    path: str,
) -> None:
    fields = {f.attname: f for f in table.fields if f.is_relation}
    changed: set[str] = set()
    linked = []
    problems = _Problems()
    for index, (obj, later) in enumerate(zip(created, deferred, strict=True)):
        for attname, local in later.items():
            target = fields[attname].related_model
            mapping = new_ids.get(target, {})  # type: ignore[arg-type]
            if local not in mapping:
                problems.add(f"{path}[{index}].{fields[attname].name}", _dangling(target, local))
                continue
            setattr(obj, attname, mapping[local])
            changed.add(attname)
        if later:
            linked.append(obj)
    problems.raise_if_any()
    if changed:
        _update_columns(table.model, linked, sorted(changed))


def _link_many(
    table: Table, created: list[Any], links: list[dict[str, list[Any]]], new_ids: Any
) -> None:
    for many in table.many:
        through = many.remote_field.through
        source = many.m2m_field_name() + "_id"
        target = many.m2m_reverse_field_name() + "_id"
        pairs = [
            through(**{source: obj.pk, target: pk})
            for obj, link in zip(created, links, strict=True)
            for pk in link[many.name]
        ]
        through.objects.bulk_create(pairs)


def _update_columns(model: type[models.Model], rows: list[Any], attnames: list[str]) -> None:
    """Write these columns of these rows as they are on the objects: one executemany.

    Unlike ``bulk_update`` (a CASE per row, slow for thousands) and ``save``
    (which stamps ``auto_now`` fields with the current time).
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in attnames]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    sql = f"UPDATE {table} SET {columns} WHERE {connection.ops.quote_name('id')} = %s"
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())

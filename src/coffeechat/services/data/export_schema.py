"""What a coffeechat export holds and how each value is written: shared by export and restore.

Tables are found, not listed: every model with an owner (``OwnedModel``) is
exported, so a model or field added later travels with the data without
touching this file. Rows get export-local ids (1, 2, 3… in primary-key order
per table) and references use them, so an export does not depend on the
database's ids and restoring it into another install gives the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from django.apps import apps
from django.db import models

from coffeechat.core.models import OwnedModel, Profile

FORMAT = "coffeechat-export"
VERSION = 1
# Never exported: identity and bookkeeping. Trash and timestamps are kept.
SKIPPED = {"id", "owner"}
# Undo records hold database ids of the rows they moved, which mean nothing in
# another database: a restored account starts with no merges to undo.
NOT_EXPORTED = {"ContactMerge"}
BOOKKEEPING = {"created_at", "updated_at", "deleted_at"}


@dataclass(frozen=True)
class Table:
    name: str  # "career_path"
    model: type[models.Model]
    fields: tuple[models.Field, ...]  # concrete, in declaration order, without id/owner
    many: tuple[models.ManyToManyField, ...]

    def references(self) -> set[type[models.Model]]:
        related = {f.related_model for f in self.fields if f.is_relation}
        related |= {m.related_model for m in self.many}
        return {r for r in related if isinstance(r, type)}


def snake(name: str) -> str:
    """CareerPath -> career_path.

    >>> snake("ActionItem"), snake("Contact")
    ('action_item', 'contact')
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _table(model: type[models.Model]) -> Table:
    concrete = [f for f in model._meta.concrete_fields if f.name not in SKIPPED]
    # The row's own fields first, the shared bookkeeping last: CSV columns read better.
    fields = tuple(sorted(concrete, key=lambda f: f.name in BOOKKEEPING))
    many = tuple(
        f
        for f in model._meta.many_to_many
        if isinstance(f, models.ManyToManyField) and f.remote_field.through._meta.auto_created
    )
    return Table(snake(model.__name__), model, fields, many)


def tables() -> list[Table]:
    """Every owned model, each after the models it points at (self-references aside)."""
    owned = [
        m
        for m in apps.get_app_config("core").get_models()
        if issubclass(m, OwnedModel) and not m._meta.abstract and m.__name__ not in NOT_EXPORTED
    ]
    pending = {m: _table(m) for m in sorted(owned, key=lambda m: m.__name__)}
    ordered: list[Table] = []
    while pending:
        done = {t.model for t in ordered}
        ready = [
            t
            for m, t in pending.items()
            if all(r in done or r is m or r not in pending for r in t.references())
        ]
        if not ready:  # a cycle between two tables: keep name order, restore defers the links
            ready = [next(iter(pending.values()))]
        for table in ready:
            ordered.append(table)
            del pending[table.model]
    return ordered


def profile_fields() -> tuple[models.Field, ...]:
    return tuple(f for f in Profile._meta.concrete_fields if f.name not in SKIPPED)


def write_value(field: models.Field, value: Any) -> Any:
    """A field's value as JSON: instants in UTC, dates and times in ISO 8601."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def read_value(field: models.Field, value: Any) -> Any:
    """The inverse of ``write_value``; raises ValueError with words for the user."""
    if value is None:
        if not field.null:
            raise ValueError("may not be null")
        return None
    if isinstance(field, models.DateTimeField):
        return _parse(value, datetime, "a date and time like 2026-11-03T14:00:00Z")
    if isinstance(field, models.DateField):
        return _parse(value, date, "a date like 2026-11-03")
    if isinstance(field, models.TimeField):
        return _parse(value, time, "a time like 14:30:00")
    if isinstance(field, models.BooleanField):
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if isinstance(field, models.IntegerField):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        return value
    if isinstance(field, models.FloatField):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number")
        return float(value)
    if isinstance(field, models.JSONField):
        return value
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value


def _parse(value: Any, kind: type, example: str) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"must be {example}")
    try:
        parsed = kind.fromisoformat(value.replace("Z", "+00:00") if kind is datetime else value)
    except ValueError as exc:
        raise ValueError(f"must be {example}, not {value!r}") from exc
    if kind is datetime and parsed.tzinfo is None:
        raise ValueError(f"must include a time zone (like 2026-11-03T14:00:00Z), not {value!r}")
    return parsed

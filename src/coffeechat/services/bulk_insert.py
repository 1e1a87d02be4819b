"""Insert many rows of one model with a single ``executemany``, for imports.

``bulk_create`` builds a model instance per row and then compiles every value
of every row into SQL text in Python (and on SQLite caps a statement at 999
parameters, ~58 contacts); for a 10,000-row import that compiling was most of
the write time (see docs/performance.md). Here each field's default is
prepared once, plain text values go to the database driver as they are, and
one prepared statement is run for all the rows. Like ``bulk_create`` it sends
no signals and runs no ``save()``; unlike it, it gives no ids back, so use it
only where the caller finds the rows again by a column (an import batch).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, models
from django.utils import timezone

_TEXT = (models.CharField, models.TextField)


def insert_rows(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """INSERT one row per mapping (field attname → value); return how many.

    A field a row leaves out takes its default, as ``Model()`` would give it;
    ``auto_now``/``auto_now_add`` fields all take the same current time, so a
    row's ``created_at`` equals its ``updated_at`` exactly.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    now = timezone.now()
    defaults = [_prepare(field, _default(field, now)) for field in fields]
    stamped = {i for i, field in enumerate(fields) if _is_stamp(field)}
    known = {field.attname for field in fields}
    params = []
    for row in rows:
        if unknown := row.keys() - known:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
        values = list(defaults)
        for i, field in enumerate(fields):
            if i not in stamped and field.attname in row:
                values[i] = _prepare(field, row[field.attname])
        params.append(values)
    if not params:
        return 0
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)


def _is_stamp(field: models.Field[Any, Any]) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _default(field: models.Field[Any, Any], now: Any) -> Any:
    return now if _is_stamp(field) else field.get_default()


def _prepare(field: models.Field[Any, Any], value: Any) -> Any:
    # Text is passed through as the driver takes it (what CharField's preparation
    # amounts to for a str); everything else goes through the field, as in save().
    if isinstance(value, str) and isinstance(field, _TEXT):
        return value
    return field.get_db_prep_save(value, connection)

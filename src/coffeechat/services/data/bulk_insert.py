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

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import connection, models
from django.utils import timezone


def insert_rows(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """INSERT one row per mapping (field attname → value); return how many.

    A field a row leaves out takes its default, as ``Model()`` would give it;
    ``auto_now``/``auto_now_add`` fields all take the same current time, so a
    row's ``created_at`` equals its ``updated_at`` exactly.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    now = timezone.now()
    defaults = [
        _prepare(field, now if _is_stamp(field) else field.get_default()) for field in fields
    ]
    given = [
        (i, field.attname, _preparer(field))
        for i, field in enumerate(fields)
        if not _is_stamp(field)
    ]
    # A callable default (a fresh list, a token) is called for each row, as Model() does.
    fresh = [(i, f) for i, f in enumerate(fields) if f.has_default() and callable(f.default)]
    known = {field.attname for field in fields}
    params = []
    for row in rows:
        if unknown := row.keys() - known:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
        values = list(defaults)
        for i, field in fresh:
            values[i] = _prepare(field, field.get_default())
        for i, attname, prepare in given:
            if attname in row:
                values[i] = prepare(row[attname])
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


def _prepare(field: models.Field[Any, Any], value: Any) -> Any:
    return field.get_db_prep_save(value, connection)


def _preparer(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """How a row's value becomes a query parameter, chosen once per field.

    Text, and ints for integer columns and foreign keys to integer ids, go to
    the driver as they are (all that the field's own preparation does to them);
    anything else goes through the field, as in ``save()``.
    """
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if isinstance(field, models.CharField | models.TextField):
        plain: type | None = str
    elif isinstance(target, models.IntegerField):
        plain = int
    else:
        plain = None

    def prepare(value: Any) -> Any:
        if plain is not None and type(value) is plain:
            return value
        if value is None and field.null:
            return None
        return field.get_db_prep_save(value, connection)

    return prepare

"""Keeping the SQLite contact search index right during bulk writes.

Triggers (migration 0002) re-index a contact on every change, which is what a
page edit wants but costs a bulk write dearly: a restore or an import of
thousands of rows re-indexes the same contacts again and again. Inside
``deferred_search_index(user)`` the triggers skip and the user's contacts are
re-indexed once, at the end, in the same transaction. PostgreSQL searches
without an index table, so there it does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

FTS = "core_contact_fts"
PAUSE = "core_contact_fts_pause"
# The same document as the triggers build (migration 0002), for one owner's contacts.
_NOTES = (
    "(SELECT group_concat(n.text, ' ') FROM core_note n"
    " JOIN core_conversation v ON v.id = n.conversation_id"
    " WHERE v.contact_id = c.id AND n.deleted_at IS NULL AND v.deleted_at IS NULL)"
)
_REINDEX = [
    f"DELETE FROM {FTS} WHERE rowid IN (SELECT id FROM core_contact c WHERE c.owner_id = %s",
    f"INSERT INTO {FTS}(rowid, name, title, organization, connection, notes) "
    "SELECT c.id, c.first_name || ' ' || c.last_name || ' ' || c.email, c.title, "
    "COALESCE(o.name, ''), "
    f"c.connection, c.research_notes || ' ' || COALESCE({_NOTES}, '') "
    "FROM core_contact c LEFT JOIN core_organization o ON o.id = c.organization_id "
    "WHERE c.owner_id = %s",
]
_OF_BATCH = " AND c.import_batch_id = %s"


def reindex_contacts(user: Any, *, import_batch: int | None = None) -> None:
    """Rebuild the search entries of all the user's contacts (SQLite only).

    With ``import_batch`` only the contacts that import batch made: an import
    of 50 rows into 10,000 contacts re-indexes 50.
    """
    if connection.vendor != "sqlite":
        return
    scope, params = (
        ("", [user.pk]) if import_batch is None else (_OF_BATCH, [user.pk, import_batch])
    )
    with connection.cursor() as cursor:
        cursor.execute(_REINDEX[0] + scope + ")", params)
        cursor.execute(_REINDEX[1] + scope, params)


@contextmanager
def deferred_search_index(user: Any, *, import_batch: int | None = None) -> Iterator[None]:
    """Run bulk writes for ``user`` without per-row re-indexing; one rebuild at the end.

    With ``import_batch`` the rebuild covers only the contacts that batch made
    (an import's new contacts), so write nothing else for the user inside it.

    It opens (or joins) a transaction: SQLite lets one connection write at a
    time, so no other writer's changes can slip past the paused triggers, and
    the pause row is gone before anyone else can see it.
    """
    if connection.vendor != "sqlite":
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {PAUSE} (owner_id) VALUES (%s)", [user.pk])
        yield
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {PAUSE} WHERE owner_id = %s", [user.pk])
        reindex_contacts(user, import_batch=import_batch)

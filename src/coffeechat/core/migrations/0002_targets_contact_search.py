"""Full-text search over contacts on SQLite: an FTS5 table kept in sync by triggers.

One row per contact (rowid = contact id) with their name and email, title, organization
name, connection sentence, and research plus every live note of their
conversations. Triggers rather than Django signals keep it right for bulk
inserts and raw updates too (imports, restores, the trash). Trashed contacts
stay indexed: queries go through ``for_user``, which hides them, and a
restore then needs no re-indexing. Trashed notes and conversations are left
out of the text, and come back in when restored.

PostgreSQL needs no table: it searches with SearchVector at query time.
"""

from django.db import migrations

FTS = "core_contact_fts"

_NOTES = (
    "(SELECT group_concat(n.text, ' ') FROM core_note n"
    " JOIN core_conversation v ON v.id = n.conversation_id"
    " WHERE v.contact_id = c.id AND n.deleted_at IS NULL AND v.deleted_at IS NULL)"
)


_DOCUMENT = (
    f"INSERT INTO {FTS}(rowid, name, title, organization, connection, notes)\n"
    "SELECT c.id, c.first_name || ' ' || c.last_name || ' ' || c.email, c.title,"
    " COALESCE(o.name, ''),"
    f" c.connection, c.research_notes || ' ' || COALESCE({_NOTES}, '')\n"
    "FROM core_contact c LEFT JOIN core_organization o ON o.id = c.organization_id\n"
)
# Bulk writers (a restore, an import) put a row here inside their transaction:
# the triggers then skip, and the writer re-indexes its contacts once at the end.
# SQLite lets one connection write at a time, so nobody else's writes are skipped.
PAUSE = "core_contact_fts_pause"
_UNLESS_PAUSED = f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSE})"


def _refresh_one(contact_id: str) -> str:
    """Re-index one contact. FTS5 finds ``rowid = x`` directly; ``rowid IN (…)`` scans."""
    return f"DELETE FROM {FTS} WHERE rowid = {contact_id};\n{_DOCUMENT}WHERE c.id = {contact_id};"


def _refresh_many(where: str) -> str:
    return (
        f"DELETE FROM {FTS} WHERE rowid IN (SELECT c.id FROM core_contact c WHERE {where});\n"
        f"{_DOCUMENT}WHERE {where};"
    )


_CONTACT_COLUMNS = (
    "first_name, last_name, email, title, organization_id, connection, research_notes"
)
_OF_CONVERSATION = "(SELECT contact_id FROM core_conversation WHERE id = {row}.conversation_id)"

TRIGGERS = {
    "core_contact_fts_ai": ("AFTER INSERT ON core_contact", _refresh_one("NEW.id")),
    "core_contact_fts_au": (
        f"AFTER UPDATE OF {_CONTACT_COLUMNS} ON core_contact",
        _refresh_one("NEW.id"),
    ),
    "core_organization_fts_au": (
        "AFTER UPDATE OF name ON core_organization",
        _refresh_many("c.organization_id = NEW.id"),
    ),
    "core_note_fts_ai": (
        "AFTER INSERT ON core_note",
        _refresh_one(_OF_CONVERSATION.format(row="NEW")),
    ),
    "core_note_fts_au": (
        "AFTER UPDATE OF text, deleted_at, conversation_id ON core_note",
        _refresh_one(_OF_CONVERSATION.format(row="OLD"))
        + "\n"
        + _refresh_one(_OF_CONVERSATION.format(row="NEW")),
    ),
    "core_note_fts_ad": (
        "AFTER DELETE ON core_note",
        _refresh_one(_OF_CONVERSATION.format(row="OLD")),
    ),
    "core_conversation_fts_au": (
        "AFTER UPDATE OF deleted_at, contact_id ON core_conversation",
        _refresh_one("OLD.contact_id") + "\n" + _refresh_one("NEW.contact_id"),
    ),
    "core_conversation_fts_ad": (
        "AFTER DELETE ON core_conversation",
        _refresh_one("OLD.contact_id"),
    ),
}
# Never paused: a deleted contact's entry must go (it is a plain delete by rowid).
ALWAYS = {
    "core_contact_fts_ad": (
        "AFTER DELETE ON core_contact",
        f"DELETE FROM {FTS} WHERE rowid = OLD.id;",
    ),
}


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    execute = schema_editor.execute
    execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(name, title, organization, connection, notes,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    execute(f"CREATE TABLE {PAUSE} (owner_id integer NOT NULL)")
    for name, (when, body) in TRIGGERS.items():
        execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW {_UNLESS_PAUSED} BEGIN\n{body}\nEND")
    for name, (when, body) in ALWAYS.items():
        execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW BEGIN\n{body}\nEND")
    execute(_DOCUMENT)  # the contacts already there


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in [*TRIGGERS, *ALWAYS]:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {PAUSE}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]

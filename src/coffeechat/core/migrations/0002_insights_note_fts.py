"""Full-text search over notes, in each database's own engine.

SQLite: an FTS5 table ``core_note_fts`` whose rowid is the note's id, kept in
step with ``core_note`` by triggers, holding live notes only (a trashed note
leaves the index; a restored one comes back). Porter stemming so "designing"
finds "design".

PostgreSQL: a GIN index on the same ``to_tsvector('english', text)``
expression the search builds, so nothing needs keeping in step.

Both names say "note": another index covers contacts.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE core_note_fts USING fts5(
        text, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER core_note_fts_insert AFTER INSERT ON core_note
    WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO core_note_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER core_note_fts_update AFTER UPDATE ON core_note BEGIN
        DELETE FROM core_note_fts WHERE rowid = old.id;
        INSERT INTO core_note_fts (rowid, text)
            SELECT new.id, new.text WHERE new.deleted_at IS NULL;
    END
    """,
    """
    CREATE TRIGGER core_note_fts_delete AFTER DELETE ON core_note BEGIN
        DELETE FROM core_note_fts WHERE rowid = old.id;
    END
    """,
    """
    INSERT INTO core_note_fts (rowid, text)
        SELECT id, text FROM core_note WHERE deleted_at IS NULL
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_note_fts_insert",
    "DROP TRIGGER IF EXISTS core_note_fts_update",
    "DROP TRIGGER IF EXISTS core_note_fts_delete",
    "DROP TABLE IF EXISTS core_note_fts",
]
# The expression must be exactly what SearchVector("text", config="english") writes.
POSTGRES_FORWARD = [
    """
    CREATE INDEX core_note_fts_gin ON core_note
    USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))
    """,
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS core_note_fts_gin"]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
}


def _run(schema_editor, forward: bool) -> None:
    pair = STATEMENTS.get(schema_editor.connection.vendor)
    if pair is None:  # another database searches without an index
        return
    for statement in pair[0] if forward else pair[1]:
        schema_editor.execute(statement)


def forwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=True)


def backwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]

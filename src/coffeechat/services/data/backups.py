"""Copies of the whole database, taken while the app runs, and putting one back.

SQLite is copied with its own online backup API (``sqlite3.Connection.backup``):
it reads through SQLite's pager, so what sits in the WAL file is included, and
copying every page in one step holds a read snapshot, so a write in the middle
of the copy is either wholly in it or wholly out. PostgreSQL is left to
``pg_dump``, which reads inside one transaction for the same reason.

A restore checks the file first (a readable SQLite file, ``PRAGMA
integrity_check`` answering ok, coffeechat's tables), copies the current data
aside, then copies the backup into the live database through the same backup
API, so a running server sees the old data or the new, never a half-written file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

# Tables every coffeechat database has had since its first migration.
REQUIRED_TABLES = ("django_migrations", "core_contact", "core_organization", "core_profile")


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Backup:
    path: Path
    bytes: int

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "bytes": self.bytes}


@dataclass(frozen=True)
class BackupCheck:
    """What a backup file holds, read without changing it."""

    path: Path
    contacts: int
    users: int
    migrations: int


def default_target(now: datetime) -> Path:
    """``backups/coffeechat-20261103-140000.sqlite3`` (or ``.dump``) in the data directory;
    a second backup within the same second gets ``-2``, never overwriting the first."""
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    stem = Path(settings.DATA_DIR) / "backups" / f"coffeechat-{now:%Y%m%d-%H%M%S}"
    target, number = stem.with_suffix(suffix), 1
    while target.exists():
        number += 1
        target = stem.with_name(f"{stem.name}-{number}{suffix}")
    return target


def back_up(target: Path | None, now: datetime) -> Backup:
    """Copy the live database to ``target`` (default: the data directory's backups/)."""
    target = target or default_target(now)
    if target.is_dir():
        raise BackupError(f"{target} is a directory; name the backup file to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        _sqlite_backup(_live_sqlite_path(), target)
    elif connection.vendor == "postgresql":
        pg_dump(connection.settings_dict, target)
    else:
        raise BackupError(f"backups of a {connection.vendor} database are not supported")
    return Backup(target, target.stat().st_size)


def _live_sqlite_path() -> Path:
    return Path(str(connection.settings_dict["NAME"]))


def _sqlite_backup(source: Path, target: Path) -> None:
    """Into a temporary file beside ``target``, renamed into place once complete."""
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".backup-", suffix=".partial")
    os.close(handle)
    try:
        _copy_sqlite(source, Path(partial))
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _copy_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=20)
    dst = sqlite3.connect(target)
    try:
        # pages=-1 (the default) copies everything in one step under one read snapshot.
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def pg_dump(database: dict[str, Any], target: Path) -> None:
    """``pg_dump --format=custom`` of the configured database (restore it with pg_restore)."""
    program = shutil.which("pg_dump")
    if program is None:
        raise BackupError(
            "pg_dump was not found; install PostgreSQL's client tools (the postgresql-client "
            "package) in the same major version as the server, then run the backup again"
        )
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    command = [program, "--format=custom", f"--file={target}", "--no-owner"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{flag}={database[key]}")
    command.append(str(database["NAME"]))
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {finished.stderr.strip() or finished.returncode}")


def check_backup(path: Path) -> BackupCheck:
    """Refuse anything but an intact coffeechat SQLite database; read nothing else."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{path}: cannot be opened ({exc})") from None
    try:
        return _inspect(source, path)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise BackupError(f"{path}: not a SQLite database") from None
        raise BackupError(f"{path}: the database is damaged ({exc})") from None
    finally:
        source.close()


def _inspect(source: sqlite3.Connection, path: Path) -> BackupCheck:
    problems = [row[0] for row in source.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path}: the database is damaged ({'; '.join(problems[:3])})")
    tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        raise BackupError(f"{path}: not a coffeechat database (no {', '.join(missing)} table)")

    def count(sql: str) -> int:
        return int(source.execute(sql).fetchone()[0])

    return BackupCheck(
        path=path,
        contacts=count("SELECT COUNT(*) FROM core_contact"),
        users=count("SELECT COUNT(*) FROM core_profile"),
        migrations=count("SELECT COUNT(*) FROM django_migrations"),
    )


@dataclass(frozen=True)
class Restored:
    check: BackupCheck
    previous: Backup  # the data that was replaced, kept in case the restore was a mistake

    def as_dict(self) -> dict[str, object]:
        return {
            "restored": str(self.check.path),
            "contacts": self.check.contacts,
            "previous_data": str(self.previous.path),
        }


def restore(path: Path, now: datetime) -> Restored:
    """Replace the live SQLite database with the backup at ``path``, after checking it
    and copying the current data aside. Migrations newer than the backup are applied
    by the caller's next start, as after any upgrade."""
    if connection.vendor != "sqlite":
        raise BackupError(
            "restore replaces a SQLite database; for PostgreSQL use pg_restore "
            "with the file coffeechat backup wrote"
        )
    checked = check_backup(path)
    if path.resolve() == _live_sqlite_path().resolve():
        raise BackupError(f"{path} is the live database itself; name a backup file")
    previous = back_up(None, now)
    connection.close()  # Django's own connection must not hold a lock while pages change
    _copy_sqlite(path, _live_sqlite_path())
    return Restored(checked, previous)

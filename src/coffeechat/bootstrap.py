"""Start-up chores for the console script: settings, migrations, the first user.

Kept apart from ``cli.py`` so ``coffeechat --help`` and ``--version`` never pay
for importing Django.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """Names of migrations not yet applied to the configured database."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


# Migrations can take a while on a large database; a process still waiting after
# this long is stuck behind something other than a migration.
MIGRATION_LOCK_SECONDS = 600


class MigrationLockTimeout(RuntimeError):
    """Another process held the migration lock for too long; the message says which file."""


def migrate_if_needed(verbose: bool = True) -> int:
    """Apply pending migrations only; a database already current is left alone.

    Several processes may start at once on a new data directory (a team server's
    workers, a cron job beside the server): without a lock each would create the
    same tables and all but one would fail. The lock is taken only when something
    is pending, so an up-to-date start stays a single read.
    """
    if not pending_migrations():
        return 0
    with migration_lock():
        # Whoever held the lock before may have applied everything already.
        pending = pending_migrations()
        if pending:
            from django.core.management import call_command

            if verbose:
                print(f"Preparing the database ({len(pending)} migrations)…")
            call_command("migrate", interactive=False, verbosity=0)
    return len(pending)


@contextmanager
def migration_lock() -> Iterator[None]:
    """An exclusive lock across processes, held on a file in the data directory."""
    from django.conf import settings
    from filelock import FileLock, Timeout

    path = Path(settings.DATA_DIR) / "migrate.lock"
    lock = FileLock(path, timeout=MIGRATION_LOCK_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise MigrationLockTimeout(
            f"another coffeechat process has been preparing the database for over "
            f"{MIGRATION_LOCK_SECONDS / 60:g} minutes (lock file {path}); stop it or wait, "
            "then start again"
        ) from None
    try:
        yield
    finally:
        lock.release()

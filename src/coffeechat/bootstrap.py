"""Start-up chores for the console script: settings, migrations, the first user.

Kept apart from ``cli.py`` so ``coffeechat --help`` and ``--version`` never pay
for importing Django.
"""

from __future__ import annotations

import os


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


def migrate_if_needed(verbose: bool = True) -> int:
    """Apply pending migrations only; a database already current is left alone."""
    pending = pending_migrations()
    if pending:
        from django.core.management import call_command

        if verbose:
            print(f"Preparing the database ({len(pending)} migrations)…")
        call_command("migrate", interactive=False, verbosity=0)
    return len(pending)

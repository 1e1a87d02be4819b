"""``coffeechat backup [FILE]`` and ``coffeechat restore FILE [--yes]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coffeechat.cli.common import EXIT_FAILED, CliError, note, print_json, start_django
from coffeechat.cli.parsing import command, json_option

if TYPE_CHECKING:
    from coffeechat.services.data.backup_rotation import Rotation
    from coffeechat.services.data.backups import BackupCheck


def register(commands: argparse._SubParsersAction) -> None:
    backup_ = command(
        commands,
        "backup",
        backup,
        "copy the whole database while the app runs (SQLite online backup, or pg_dump)",
    )
    backup_.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="where to write (default: backups/ in the data directory, named by date)",
    )
    backup_.add_argument(
        "--automatic",
        action="store_true",
        help="take today's automatic backup unless it exists and keep 7 daily and 4 weekly "
        "(backups/automatic/; serve does this at every start); for a daily cron job",
    )
    json_option(backup_)
    restore_ = command(
        commands,
        "restore",
        restore,
        "replace all data with a backup, after checking it and backing up the current data",
    )
    restore_.add_argument("file", metavar="FILE", help="a file written by coffeechat backup")
    restore_.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    json_option(restore_)


def backup(args: argparse.Namespace) -> int:
    if args.automatic and args.file:
        raise CliError("--automatic writes to backups/automatic/ by itself; leave out FILE")
    start_django()
    from django.utils import timezone

    from coffeechat.services.data.backups import BackupError, back_up

    if args.automatic:
        return _automatic(args.json)
    try:
        made = back_up(Path(args.file) if args.file else None, timezone.now())
    except BackupError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    if args.json:
        print_json(made.as_dict())
    else:
        note(f"Backed up the database to {made.path} ({made.bytes:,} bytes).")
    return 0


def _automatic(as_json: bool) -> int:
    from coffeechat.services.data.backups import BackupError

    try:
        rotation = take_automatic_backup()
    except BackupError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    if as_json:
        print_json(rotation.as_dict())
        return 0
    if rotation.taken:
        note(f"Backed up the database to {rotation.today} ({rotation.taken.bytes:,} bytes).")
    else:
        note(f"Today's automatic backup is already there: {rotation.today}.")
    for path in rotation.removed:
        note(f"Removed the old automatic backup {path}.")
    note(f"{len(rotation.kept)} automatic backups kept (7 daily, 4 weekly).")
    return 0


def take_automatic_backup() -> Rotation:
    """Today (by this machine's calendar) gets its backup; older ones are rotated."""
    from datetime import date

    from django.utils import timezone

    from coffeechat.services.data.backup_rotation import rotate_backups

    return rotate_backups(timezone.now(), date.today())


def restore(args: argparse.Namespace) -> int:
    # The live database is about to be replaced: no migrations before the check.
    start_django(migrate=False)
    from django.utils import timezone

    from coffeechat.services.data import backups

    path = Path(args.file)
    try:
        checked = backups.check_backup(path)
    except backups.BackupError as exc:
        raise CliError(f"{exc}; nothing was changed") from None
    if not args.yes:
        _confirm(checked)
    try:
        restored = backups.restore(path, timezone.now())
    except backups.BackupError as exc:
        raise CliError(f"{exc}; nothing was changed") from None
    start_django()  # a backup from an older version gets this version's migrations
    if args.json:
        print_json(restored.as_dict())
    else:
        note(
            f"Restored {path} ({checked.contacts:,} contacts). The data it replaced is in "
            f"{restored.previous.path}."
        )
    return 0


def _confirm(checked: BackupCheck) -> None:
    if not sys.stdin.isatty():
        raise CliError("restore replaces all current data; confirm with --yes")
    answer = input(
        f"Replace all current data with {checked.path} ({checked.contacts:,} contacts)? "
        "The current data is backed up first. [y/N] "
    )
    if answer.strip().lower() not in {"y", "yes"}:
        raise CliError("not restored; nothing was changed")

"""``coffeechat backup [FILE]`` and ``coffeechat restore FILE [--yes]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coffeechat.cli.common import EXIT_FAILED, CliError, note, print_json, start_django

if TYPE_CHECKING:
    from coffeechat.services.backups import BackupCheck


def backup(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.backups import BackupError, back_up

    try:
        made = back_up(Path(args.file) if args.file else None, timezone.now())
    except BackupError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    if args.json:
        print_json(made.as_dict())
    else:
        note(f"Backed up the database to {made.path} ({made.bytes:,} bytes).")
    return 0


def restore(args: argparse.Namespace) -> int:
    # The live database is about to be replaced: no migrations before the check.
    start_django(migrate=False)
    from django.utils import timezone

    from coffeechat.services import backups

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

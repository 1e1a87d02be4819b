"""Automatic daily backups in the data directory, rotated 7 daily / 4 weekly.

They live in ``backups/automatic/`` apart from the backups a user asks for and
the copies ``restore`` keeps, so rotation only ever deletes files it made
itself. One file per day, named by that day (``coffeechat-20261103.sqlite3``):
whether today's exists is one ``stat``, so ``coffeechat serve`` can check at
every start and a cron job can run as often as it likes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from coffeechat.domain.backup_rotation import backups_to_keep
from coffeechat.services.data.backups import Backup, back_up

# Only names of this shape are rotated: anything else in the folder is left alone.
_AUTOMATIC_NAME = re.compile(r"coffeechat-(\d{8})\.(?:sqlite3|dump)")


@dataclass(frozen=True)
class Rotation:
    today: Path  # today's automatic backup
    taken: Backup | None  # None when today's was already there
    kept: list[Path]
    removed: list[Path]

    def as_dict(self) -> dict[str, object]:
        return {
            "today": str(self.today),
            "taken": self.taken.as_dict() if self.taken else None,
            "kept": [str(path) for path in self.kept],
            "removed": [str(path) for path in self.removed],
        }


def automatic_folder() -> Path:
    return Path(settings.DATA_DIR) / "backups" / "automatic"


def todays_path(today: date) -> Path:
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    return automatic_folder() / f"coffeechat-{today:%Y%m%d}{suffix}"


def rotate_backups(now: datetime, today: date) -> Rotation:
    """Take today's backup unless it exists, then delete what the policy does not keep."""
    target = todays_path(today)
    taken = None if target.exists() else back_up(target, now)
    found = automatic_backups(automatic_folder())
    keep = backups_to_keep(found, today)
    removed = sorted(path for day, paths in found.items() if day not in keep for path in paths)
    for path in removed:
        path.unlink(missing_ok=True)
    kept = sorted(path for day, paths in found.items() if day in keep for path in paths)
    return Rotation(today=target, taken=taken, kept=kept, removed=removed)


def automatic_backups(folder: Path) -> dict[date, list[Path]]:
    """The automatic backups in ``folder`` by day; a name that is not a real date is skipped."""
    found: dict[date, list[Path]] = {}
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _AUTOMATIC_NAME.fullmatch(path.name)
        if not match or not path.is_file():
            continue
        try:
            day = datetime.strptime(match.group(1), "%Y%m%d").date()
        except ValueError:
            continue
        found.setdefault(day, []).append(path)
    return found

"""Automatic backups: one a day in backups/automatic/, rotated 7 daily and 4 weekly."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

import pytest

from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.backup_rotation import automatic_folder, rotate_backups

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 3)  # a Tuesday


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def _old_backup(day: date):
    folder = automatic_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"coffeechat-{day:%Y%m%d}.sqlite3"
    path.write_bytes(b"old")
    return path


def test_the_first_run_of_a_day_takes_a_whole_backup_and_the_second_takes_none(user, now):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})

    first = rotate_backups(now, TODAY)
    second = rotate_backups(now, TODAY)

    assert first.taken is not None and second.taken is None
    assert first.today.name == "coffeechat-20261103.sqlite3"
    with sqlite3.connect(first.today) as db:
        assert db.execute("SELECT first_name FROM core_contact").fetchall() == [("Grace",)]
    assert second.kept == [first.today]


def test_rotation_keeps_seven_days_and_four_weeks_and_deletes_the_rest(user, now):
    for back in range(1, 60):
        _old_backup(TODAY - timedelta(days=back))

    rotation = rotate_backups(now, TODAY)

    kept = sorted(p.name for p in automatic_folder().iterdir())
    assert len(kept) == 7 + 4
    assert kept[-1] == "coffeechat-20261103.sqlite3"
    assert "coffeechat-20261028.sqlite3" in kept  # the seventh day back
    assert "coffeechat-20261027.sqlite3" not in kept  # a Tuesday, not its week's newest
    assert "coffeechat-20261025.sqlite3" in kept  # the Sunday before: a weekly
    assert len(rotation.removed) == 59 - 10
    assert all(not p.exists() for p in rotation.removed)


def test_rotation_leaves_files_it_did_not_make_alone(user, now):
    folder = automatic_folder()
    folder.mkdir(parents=True)
    mine = folder / "my-copy.sqlite3"
    odd = folder / "coffeechat-20261399.sqlite3"  # not a date
    for path in (mine, odd):
        path.write_bytes(b"keep me")
    for back in range(1, 40):
        _old_backup(TODAY - timedelta(days=back))

    rotate_backups(now, TODAY)

    assert mine.read_bytes() == odd.read_bytes() == b"keep me"


def test_a_backup_dated_after_today_is_kept(user, now):
    ahead = _old_backup(TODAY + timedelta(days=3))
    for back in range(1, 40):
        _old_backup(TODAY - timedelta(days=back))

    rotate_backups(now, TODAY)

    assert ahead.exists()
    names = [p.name for p in automatic_folder().iterdir()]
    assert all(re.fullmatch(r"coffeechat-\d{8}\.sqlite3", n) for n in names)

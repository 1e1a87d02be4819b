"""Several coffeechat processes starting at once on a new data directory.

Real processes, because the race is between processes: each one sees no tables
and, without the migration lock, tries to create them all.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite

PROCESSES = 8
REPO = Path(__file__).resolve().parents[2]


def start(data_dir: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"COFFEECHAT_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "coffeechat.settings"}
    return subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli", "today"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_eight_processes_starting_on_an_empty_data_dir_all_succeed(tmp_path):
    processes = [start(tmp_path) for _ in range(PROCESSES)]
    finished = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in processes]
    for p in processes:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()

    assert [code for code, _ in finished] == [0] * PROCESSES, [err for _, err in finished]
    with sqlite3.connect(tmp_path / "coffeechat.sqlite3") as db:
        rows = db.execute("SELECT app, name FROM django_migrations").fetchall()
        users = db.execute("SELECT COUNT(*) FROM auth_user").fetchone()[0]
    assert len(rows) == len(set(rows))
    assert ("core", "0001_initial") in rows
    assert users == 1  # one personal account, not one per process


def test_a_process_stuck_holding_the_lock_gets_a_message_not_a_hang(
    run, db, settings, tmp_path, monkeypatch
):
    from filelock import FileLock

    settings.DATA_DIR = tmp_path
    monkeypatch.setattr("coffeechat.bootstrap.pending_migrations", lambda: ["core.9999_next"])
    monkeypatch.setattr("coffeechat.bootstrap.MIGRATION_LOCK_SECONDS", 0.2)

    with FileLock(tmp_path / "migrate.lock"):
        result = run("today")

    assert result.code == 1
    assert "another coffeechat process has been preparing the database" in result.err
    assert str(tmp_path / "migrate.lock") in result.err

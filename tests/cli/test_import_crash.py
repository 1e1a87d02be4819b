"""Crash safety: a 10,000-row import killed with SIGKILL at random moments leaves a sound
database holding all of the import or none of it, and a re-run adds no duplicates."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite
ROWS = 10_000
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def connections_file(path: Path) -> Path:
    def word(i: int) -> str:
        return hashlib.sha256(str(i).encode()).hexdigest()[:8].title()

    lines = [
        f"{word(i)},{word(-i - 1)},https://www.linkedin.com/in/p-{i},p{i}@example.org,"
        f"Company {i % 400},Engineer,12 Mar 2024\r\n"
        for i in range(ROWS)
    ]
    path.write_text("Notes:\r\n\r\n" + HEADER + "".join(lines))
    return path


def environment(data_dir: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["COFFEECHAT_DATA_DIR"] = str(data_dir)
    return env


def start(csv: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli", "import", "linkedin", str(csv), "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def state(database: Path) -> tuple[str, int, int]:
    with sqlite3.connect(database) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        contacts = db.execute("SELECT COUNT(*) FROM core_contact").fetchone()[0]
        # Batches that created contacts: a run that found everyone already there makes
        # a batch too (its report), but with nothing created.
        creating_batches = db.execute(
            "SELECT COUNT(*) FROM core_importbatch WHERE created_count > 0"
        ).fetchone()[0]
    return integrity, contacts, creating_batches


def kill_when_writing(process: subprocess.Popen, wal: Path, timeout: float = 120) -> None:
    """SIGKILL as soon as the import's transaction starts filling the write-ahead log."""
    start_size = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > start_size + 64 * 1024:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_killed_import_is_all_or_nothing_and_a_rerun_adds_no_duplicates(tmp_path):
    csv = connections_file(tmp_path / "Connections.csv")
    env = environment(tmp_path / "data")
    database = tmp_path / "data" / "coffeechat.sqlite3"
    wal = database.with_name(database.name + "-wal")
    # Prepare the database first (migrations, the personal account), writing no contacts.
    command = [sys.executable, "-m", "coffeechat.cli", "import", "linkedin", str(csv)]
    subprocess.run([*command, "--dry-run"], env=env, capture_output=True, check=True, timeout=300)
    assert state(database) == ("ok", 0, 0)

    rng = random.Random()
    seed = rng.randrange(1_000_000)
    rng.seed(seed)
    moments = []
    for round_number in range(4):
        process = start(csv, env)
        if round_number == 0:
            kill_when_writing(process, wal)
            moments.append("while writing")
            # It died inside its transaction, with rows already in the log: none of them count.
            assert process.returncode == -signal.SIGKILL
            assert state(database) == ("ok", 0, 0)
            continue
        else:
            delay = rng.uniform(0.3, 6.0)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            moments.append(f"{delay:.2f}s")
        integrity, contacts, batches = state(database)
        assert integrity == "ok", (seed, moments)
        assert contacts in (0, ROWS), (seed, moments, contacts)
        assert contacts == ROWS * batches, (seed, moments)

    finished = start(csv, env)
    assert finished.wait(timeout=600) == 0, finished.stderr.read().decode()
    assert state(database) == ("ok", ROWS, 1)

    again = start(csv, env)
    assert again.wait(timeout=600) == 0, again.stderr.read().decode()
    assert state(database) == ("ok", ROWS, 1)
    with sqlite3.connect(database) as db:
        emails = db.execute("SELECT COUNT(DISTINCT email) FROM core_contact").fetchone()[0]
        organizations = db.execute("SELECT COUNT(*) FROM core_organization").fetchone()[0]
    assert (emails, organizations) == (ROWS, 400)

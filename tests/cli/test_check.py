"""coffeechat check: the configuration self-test."""

from __future__ import annotations

import pytest
from django.db import connection

from coffeechat.core.models import Profile


def test_check_passes_on_the_test_database(run, user):
    result = run("check")
    assert result.code == 0, result.out + result.err
    lines = [line for line in result.out.splitlines() if line.strip()]
    checks = lines[:-1]
    assert checks and all(line.startswith("✓ ") for line in checks), result.out
    names = {line[2:].split(":")[0] for line in checks}
    assert {"data directory", "secret key", "database", "migrations", "profiles"} <= names
    assert lines[-1] == "All checks passed."


@pytest.mark.sqlite
def test_check_reads_the_sqlite_settings_back(run, user):
    data = run("check", "--json").json()
    assert data["ok"] is True
    by_name = {check["name"]: check for check in data["checks"]}
    assert by_name["database"]["detail"].startswith("sqlite3")
    assert by_name["SQLite journal_mode"]["detail"] == "wal"
    assert {"SQLite foreign_keys", "SQLite busy_timeout"} <= set(by_name)
    assert by_name["migrations"]["detail"] == "all applied"


@pytest.mark.postgres
def test_check_names_postgresql_when_it_is_in_use(run, user):
    if connection.vendor != "postgresql":
        pytest.skip("not running on PostgreSQL")
    data = run("check", "--json").json()
    assert data["ok"] is True
    by_name = {check["name"]: check for check in data["checks"]}
    assert by_name["database"]["detail"].startswith("postgresql")
    assert not any(name.startswith("SQLite") for name in by_name)


def test_a_bad_time_zone_or_holiday_country_fails_the_check(run, user, outsider):
    Profile.objects.filter(owner=user).update(time_zone="Mars/Olympus_Mons")
    Profile.objects.filter(owner=outsider).update(holiday_country="XX")
    result = run("check")
    assert result.code == 1
    line = next(line for line in result.out.splitlines() if "profiles" in line)
    assert line.startswith("✗ profiles:")
    assert "ada: time zone 'Mars/Olympus_Mons' is unknown" in line
    assert "mallory: holiday country 'XX' is unknown" in line


def test_pending_migrations_fail_the_check(run, user, monkeypatch):
    monkeypatch.setattr("coffeechat.bootstrap.pending_migrations", lambda: ["core.0099_future"])
    result = run("check", "--json")
    assert result.code == 1
    migrations = next(c for c in result.json()["checks"] if c["name"] == "migrations")
    assert migrations["ok"] is False
    assert "core.0099_future" in migrations["detail"]


def test_a_read_only_data_directory_fails_the_check(run, user, settings, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    settings.DATA_DIR = folder
    try:
        result = run("check", "--json")
    finally:
        folder.chmod(0o700)
    data_dir = next(c for c in result.json()["checks"] if c["name"] == "data directory")
    import os

    if os.geteuid() == 0:  # root writes anywhere; the check then rightly passes
        assert data_dir["ok"] is True
    else:
        assert data_dir["ok"] is False
        assert result.code == 1

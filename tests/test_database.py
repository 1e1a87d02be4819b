"""The database is configured as documented: tuned SQLite, or PostgreSQL when asked."""

import os

import pytest
from django.db import connection

from coffeechat import config


@pytest.mark.sqlite
@pytest.mark.django_db
def test_the_live_sqlite_connection_has_wal_busy_timeout_and_foreign_keys():
    connection.ensure_connection()
    with connection.cursor() as cursor:
        pragmas = {}
        for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous"):
            cursor.execute(f"PRAGMA {name}")
            pragmas[name] = cursor.fetchone()[0]
    assert pragmas == {
        "journal_mode": "wal",
        "busy_timeout": 20000,
        "foreign_keys": 1,
        "synchronous": 1,
    }


@pytest.mark.sqlite
@pytest.mark.django_db
def test_sqlite_transactions_take_the_write_lock_when_they_begin():
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    connection.ensure_connection()
    # The live wrapper is what issues "BEGIN IMMEDIATE" for each atomic block.
    assert connection.transaction_mode == "IMMEDIATE"


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_url_selects_postgresql():
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is not set")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 150000


def test_a_non_postgres_database_url_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://user@host/db")
    with pytest.raises(config.ConfigError, match="DATABASE_URL"):
        config.database(tmp_path)


def test_a_malformed_boolean_is_refused_with_the_variable_named(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_DEBUG", "maybe")
    with pytest.raises(config.ConfigError, match="COFFEECHAT_DEBUG"):
        config.env_bool("COFFEECHAT_DEBUG")


def test_the_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("COFFEECHAT_SECRET_KEY", raising=False)
    first = config.secret_key(tmp_path)
    assert len(first) >= 40
    assert config.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_the_data_directory_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(tmp_path / "nested" / "data"))
    assert config.data_dir() == tmp_path / "nested" / "data"
    assert (tmp_path / "nested" / "data").is_dir()


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

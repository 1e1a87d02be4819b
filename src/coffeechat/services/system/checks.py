"""The configuration self-test behind ``coffeechat check``.

Each check says what it looked at in one line, so a failing install can be
fixed from the output alone. Nothing here changes data; the writable test of
the data directory creates and removes one temporary file.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import DatabaseError, connection

from coffeechat.domain.businessdays import holiday_dates

MIN_SECRET_LENGTH = 32


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def run_checks() -> list[CheckResult]:
    results = [check_data_dir(), check_secret_key()]
    database = check_database()
    results.append(database)
    if not database.ok:
        skipped = "skipped: the database cannot be reached"
        return results + [CheckResult(name, False, skipped) for name in ("migrations", "profiles")]
    if connection.vendor == "sqlite":
        results.extend(check_sqlite_pragmas())
    results.append(check_migrations())
    results.append(check_profiles())
    return results


def check_data_dir() -> CheckResult:
    folder = Path(getattr(settings, "DATA_DIR", "") or ".")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".coffeechat-check-") as handle:
            handle.write(b"ok")
            handle.flush()
    except OSError as exc:
        return CheckResult("data directory", False, f"{folder} is not writable: {exc.strerror}")
    return CheckResult("data directory", True, f"{folder} is writable")


def check_secret_key() -> CheckResult:
    key = getattr(settings, "SECRET_KEY", "") or ""
    if len(key) < MIN_SECRET_LENGTH:
        return CheckResult(
            "secret key", False, f"missing or shorter than {MIN_SECRET_LENGTH} characters"
        )
    return CheckResult("secret key", True, f"present ({len(key)} characters)")


def check_database() -> CheckResult:
    engine = connection.settings_dict.get("ENGINE", "?").rsplit(".", 1)[-1]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return CheckResult("database", False, f"{engine} cannot be reached: {exc}")
    return CheckResult("database", True, f"{engine}, {_where(connection.settings_dict)}")


def _where(config: dict[str, object]) -> str:
    """Where the database lives, without its password."""
    if connection.vendor == "sqlite":
        return str(config.get("NAME"))
    host = config.get("HOST") or "localhost"
    port = f":{config['PORT']}" if config.get("PORT") else ""
    return f"database {config.get('NAME')!s} on {host}{port}"


def check_sqlite_pragmas() -> list[CheckResult]:
    expected = (
        ("journal_mode", lambda value: str(value).lower() == "wal", "wal"),
        ("foreign_keys", lambda value: int(value) == 1, "1"),
        ("busy_timeout", lambda value: int(value) > 0, "more than 0"),
    )
    results = []
    with connection.cursor() as cursor:
        for pragma, good, wanted in expected:
            cursor.execute(f"PRAGMA {pragma}")
            row = cursor.fetchone()
            value = row[0] if row else None
            ok = value is not None and good(value)
            detail = f"{value}" if ok else f"{value} (expected {wanted})"
            results.append(CheckResult(f"SQLite {pragma}", ok, detail))
    return results


def check_migrations() -> CheckResult:
    from coffeechat.bootstrap import pending_migrations

    try:
        pending = pending_migrations()
    except DatabaseError as exc:
        return CheckResult("migrations", False, f"cannot be read: {exc}")
    if pending:
        shown = ", ".join(pending[:3]) + (", …" if len(pending) > 3 else "")
        return CheckResult(
            "migrations",
            False,
            f"{len(pending)} not applied ({shown}); 'coffeechat serve' applies them",
        )
    return CheckResult("migrations", True, "all applied")


def check_profiles() -> CheckResult:
    """Every profile's time zone and holiday country, which the Today rules depend on."""
    from coffeechat.core.models import Profile

    problems: list[str] = []
    rows = Profile.objects.select_related("owner").values_list(
        "owner__username", "time_zone", "holiday_country"
    )
    try:
        profiles = list(rows)
    except DatabaseError as exc:
        return CheckResult("profiles", False, f"cannot be read: {exc}")
    count = len(profiles)
    for username, zone, country in profiles:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"{username}: time zone {zone!r} is unknown")
        if country:
            try:
                holiday_dates(country, [date.today().year])
            except ValueError:
                problems.append(f"{username}: holiday country {country!r} is unknown")
    if problems:
        return CheckResult("profiles", False, "; ".join(problems))
    noun = "profile" if count == 1 else "profiles"
    return CheckResult("profiles", True, f"{count} {noun}: time zones and holiday countries valid")

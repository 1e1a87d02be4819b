"""Shared fixtures: a user with a profile, an outsider, a signed-in client, a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

# A fixed "now" keeps the tests independent of the day they run: Tue 3 Nov 2026, 09:00 New York.
NOW = datetime(2026, 11, 3, 9, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def user(db):
    from coffeechat.services.accounts.signin import create_user

    user = create_user("ada", "correct horse battery staple")
    user.profile.name = "Ada Student"
    user.profile.time_zone = "America/New_York"
    user.profile.holiday_country = "US"
    user.profile.save()
    return user


@pytest.fixture
def outsider(db):
    """Another user whose rows must never show up for ``user``."""
    from coffeechat.services.accounts.signin import create_user

    return create_user("mallory", "another horse battery staple")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def pytest_collection_modifyitems(config, items):
    """In CI a skipped browser or PostgreSQL test is a failure, not a pass."""
    config._coffeechat_ci = os.environ.get("CI", "").lower() == "true"


_skipped_required: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and any(mark in report.keywords for mark in ("browser", "postgres")):
        _skipped_required.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if getattr(session.config, "_coffeechat_ci", False) and _skipped_required:
        print("\nIn CI these browser/PostgreSQL tests may not be skipped:")
        for nodeid in _skipped_required:
            print("  " + nodeid)
        session.exitstatus = 1

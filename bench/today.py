"""Benchmark: the Today page and `coffeechat today` on a large campaign.

Run by hand (`make bench`), never as a timed test. Builds 10,000 contacts,
3,000 conversations and 30,000 notes in a throw-away SQLite database, then
measures the Today page's server time beside an empty view (/healthz) in the
same process, so the figures compare against a floor measured in the same run.
Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta

CONTACTS, CONVERSATIONS, NOTES, ROUNDS = 10_000, 3_000, 30_000, 60
# --worst-case puts every conversation in an active stage, so nearly each one is due.
WORST_CASE = "--worst-case" in sys.argv


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="coffeechat-bench-")
    os.environ["COFFEECHAT_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    os.environ["COFFEECHAT_ALLOWED_HOSTS"] = "testserver"
    from coffeechat.bootstrap import migrate_if_needed, setup_django

    setup_django()
    migrate_if_needed(verbose=False)
    user = build()
    today_ms, floor_ms = measure(user)
    cli_ms = measure_cli(data_dir)
    report(today_ms, floor_ms, cli_ms)


def build():
    from django.utils import timezone

    from coffeechat.core.models import Contact, Conversation, Note, Organization
    from coffeechat.domain.types import Stage
    from coffeechat.services.accounts import ensure_personal_user

    user = ensure_personal_user()
    now = timezone.now()
    stages = list(Stage)
    orgs = Organization.objects.bulk_create(
        Organization(owner=user, name=f"Organization {i}", motivation=i % 4, posting=1 + i % 3)
        for i in range(300)
    )
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=user,
            first_name=f"First{i}",
            last_name=f"Last{i}",
            organization=orgs[i % len(orgs)],
            research_notes="Read their talk." if i % 2 else "",
        )
        for i in range(CONTACTS)
    )
    conversations = Conversation.objects.bulk_create(
        _conversation(user, contacts[i * 3], stages[i % len(stages)], now, i)
        for i in range(CONVERSATIONS)
    )
    Note.objects.bulk_create(
        (
            Note(owner=user, conversation=conversations[i % CONVERSATIONS], text=f"Point {i}")
            for i in range(NOTES)
        ),
        batch_size=2000,
    )
    return user


def _conversation(user, contact, stage, now, i):
    from coffeechat.core.models import Conversation
    from coffeechat.domain.types import Stage

    if not WORST_CASE and i % 10 < 6:
        # A real campaign: most requests end unanswered or declined, long ago.
        return Conversation(
            owner=user,
            contact=contact,
            stage=Stage.CLOSED,
            close_reason="no_response",
            requested_at=now - timedelta(days=60 + i % 200),
            closed_at=now - timedelta(days=40),
        )
    if not WORST_CASE and i % 10 < 9:
        # Held, thanked and reported back: now in the stay-in-touch cadence.
        held = now - timedelta(days=20 + i % 300)
        return Conversation(
            owner=user,
            contact=contact,
            stage=Stage.THANKED,
            requested_at=held - timedelta(days=9),
            replied_at=held - timedelta(days=6),
            reply_sentiment="positive",
            held_at=held,
            thanked_at=held + timedelta(hours=5),
            report_back_at=held + timedelta(days=8),
        )
    later = stage not in (Stage.PLANNED, Stage.REQUESTED)
    return Conversation(
        owner=user,
        contact=contact,
        stage=stage,
        requested_at=now - timedelta(days=3 + i % 20) if stage != Stage.PLANNED else None,
        replied_at=now - timedelta(days=2) if later else None,
        reply_sentiment="positive" if later else "",
        held_at=now - timedelta(days=1) if stage in (Stage.HELD, Stage.THANKED) else None,
        thanked_at=now - timedelta(hours=3) if stage == Stage.THANKED else None,
    )


def _timed(client, path: str) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def measure(user) -> tuple[list[float], list[float]]:
    from django.test import Client

    client = Client()
    client.force_login(user)
    client.get("/")  # warm caches (holidays, templates) before timing
    # The floor is an empty page of the app: session, sign-in, layout, no data.
    return _timed(client, "/"), _timed(client, "/trash/")


def measure_cli(data_dir: str) -> list[float]:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": data_dir}
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "coffeechat.cli", "today", "--json"],
            env=env,
            check=True,
            capture_output=True,
        )
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def report(today: list[float], floor: list[float], cli: list[float]) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    mix = (
        "every conversation active (worst case)"
        if WORST_CASE
        else ("60% closed unanswered, 30% in the stay-in-touch cadence, 10% active")
    )
    print(f"data: {CONTACTS} contacts, {CONVERSATIONS} conversations, {NOTES} notes; {mix}")
    print(f"{ROUNDS} rounds per page")
    print("| what | median ms | p95 ms |")
    print("|---|---|---|")
    print(f"| Today page (server) | {statistics.median(today):.1f} | {_p95(today):.1f} |")
    print(f"| empty page /trash/ (floor) | {statistics.median(floor):.1f} | {_p95(floor):.1f} |")
    print(
        f"| `coffeechat today --json` (wall) "
        f"| {statistics.median(cli):.0f} | {max(cli):.0f} (max) |"
    )
    ratio = _p95(today) / max(_p95(floor), 0.001)
    print(f"Today p95 / floor p95 = {ratio:.1f}x; target p95 <= 50 ms and <= 3x the empty view")


if __name__ == "__main__":
    main()

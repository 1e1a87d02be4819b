"""Benchmark: the Today page, the API's first page and `coffeechat today`.

Run by hand (`make bench`), never as a timed test. For each size (1,000,
10,000 and 50,000 contacts by default; `--sizes 10000` for one) it builds a
campaign in a throw-away SQLite database, 0.3 conversations and 3 notes per
contact, then measures in the same process:

- the Today page and `GET /api/v1/today` (first page), server time through the
  Django test client, beside an empty page of the app (the floor);
- `coffeechat today` and `coffeechat today --json` as new processes, beside a
  process that only runs `setup_django()` (the CLI's floor).

Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta

ROUNDS, CLI_RUNS = 60, 7
WORST_CASE = False  # set by --worst-case: every conversation in an active stage


@dataclass
class Size:
    contacts: int

    @property
    def conversations(self) -> int:
        return self.contacts * 3 // 10

    @property
    def notes(self) -> int:
        return self.contacts * 3


def main() -> None:
    global WORST_CASE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="contacts per run")
    parser.add_argument("--worst-case", action="store_true")
    args = parser.parse_args()
    WORST_CASE = args.worst_case
    sizes = [Size(int(n)) for n in args.sizes.split(",")]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    results = []
    for size in sizes:
        # Each size in its own process: a fresh data dir, settings and caches.
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size.contacts)]
            + (["--worst-case"] if WORST_CASE else []),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(out, end="")
        results.append((size, out))
    _scaling(results)


def _scaling(results: list[tuple[Size, str]]) -> None:
    firsts = {size.contacts: _p95_of(out, "Today page") for size, out in results}
    if len(firsts) > 1:
        small, large = min(firsts), max(firsts)
        ratio = firsts[large] / max(firsts[small], 0.001)
        print(f"\nToday page p95 at {large} / at {small} contacts = {ratio:.2f}x (target <= 1.5x)")


def _p95_of(out: str, what: str) -> float:
    for line in out.splitlines():
        if line.startswith(f"| {what}"):
            return float(line.split("|")[3])
    raise ValueError(what)


def run_one(contacts: int) -> None:
    size = Size(contacts)
    data_dir = tempfile.mkdtemp(prefix="coffeechat-bench-")
    os.environ["COFFEECHAT_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    # A user's installed package has its bytecode cached after the first run;
    # some machines set PYTHONDONTWRITEBYTECODE, which would time the compiler.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    os.environ["COFFEECHAT_ALLOWED_HOSTS"] = "testserver"
    from coffeechat.bootstrap import migrate_if_needed, setup_django

    setup_django()
    migrate_if_needed(verbose=False)
    user = build(size)
    pages = measure(user)
    cli = measure_cli(data_dir)
    report(size, pages, cli)


def build(size: Size):
    from django.utils import timezone

    from coffeechat.core.models import Contact, Conversation, Note, Organization
    from coffeechat.domain.types import Stage
    from coffeechat.services.accounts.signin import ensure_personal_user

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
        for i in range(size.contacts)
    )
    conversations = Conversation.objects.bulk_create(
        _conversation(user, contacts[i * 3], stages[i % len(stages)], now, i)
        for i in range(size.conversations)
    )
    Note.objects.bulk_create(
        (
            Note(owner=user, conversation=conversations[i % size.conversations], text=f"Point {i}")
            for i in range(size.notes)
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


def measure(user) -> dict[str, list[float]]:
    from django.test import Client

    from coffeechat.services.accounts.signin import create_api_token

    client = Client()
    client.force_login(user)
    client.get("/")  # builds the due index and warms caches (holidays, templates)
    api = Client(headers={"Authorization": f"Bearer {create_api_token(user)}"})
    api.get("/api/v1/today")
    return {
        "Today page": _timed(client, "/"),
        "`GET /api/v1/today` (first page)": _timed(api, "/api/v1/today?limit=25"),
        # The floor: session, sign-in and layout, no data.
        "empty page /trash/ (floor)": _timed(client, "/trash/"),
        "`GET /api/v1/profile` (API floor)": _timed(api, "/api/v1/profile"),
    }


def _process_ms(argv: list[str], env: dict[str, str]) -> list[float]:
    subprocess.run(argv, env=env, check=True, capture_output=True)  # caches bytecode
    samples = []
    for _ in range(CLI_RUNS):
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure_cli(data_dir: str) -> dict[str, list[float]]:
    env = {**os.environ, "COFFEECHAT_DATA_DIR": data_dir}
    cli = [sys.executable, "-m", "coffeechat.cli"]
    bare = "from coffeechat.bootstrap import setup_django; setup_django()"
    return {
        "`coffeechat today`": _process_ms([*cli, "today"], env),
        "`coffeechat today --json`": _process_ms([*cli, "today", "--json"], env),
        "bare `setup_django()` process (CLI floor)": _process_ms([sys.executable, "-c", bare], env),
    }


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def report(size: Size, pages: dict[str, list[float]], cli: dict[str, list[float]]) -> None:
    mix = "every conversation active (worst case)" if WORST_CASE else "a realistic mix"
    print(
        f"\n{size.contacts} contacts, {size.conversations} conversations, {size.notes} notes; "
        f"{mix}; {ROUNDS} rounds per page, {CLI_RUNS} runs per command"
    )
    print("| what | median ms | p95 ms |")
    print("|---|---|---|")
    for what, samples in pages.items():
        print(f"| {what} | {statistics.median(samples):.1f} | {_p95(samples):.1f} |")
    for what, samples in cli.items():
        print(f"| {what} (wall) | {statistics.median(samples):.0f} | {max(samples):.0f} (max) |")
    floor = _p95(pages["empty page /trash/ (floor)"])
    api_floor = _p95(pages["`GET /api/v1/profile` (API floor)"])
    page = _p95(pages["Today page"]) / floor
    api = _p95(pages["`GET /api/v1/today` (first page)"]) / api_floor
    bare = statistics.median(cli["bare `setup_django()` process (CLI floor)"])
    command = statistics.median(cli["`coffeechat today --json`"]) / bare
    print(
        f"Today page p95 / floor = {page:.1f}x; API first page p95 / API floor = {api:.1f}x "
        f"(targets: p95 <= 50 ms and <= 3x); `today --json` median / bare = {command:.1f}x "
        "(target <= 0.6 s and <= 2x)"
    )


if __name__ == "__main__":
    if "--one" in sys.argv:
        WORST_CASE = "--worst-case" in sys.argv
        run_one(int(sys.argv[sys.argv.index("--one") + 1]))
    else:
        main()

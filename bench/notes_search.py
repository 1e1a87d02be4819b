"""Benchmark: note search (Insights) over 50,000 notes, p95 per query beside raw FTS5.

Run by hand (`make bench`, or `uv run python bench/notes_search.py [--rounds N]`),
never as a timed test. Builds 2,000 contacts, 5,000 conversations and 50,000
notes of realistic text (phrases a person jots down in an informational
interview, names, employers, a few tags and highlights) in a throw-away SQLite
database; the FTS5 triggers index them as they are inserted. Then times a mix
of searches through ``services.insights.search_notes`` (what the page and the
API call: count, ranked page, snippets, themes) and through the Insights page,
beside a floor measured in the same process on the same data: a raw FTS5 query
(count of matches plus the first 20 rowids by rank) through sqlite3.
Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time

CONTACTS, CONVERSATIONS, NOTES, ROUNDS = 2_000, 5_000, 50_000, 30
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else ROUNDS
TARGET_MS = 20.0

OPENINGS = (
    "Said that",
    "Recommended",
    "Mentioned",
    "Warned that",
    "Suggested",
    "Thinks",
    "Told me",
    "Advised",
)
SUBJECTS = (
    "the hiring manager cares most about portfolio case studies",
    "salary bands are public on levels.fyi for their team",
    "user research is moving into the product org next quarter",
    "the design system team is hiring a senior designer",
    "a referral goes straight to the recruiter's shortlist",
    "data engineering interviews include a take-home SQL exercise",
    "remote work is allowed two days a week",
    "mentorship happens through a formal buddy programme",
    "the analytics guild meets every other Thursday",
    "onboarding takes about six weeks before shipping anything",
    "accessibility reviews block every launch",
    "the career ladder rewards writing and documentation",
    "sponsorship of visas depends on the role",
    "contract-to-hire is the usual way in for junior analysts",
    "the team uses Figma, Jira and a lot of Notion",
    "quarterly planning decides headcount, so timing matters",
)
CLOSINGS = (
    "",
    "Follow up in two weeks.",
    "Ask about the internship cohort.",
    "Send the article on service design.",
    "Introduce me to their manager, maybe.",
    "Check the job board on Friday.",
)
# One note in 200 mentions something unusual: the rare words people search for later.
RARE = (
    "Her sabbatical in Lisbon shaped how she thinks about pacing.",
    "Knows the ombudsman programme from the inside.",
    "Ran a hackathon on wheelchair routing.",
    "Used to be a cartographer before moving into UX.",
    "Offered to review my cover letter for the fellowship.",
)
TAGS = ("salary", "culture", "hiring", "skills", "advice", "referral", "remote")
FIRST = ("Ada", "Grace", "Alan", "Katherine", "Mateo", "Priya", "Kwame", "Ingrid", "Yuki")
EMPLOYERS = ("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne")
# (label, query): a common word, a rare one, two words, a prefix, a phrase, a name,
# nothing found, and punctuation only.
QUERIES = (
    ("common word `hiring` (~1 in 5 notes)", "hiring"),
    ("stemmed `designing` (design, designer)", "designing"),
    ("rare word `cartographer`", "cartographer"),
    ("1 in 16 notes `sponsorship`", "sponsorship"),
    ("two words `salary remote`", "salary remote"),
    ("prefix `mentor*`", "mentor*"),
    ('phrase `"take-home SQL"`', '"take-home SQL"'),
    ("a name and employer `Priya Globex`", "Priya Globex"),
    ("no match `zeppelin`", "zeppelin"),
    ("the whole index `the` (almost every note)", "the"),
)


def main() -> None:
    os.environ["COFFEECHAT_DATA_DIR"] = data_dir = tempfile.mkdtemp(prefix="coffeechat-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    os.environ["COFFEECHAT_ALLOWED_HOSTS"] = "testserver"
    from coffeechat.bootstrap import migrate_if_needed, setup_django

    setup_django()
    migrate_if_needed(verbose=False)
    user = build()
    database = os.path.join(data_dir, "coffeechat.sqlite3")
    rows, all_service, all_floor = [], [], []
    for label, query in QUERIES:
        service, floor, hits = measure(user, query, database)
        all_service += service
        all_floor += floor
        rows.append((f"{label}: {hits:,} notes", service, floor))
    page = measure_page(user, "hiring")
    report(rows, all_service, all_floor, page)


def note_text(rng: random.Random, i: int) -> str:
    person = f"{rng.choice(FIRST)} at {rng.choice(EMPLOYERS)}"
    closing = rng.choice(RARE) if i % 200 == 7 else rng.choice(CLOSINGS)
    return f"{person}: {rng.choice(OPENINGS)} {rng.choice(SUBJECTS)}. {closing}".strip()


def build():
    from coffeechat.core.models import Contact, Conversation, Note, Organization
    from coffeechat.services.accounts.signin import ensure_personal_user

    rng = random.Random(50_000)
    user = ensure_personal_user()
    orgs = Organization.objects.bulk_create(
        Organization(owner=user, name=f"{name} {i}") for i, name in enumerate(EMPLOYERS * 25)
    )
    contacts = Contact.objects.bulk_create(
        (
            Contact(owner=user, first_name=f"{rng.choice(FIRST)}{i}", organization=orgs[i % 200])
            for i in range(CONTACTS)
        ),
        batch_size=1000,
    )
    conversations = Conversation.objects.bulk_create(
        (Conversation(owner=user, contact=contacts[i % CONTACTS]) for i in range(CONVERSATIONS)),
        batch_size=1000,
    )
    started = time.perf_counter()
    Note.objects.bulk_create(
        (
            Note(
                owner=user,
                conversation=conversations[i % CONVERSATIONS],
                text=note_text(rng, i),
                tags=rng.sample(TAGS, k=rng.choice((0, 0, 1, 2))),
                highlight=i % 17 == 0,
            )
            for i in range(NOTES)
        ),
        batch_size=1000,
    )
    print(f"inserted and indexed {NOTES:,} notes in {time.perf_counter() - started:.1f} s")
    return user


def measure(user, query: str, database: str) -> tuple[list[float], list[float], int]:
    from coffeechat.domain.insights import fts5_expression, parse_query
    from coffeechat.services.reflection.insights import NoteFilters, search_notes

    filters = NoteFilters(query=query)
    expression = fts5_expression(parse_query(query))
    raw = sqlite3.connect(database)
    hits = search_notes(user, filters).total  # warm-up
    service, floor = [], []
    for _ in range(ROUNDS):
        # Interleaved, so load from other users of the machine falls on both alike.
        started = time.perf_counter()
        search_notes(user, filters)
        service.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        raw.execute(
            "SELECT count(*) FROM core_note_fts WHERE core_note_fts MATCH ?", [expression]
        ).fetchone()
        raw.execute(
            "SELECT rowid FROM core_note_fts WHERE core_note_fts MATCH ? ORDER BY rank LIMIT 20",
            [expression],
        ).fetchall()
        floor.append((time.perf_counter() - started) * 1000)
    raw.close()
    return service, floor, hits


def measure_page(user, query: str) -> list[float]:
    from django.test import Client

    client = Client()
    client.force_login(user)
    client.get("/insights/", {"q": query})  # warm-up
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get("/insights/", {"q": query})
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return samples


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]


def report(rows, all_service, all_floor, page) -> None:
    load = os.getloadavg()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(f"{NOTES:,} notes in {CONVERSATIONS:,} conversations, {ROUNDS} rounds per query\n")
    print("| query | search_notes median ms | p95 ms | floor (raw FTS5) median ms | p95 ms |")
    print("|---|---|---|---|---|")
    for label, service, floor in [*rows, ("**all queries**", all_service, all_floor)]:
        figures = (statistics.median(service), _p95(service), statistics.median(floor), _p95(floor))
        print(f"| {label} | " + " | ".join(f"{v:.1f}" for v in figures) + " |")
    print(
        f"| the Insights page, `hiring` (whole request) | {statistics.median(page):.1f} "
        f"| {_p95(page):.1f} | | |"
    )
    p95 = _p95(all_service)
    print(
        f"\np95 over all queries: {p95:.1f} ms; target <= {TARGET_MS:.0f} ms: "
        f"{'met' if p95 <= TARGET_MS else 'NOT met'}"
    )


if __name__ == "__main__":
    main()

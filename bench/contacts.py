"""Benchmark: contact search, the organizations page, the JSON export and restore.

Run by hand (`uv run python bench/contacts.py`), never as a timed test. Builds
10,000 contacts at 300 organizations with 3,000 conversations and 30,000 notes
in a throw-away SQLite database (the FTS5 triggers index them as they are
inserted), then measures server time through the Django test client beside
an empty view (/healthz) in the same process, and the export/restore round
trip. Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time

CONTACTS, CONVERSATIONS, NOTES, ROUNDS = 10_000, 3_000, 30_000, 40
STAGE_SORT = {"stage": "planned", "sort": "organization"}
WORDS = ("researcher", "designer", "analyst", "engineer", "manager", "writer")


def main() -> None:
    os.environ["COFFEECHAT_DATA_DIR"] = tempfile.mkdtemp(prefix="coffeechat-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    os.environ["COFFEECHAT_ALLOWED_HOSTS"] = "testserver"
    from coffeechat.bootstrap import migrate_if_needed, setup_django

    setup_django()
    migrate_if_needed(verbose=False)
    user, build_s, deferred_s, no_trigger_s = build()
    rows = [
        ("insert 10,000 contacts (bulk_create, indexed row by row)", build_s * 1000, None),
        ("insert 10,000 contacts, index deferred, one rebuild", deferred_s * 1000, None),
        ("floor: raw executemany of the same rows, no index", no_trigger_s * 1000, None),
    ]
    rows += measure_pages(user)
    rows += measure_export(user)
    report(rows)


def _contacts(user, orgs, count, prefix="First"):
    from coffeechat.core.models import Contact

    return [
        Contact(
            owner=user,
            first_name=f"{prefix}{i}",
            last_name=f"Last{i}",
            title=f"Senior {WORDS[i % len(WORDS)]}",
            organization=orgs[i % len(orgs)],
            connection="Met at the spring meetup" if i % 5 == 0 else "",
            research_notes="Read their talk." if i % 2 else "",
        )
        for i in range(count)
    ]


def build():
    from django.db import connection

    from coffeechat.core.models import Contact, Conversation, Note, Organization
    from coffeechat.services.accounts.signin import ensure_personal_user

    user = ensure_personal_user()
    orgs = Organization.objects.bulk_create(
        Organization(owner=user, name=f"Organization {i}", motivation=i % 4, posting=1 + i % 3)
        for i in range(300)
    )
    started = time.perf_counter()
    contacts = Contact.objects.bulk_create(_contacts(user, orgs, CONTACTS), batch_size=2000)
    build_s = time.perf_counter() - started
    conversations = Conversation.objects.bulk_create(
        Conversation(owner=user, contact=contacts[i * 3]) for i in range(CONVERSATIONS)
    )
    Note.objects.bulk_create(
        (
            Note(owner=user, conversation=conversations[i % CONVERSATIONS], text=f"Point {i}")
            for i in range(NOTES)
        ),
        batch_size=2000,
    )
    # The same insert with the index deferred (what a restore or an import uses), then
    # removed again so the pages below see 10,000 contacts.
    from coffeechat.services.contacts.search_index import deferred_search_index

    started = time.perf_counter()
    with deferred_search_index(user):
        extra = Contact.objects.bulk_create(
            _contacts(user, orgs, CONTACTS, prefix="Deferred"), batch_size=2000
        )
    deferred_s = time.perf_counter() - started
    Contact.objects.filter(pk__in=[c.pk for c in extra]).delete()
    # The floor: the same insert into a copy of the table without triggers.
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_contact AS SELECT * FROM core_contact WHERE 0")
        values = [
            (c.first_name, c.last_name, c.title, c.connection, c.research_notes)
            for c in _contacts(user, orgs, CONTACTS, prefix="Floor")
        ]
        started = time.perf_counter()
        cursor.executemany(
            "INSERT INTO bench_contact (first_name, last_name, title, connection,"
            " research_notes) VALUES (%s, %s, %s, %s, %s)",
            values,
        )
        no_trigger_s = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_contact")
    return user, build_s, deferred_s, no_trigger_s


def _time(client, url: str, params: dict | None = None) -> list[float]:
    client.get(url, params or {})  # warm-up
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url, params or {})
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def measure_pages(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    cases = [
        ("empty view /healthz (floor)", "/healthz", None),
        ("contacts page, no search (page 1 of 200)", "/contacts/", None),
        ("contacts page, search 'researcher' (1,667 hits)", "/contacts/", {"q": "researcher"}),
        ("contacts page, search 'meet resea' (prefixes)", "/contacts/", {"q": "meet resea"}),
        ("contacts page, search a note 'point 2999'", "/contacts/", {"q": "point 2999"}),
        ("contacts page, stage filter, by organization", "/contacts/", STAGE_SORT),
        ("organizations page (300, ranked)", "/organizations/", None),
        ("organization page, who do I know (33)", "/organizations/", None),
    ]
    from coffeechat.core.models import Organization

    org = Organization.objects.filter(owner=user).order_by("pk").first()
    cases[-1] = (cases[-1][0], f"/organizations/{org.pk}/", None)
    rows = []
    for label, url, params in cases:
        samples = _time(client, url, params)
        rows.append((label, statistics.median(samples), _p95(samples)))
    return rows


def measure_export(user):
    from coffeechat.services.accounts.signin import create_user
    from coffeechat.services.data.exports import export_json
    from coffeechat.services.data.restore_json import import_json

    started = time.perf_counter()
    document = export_json(user)
    export_ms = (time.perf_counter() - started) * 1000
    fresh = create_user("bench-restore", "a long enough bench password")
    started = time.perf_counter()
    import_json(fresh, document)
    restore_ms = (time.perf_counter() - started) * 1000
    identical = export_json(fresh) == document
    size = len(document.encode()) / 1e6
    return [
        (f"export json ({size:.1f} MB)", export_ms, None),
        (f"restore json (byte-identical again: {identical})", restore_ms, None),
    ]


def _p95(samples: list[float]) -> float:
    return sorted(samples)[int(len(samples) * 0.95) - 1]


def report(rows) -> None:
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{CONTACTS:,} contacts, {CONVERSATIONS:,} conversations, {NOTES:,} notes, SQLite\n")
    print("| what | median ms | p95 ms |")
    print("|---|---|---|")
    for label, median, p95 in rows:
        print(f"| {label} | {median:.1f} | {'' if p95 is None else f'{p95:.1f}'} |")


if __name__ == "__main__":
    main()

"""Benchmark: the statistics page and note search on the same large campaign as bench/today.py.

Run by hand (`.venv/bin/python bench/insights.py`), never as a timed test. Reuses
bench/today.py's data (10,000 contacts, 3,000 conversations, 30,000 notes in a
throw-away SQLite database) and its floor (/trash/), and times /statistics/ and
/insights/ with a common word, a prefix, a phrase and no query.
Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import today as today_bench  # noqa: E402

PAGES = [
    ("statistics page", "/statistics/"),
    ("insights, no query (newest first)", "/insights/"),
    ("insights, `point` (matches every note)", "/insights/?q=point"),
    ("insights, `poi*` prefix", "/insights/?q=poi%2A"),
    ('insights, `"point 12"` phrase', "/insights/?q=%22point+12%22"),
    ("empty page /trash/ (floor)", "/trash/"),
]


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="coffeechat-bench-")
    os.environ["COFFEECHAT_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    os.environ["COFFEECHAT_ALLOWED_HOSTS"] = "testserver"
    from coffeechat.bootstrap import migrate_if_needed, setup_django

    setup_django()
    migrate_if_needed(verbose=False)
    user = today_bench.build()

    from django.test import Client

    client = Client()
    client.force_login(user)
    print(f"{today_bench.ROUNDS} rounds per page, same data as bench/today.py")
    print("| what | median ms | p95 ms |")
    print("|---|---|---|")
    for name, path in PAGES:
        client.get(path)  # warm-up
        samples = today_bench._timed(client, path)
        p95 = today_bench._p95(samples)
        print(f"| {name} | {statistics.median(samples):.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()

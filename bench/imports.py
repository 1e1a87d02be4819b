"""Benchmark: `coffeechat import linkedin` of 10,000 connections, end to end.

Run by hand (`make bench`, or `uv run python bench/imports.py [--rounds N]`), never
as a timed test. Writes a realistic LinkedIn ``Connections.csv`` (the "Notes:"
preamble, 10,000 rows at ~1,500 companies, a third without an email address,
quoted commas, accents), then times, each round in a fresh SQLite data dir with
its account already made, a fresh ``coffeechat import linkedin FILE`` process
(start-up, migrations check, parsing, duplicate matching, writing, the report).

Beside it, in the same run on the same machine, the floor: Python's ``csv``
reading the same file plus sqlite3 ``executemany`` inserting the same rows into
a plain table, committed, in a fresh process too (interpreter start-up counted
on both sides). Also shown, to say where the time goes: the bare CLI start-up
(``coffeechat --version``) and a ``--dry-run`` import (everything but the
writes). Record the output in docs/performance.md with the machine and the date.
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROWS, COMPANIES, ROUNDS = 10_000, 1_500, 7
TARGET_S, TARGET_RATIO = 2.0, 4.0
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else ROUNDS

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Margaret",
    "Ken",
    "Frances",
    "Linus",
    "Radia",
    "Tim",
    "Hedy",
    "Katherine",
    "Dennis",
    "Sophie",
    "Niklaus",
    "Joan",
    "Guido",
    "Shafi",
    "Leslie",
    "Anita",
    "Björn",
    "Zoë",
    "José",
    "Łukasz",
    "Chloé",
    "Mei",
    "Aarav",
    "Priya",
    "Kwame",
    "Amara",
    "Olufemi",
    "Ingrid",
    "Mateo",
    "Lucía",
    "Yuki",
    "Hiroshi",
    "Fatima",
    "Omar",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Hamilton",
    "Thompson",
    "Allen",
    "Torvalds",
    "Perlman",
    "Berners-Lee",
    "Lamarr",
    "Johnson",
    "Ritchie",
    "Wilson",
    "Wirth",
    "Clarke",
    "van_Rossum",
    "Goldwasser",
    "Lamport",
    "Borg",
    "Müller",
    "Núñez",
    "O'Brien",
    "Kowalski",
    "Dubois",
    "Chen",
    "Sharma",
    "Iyer",
    "Mensah",
    "Okafor",
    "Adeyemi",
    "Larsen",
    "García",
    "Fernández",
    "Tanaka",
    "Sato",
    "Haddad",
    "Nasser",
]
TITLES = (
    "Software Engineer",
    "Senior Product Manager",
    "UX Researcher",
    "Data Scientist",
    "Engineering Manager",
    "Recruiter",
    "Staff Engineer",
    "Product Designer",
    "Head of Partnerships",
    "Analyst, Strategy & Operations",
    "",
)
SUFFIXES = ("", " Inc.", ", Inc.", " Labs", " LLC", " GmbH", " Group", " & Co.", " Systems")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who "
    'have allowed their connections to see or download their email address."\r\n'
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def write_connections(path: Path, rows: int = ROWS) -> None:
    rng = random.Random(20261122)
    companies = [
        f"{rng.choice(LAST).replace('_', ' ')} {word}{rng.choice(SUFFIXES)}"
        for word in (f"{rng.choice(FIRST)}{n}" for n in range(COMPANIES))
    ]
    # Real networks cluster: a few employers account for many connections.
    weights = [1 / (1 + n) ** 0.6 for n in range(COMPANIES)]
    picks = rng.choices(companies, weights=weights, k=rows)
    lines = []
    for i, company in enumerate(picks):
        first, last = rng.choice(FIRST), rng.choice(LAST).replace("_", " ")
        # A suffix keeps names distinct, like a real network of 10,000 people.
        last = f"{last}-{i}" if i % 3 else f"{last} {chr(65 + i % 26)}{i}"
        slug = _ascii(f"{first}-{last}".lower().replace(" ", "-").replace("'", ""))
        email = "" if i % 3 == 0 else _ascii(f"{first}.{i}@example.org".lower())
        day = f"{1 + i % 28:02d} {MONTHS[i % 12]} {2012 + i % 14}"
        lines.append(
            ",".join(
                _cell(value)
                for value in (
                    first,
                    last,
                    f"https://www.linkedin.com/in/{slug}",
                    email,
                    company,
                    rng.choice(TITLES),
                    day,
                )
            )
        )
    path.write_text(PREAMBLE + HEADER + "\r\n".join(lines) + "\r\n", encoding="utf-8")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cell(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


FLOOR = r"""
import csv, io, sqlite3, sys
path, db = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
start = next(i for i, row in enumerate(rows) if row[:2] == ["First Name", "Last Name"])
rows = [row for row in rows[start + 1:] if len(row) == 7]
con = sqlite3.connect(db)
con.execute(
    "CREATE TABLE contact (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, url TEXT,"
    " email TEXT, company TEXT, title TEXT, connected_on TEXT)"
)
with con:
    con.executemany("INSERT INTO contact VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)", rows)
assert con.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == len(rows) == int(sys.argv[3])
"""


def environment(data_dir: str) -> dict[str, str]:
    """The caller's environment with a bytecode cache, as an installed copy would have.

    (This machine sets PYTHONDONTWRITEBYTECODE, which would charge every run
    ~0.5 s of compiling Django; the cache goes to the bench's temp dir.)
    """
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(data_dir).parent / "pycache")
    env["COFFEECHAT_DATA_DIR"] = data_dir
    return env


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "coffeechat.cli", *args]


def timed(command: list[str], env: dict[str, str] | None = None, stdin: bytes = b"") -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, input=stdin, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()}")
    if b" with problems left out" in done.stdout and b" 0 with problems" not in done.stdout:
        sys.exit(f"the generated file has rows with problems:\n{done.stdout.decode()[-500:]}")
    return elapsed


def fresh_data_dir(work: Path, n: int) -> dict[str, str]:
    """A data dir with its database migrated and the account made, as after `createuser`."""
    env = environment(str(work / f"data-{n}"))
    password = b"a long enough bench password\n"
    timed(cli("createuser", "bench", "--password-stdin"), env, password)
    return env


def count_contacts(env: dict[str, str]) -> int:
    database = Path(env["COFFEECHAT_DATA_DIR"]) / "coffeechat.sqlite3"
    with sqlite3.connect(database) as db:
        return db.execute("SELECT COUNT(*) FROM core_contact").fetchone()[0]


def measure(work: Path, csv_path: Path) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"import": [], "dry": [], "start": [], "floor": []}
    warm_up = fresh_data_dir(work, -1)  # fills the bytecode cache; not timed
    timed(cli("import", "linkedin", str(csv_path), "--dry-run"), warm_up)
    for n in range(ROUNDS):
        # Interleaved, so a burst of load from other users of the machine hits all alike.
        env = fresh_data_dir(work, n)
        samples["dry"].append(timed(cli("import", "linkedin", str(csv_path), "--dry-run"), env))
        samples["import"].append(timed(cli("import", "linkedin", str(csv_path)), env))
        # A handful of rows look like another (a similar name at the same company) and
        # are skipped as possible duplicates, as they would be for a user.
        if (imported := count_contacts(env)) < ROWS * 0.99:
            sys.exit(f"round {n}: only {imported} contacts imported of {ROWS}")
        samples["start"].append(timed(cli("--version"), env))
        floor = [sys.executable, "-c", FLOOR, str(csv_path), str(work / f"floor-{n}.db"), str(ROWS)]
        samples["floor"].append(timed(floor, env))
    return samples


def report(samples: dict[str, list[float]], size: int) -> None:
    load = os.getloadavg()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(
        f"{ROWS:,} LinkedIn rows ({size / 1e6:.1f} MB, {COMPANIES:,} companies), {ROUNDS} rounds\n"
    )
    labels = {
        "import": "`coffeechat import linkedin` (fresh process, fresh data dir)",
        "dry": "the same with `--dry-run` (no writes)",
        "start": "`coffeechat --version` (interpreter + CLI start-up)",
        "floor": "floor: `csv` + sqlite3 `executemany`, fresh process",
    }
    print("| what | median s | p95 s | min s |")
    print("|---|---|---|---|")
    for key, label in labels.items():
        values = samples[key]
        figures = (statistics.median(values), _p95(values), min(values))
        print(f"| {label} | " + " | ".join(f"{v:.2f}" for v in figures) + " |")
    median, floor = statistics.median(samples["import"]), statistics.median(samples["floor"])
    ratio = median / floor
    met = median <= TARGET_S and ratio <= TARGET_RATIO
    print(
        f"\nimport / floor: {ratio:.1f}x (medians); target <= {TARGET_S:.0f} s and "
        f"<= {TARGET_RATIO:.0f}x: {'met' if met else 'NOT met'}"
    )


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="coffeechat-bench-imports-"))
    csv_path = work / "Connections.csv"
    write_connections(csv_path)
    report(measure(work, csv_path), csv_path.stat().st_size)


if __name__ == "__main__":
    main()

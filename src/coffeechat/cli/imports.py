"""``coffeechat import KIND FILE``: contacts from each kind of file the services import.

The same services as the web page: the file is parsed and classified, then
written as one batch in one transaction (or not at all with ``--dry-run``).
A progress bar goes to standard error when it is a terminal; the per-row
report goes to standard output (as JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coffeechat.cli.common import CliError, print_json, resolve_user, start_django
from coffeechat.cli.parsing import group
from coffeechat.services.data.import_kinds import KINDS
from coffeechat.services.data.import_mapping import FIELD_LABELS, mapping_from_options
from coffeechat.services.errors import InvalidInput

EXIT_SOME_ROWS_LEFT_OUT = 3
_MAX_FILE = 50 * 1024 * 1024


def register(commands: argparse._SubParsersAction) -> None:
    """The ``import`` group, with one ``import KIND FILE`` per kind in ``import_kinds.KINDS``:
    a kind registered there is a command here, and the names cannot disagree. Other
    modules add their own kinds to the group with ``import_kinds``."""
    kinds = group(
        commands,
        "import",
        "import contacts from a file (preview with --dry-run)",
        dest="kind",
        metavar="KIND",
        description="Import contacts from a file as one batch that can be undone.",
    )
    for kind in KINDS.values():
        sub = kinds.add_parser(kind.name, help=kind.help.rstrip("."), description=kind.help)
        sub.set_defaults(handler=import_contacts)
        add_import_arguments(sub, mapping=kind.takes_mapping)


def import_kinds(commands: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``import`` group, for the modules that add a kind of file of their own
    (``exports``: json, ``message_import``: messages)."""
    parser = commands.choices.get("import")
    if parser is None:
        raise LookupError("coffeechat.cli.imports registers the import group: register it first")
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def read_file(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read(_MAX_FILE + 1)
    path = Path(name)
    try:
        if path.stat().st_size > _MAX_FILE:
            raise CliError(f"{name}: the file is larger than {_MAX_FILE // 1024 // 1024} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"{name}: permission denied") from None


def import_contacts(args: argparse.Namespace) -> int:
    data = read_file(args.file)
    mapping = _mapping(getattr(args, "map", None))
    start_django()
    from coffeechat.services.data.imports import commit_import

    user = resolve_user(args.user)
    bar = ProgressBar(enabled=sys.stderr.isatty() and not args.json)
    try:
        result = commit_import(
            user,
            args.kind,
            data,
            filename=Path(args.file).name if args.file != "-" else "standard input",
            mapping=mapping,
            default_decision=args.duplicates,
            job_changes=not args.keep_jobs,
            dry_run=args.dry_run,
            progress=bar.update,
        )
    except InvalidInput as exc:
        if "file" not in exc.errors:
            raise
        raise CliError(f"{args.file}: {exc.errors['file'][0]}; nothing was imported") from None
    finally:
        bar.finish()
    if args.json:
        print_json({"dry_run": args.dry_run, **result.as_dict()})
    else:
        _print_report(result, args.dry_run, undecided=args.duplicates is None)
    return EXIT_SOME_ROWS_LEFT_OUT if result.problems else 0


def _mapping(options: list[str] | None) -> dict[str, str] | None:
    if not options:
        return None
    try:
        return mapping_from_options(options)
    except InvalidInput as exc:
        raise CliError(exc.errors["map"][0]) from None


_WORDS = {"new": "new", "update": "update", "duplicate": "duplicate", "problem": "PROBLEM"}


def _print_report(result: Any, dry_run: bool, *, undecided: bool) -> None:
    for row in result.preview.rows:
        who = row.name or "—"
        org = row.values.get("organization_name", "")
        if org:
            who += f" ({org})"
        print(f"line {row.line:>6}  {_WORDS[row.kind]:<9}  {who}")
        print(f"{'':<13}  {row.reason}")
        for warning in row.warnings:
            print(f"{'':<13}  note: {warning}")
    verb = "Would import" if dry_run else "Imported"
    print(
        f"\n{verb}: {result.created} new, {result.updated} updated, "
        f"{result.skipped} skipped as duplicates, {result.problems} with problems left out."
    )
    moved = len(result.preview.job_changes)
    if moved:
        print(
            f"{moved} job change{'s' if moved != 1 else ''} (a new organization) "
            f"{'would be' if dry_run else 'were'} written; --keep-jobs leaves them out."
        )
    waiting = sum(1 for row in result.preview.possible_duplicates if row.kind == "duplicate")
    if undecided and waiting:
        print(
            f"{waiting} possible duplicate{'s' if waiting != 1 else ''} left out: "
            "run again with --duplicates new (import them) or merge (fill the match)."
        )
    if dry_run:
        print("Nothing was written (--dry-run).")
    elif result.batch is not None:
        print(f"Import batch {result.batch.pk}: undo it on the Import page if this was a mistake.")


class ProgressBar:
    """A one-line bar on a terminal; silent when stderr is a file or a pipe."""

    def __init__(self, *, enabled: bool, width: int = 30) -> None:
        self.enabled, self.width, self.shown = enabled, width, False

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        sys.stderr.write(f"\rWriting  [{bar}] {done:,}/{total:,}")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def add_import_arguments(parser: argparse.ArgumentParser, *, mapping: bool) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to import ('-' reads stdin)")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen, write nothing"
    )
    parser.add_argument(
        "--duplicates",
        choices=("skip", "new", "merge"),
        default=None,
        help="what to do with possible duplicates (a similar name at the same organization): "
        "skip them, import them as new contacts, or merge them into the match; without it "
        "they are skipped and the report names each one",
    )
    parser.add_argument(
        "--keep-jobs",
        action="store_true",
        help="leave a known person's organization and title as they are when the file says "
        "they moved (by default the new job is written, and undo puts the old one back)",
    )
    if mapping:
        parser.add_argument(
            "--map",
            action="append",
            metavar="FIELD=COLUMN",
            help="which column fills which field, e.g. --map first_name=Given --map email=Mail "
            f"(fields: {', '.join(FIELD_LABELS)}); guessed from the header when left out",
        )
    parser.add_argument(
        "--user", metavar="NAME", help="the account to use (default: the only account)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON on standard output")

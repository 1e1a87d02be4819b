"""``coffeechat export json|csv|vcard|ics [FILE]``: your data out, to a file or stdout.

Files are written whole or not at all (a temporary file renamed into place),
so an interrupted export never leaves half a file behind an old name.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from coffeechat.cli.common import CliError, note, print_json, resolve_user, start_django
from coffeechat.cli.imports import import_kinds
from coffeechat.cli.parsing import command, json_option, user_option

FORMATS = ("json", "csv", "vcard", "ics")


def register(commands: argparse._SubParsersAction) -> None:
    parser = command(
        commands,
        "export",
        export,
        "export your data as JSON (restorable), CSV per table, vCard 4.0 or iCalendar",
    )
    parser.add_argument("format", choices=FORMATS, help="json, csv, vcard or ics")
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="where to write (default: standard output); for csv a directory or a .zip",
    )
    user_option(parser)
    json_option(parser)
    # A coffeechat JSON export restores into an empty account: ``import json``.
    restore = command(
        import_kinds(commands),
        "json",
        import_json,
        "restore a coffeechat JSON export (coffeechat export json) into an empty account",
    )
    restore.add_argument("file", metavar="FILE", help="the export ('-' reads stdin)")
    user_option(restore)
    json_option(restore)


def export(args: argparse.Namespace) -> int:
    target = Path(args.file) if args.file and args.file != "-" else None
    if args.json and target is None:
        raise CliError("--json needs FILE: without it the export itself is on standard output")
    start_django()
    user = resolve_user(args.user)
    if args.format == "json":
        written = _export_json(user, target)
    elif args.format == "vcard":
        written = _export_vcard(user, target)
    elif args.format == "ics":
        written = _export_ics(user, target)
    else:
        written = _export_csv(user, target)
    if target is not None:
        if args.json:
            print_json({"format": args.format, "path": str(target), **written})
        else:
            note(f"Wrote {_describe(written)} to {target}.")
    return 0


def _describe(written: dict[str, object]) -> str:
    if "files" in written:
        return f"{written['files']} CSV files"
    if "events" in written:
        return f"{written['events']} interviews"
    if "contacts" in written:
        return f"{written['contacts']} contacts"
    return f"{written['rows']} rows"


def _export_json(user: object, target: Path | None) -> dict[str, object]:
    from coffeechat.services.data.exports import dumps, export_data, row_count

    data = export_data(user)
    encoded = dumps(data).encode("utf-8")
    _emit(encoded, target)
    return {"rows": row_count(data), "bytes": len(encoded)}


def _export_vcard(user: object, target: Path | None) -> dict[str, object]:
    from coffeechat.services.data.exports import export_vcard

    text = export_vcard(user)
    _emit(text.encode("utf-8"), target)
    return {"contacts": text.count("BEGIN:VCARD")}


def _export_ics(user: object, target: Path | None) -> dict[str, object]:
    from django.utils import timezone

    from coffeechat.services.scheduling.calendar_feed import export_ics

    data = export_ics(user, timezone.now())
    _emit(data, target)
    return {"events": data.count(b"BEGIN:VEVENT"), "bytes": len(data)}


def _export_csv(user: object, target: Path | None) -> dict[str, object]:
    """A directory of CSV files, or one .zip; standard output gets the zip when redirected."""
    from coffeechat.services.data.exports import export_csv_tables, zip_files

    if target is None or target.suffix.lower() == ".zip":
        if target is None and sys.stdout.isatty():
            raise CliError(
                "csv: give a directory (one file per table) or a .zip file, "
                "or redirect standard output to a file"
            )
        files = export_csv_tables(user)
        data = zip_files(files)
        _emit(data, target)
        return {"files": len(files), "bytes": len(data)}
    if target.exists() and not target.is_dir():
        raise CliError(f"csv: {target} is a file; give a directory or a name ending in .zip")
    target.mkdir(parents=True, exist_ok=True)
    files = export_csv_tables(user)
    for name, text in files.items():
        _write_atomically(target / name, text.encode("utf-8-sig"))
    return {"files": len(files)}


def _emit(data: bytes, target: Path | None) -> None:
    if target is None:
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a replaced stdout (tests) takes text
            sys.stdout.write(data.decode("utf-8", errors="surrogateescape"))
        else:
            out.write(data)
            out.flush()
        return
    _write_atomically(target, data)


def _write_atomically(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise CliError(f"{path.parent} is not a directory")
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_json(args: argparse.Namespace) -> int:
    """``coffeechat import json FILE``: restore a coffeechat JSON export into an empty account."""
    path = Path(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from exc
    start_django()
    from coffeechat.services.data.restore_json import import_json as restore

    user = resolve_user(args.user)
    counts = restore(user, data)  # InvalidInput names the place in the document
    if args.json:
        print_json({"file": str(path), "restored": counts})
    else:
        note(f"Restored {sum(counts.values())} rows from {path}.")
    return 0

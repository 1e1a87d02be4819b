"""``coffeechat import messages FILE``: LinkedIn messages logged on your contacts' timelines.

The ``import`` command group belongs to the contact importers (``cli.imports``);
this module adds its ``messages`` kind to it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coffeechat.cli.common import CliError, note, print_json, resolve_user, start_django
from coffeechat.cli.imports import import_kinds
from coffeechat.cli.parsing import command, json_option, user_option


def register(commands: argparse._SubParsersAction) -> None:
    # LinkedIn's messages.csv logs messages, not contacts, so it has its own options.
    parser = command(
        import_kinds(commands),
        "messages",
        import_messages,
        "import LinkedIn messages.csv: log sent and received messages of your contacts",
    )
    parser.add_argument("file", metavar="FILE", help="LinkedIn's messages.csv")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen, write nothing"
    )
    user_option(parser)
    json_option(parser)


def import_messages(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from exc
    start_django()
    from django.utils import timezone

    from coffeechat.services.outreach import message_import

    user = resolve_user(args.user)
    preview = message_import.preview_messages(user, data)  # InvalidInput names the line
    for problem in preview.problems:
        note(f"{path.name}: {problem}")
    summary = {
        "file": str(path),
        "messages": len(preview.rows),
        "to_log": len(preview.to_import),
        "not_contacts": preview.unmatched,
        "already_logged": preview.duplicates,
        "problems": [str(p) for p in preview.problems],
        "dry_run": bool(args.dry_run),
        "batch_id": None,
    }
    if not args.dry_run:
        batch = message_import.import_messages(user, data, path.name, timezone.now())
        summary["batch_id"] = batch.pk
        summary["to_log"] = batch.created_count
    if args.json:
        print_json(summary)
        return 0
    verb = "Would log" if args.dry_run else "Logged"
    print(
        f"{verb} {summary['to_log']} of {summary['messages']} messages from {path.name}; "
        f"{preview.unmatched} with people not in your contacts, "
        f"{preview.duplicates} already logged, {len(preview.problems)} unreadable rows."
    )
    return 0

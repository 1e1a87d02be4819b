"""``coffeechat send-reminders [--user NAME] [--dry-run] [--json]``."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import EXIT_FAILED, note, print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, json_option


def register(commands: argparse._SubParsersAction) -> None:
    parser = command(
        commands,
        "send-reminders",
        send_reminders,
        "email each user who turned it on a digest of what is due (once a day; for cron)",
    )
    parser.add_argument(
        "--user", metavar="NAME", help="only this account (default: everyone who turned it on)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be sent; send nothing"
    )
    json_option(parser)


def send_reminders(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.today import reminders
    from coffeechat.web.links import absolute_url

    users = [resolve_user(args.user)] if args.user else None
    results = reminders.send_reminders(
        timezone.now(), absolute_url("web:today"), users=users, dry_run=args.dry_run
    )
    if args.json:
        print_json({"dry_run": args.dry_run, "results": [r.as_dict() for r in results]})
    elif not results:
        note("Nobody has turned on the daily reminder (Settings → Email).")
    for result in [] if args.json else results:
        note(result.said())
    return EXIT_FAILED if any(r.outcome == reminders.FAILED for r in results) else 0

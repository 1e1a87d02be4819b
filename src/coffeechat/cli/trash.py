"""``coffeechat trash list|restore|purge``: the trash of deleted rows from the terminal."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, group, json_option, user_option


def register(commands: argparse._SubParsersAction) -> None:
    actions = group(
        commands, "trash", "the trash of deleted rows", dest="trash_command", metavar="ACTION"
    )
    purge_ = command(
        actions,
        "purge",
        purge,
        "delete for good what has been in the trash for over 30 days (all accounts)",
    )
    purge_.add_argument("--user", metavar="NAME", help="only this account (default: every account)")
    json_option(purge_)
    listing = command(
        actions, "list", list_trash, "what is in the trash, with the kind and id to restore it by"
    )
    user_option(listing)
    json_option(listing)
    restore_ = command(
        actions, "restore", restore, "bring a row back from the trash (within its 30 days)"
    )
    restore_.add_argument("kind", metavar="KIND", help="contact, conversation, note, …")
    restore_.add_argument("id", metavar="ID", type=int, help="its id, as trash list shows")
    user_option(restore_)
    json_option(restore_)


def purge(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.data.trash import RETENTION, purge_trash

    user = resolve_user(args.user) if args.user else None
    removed = purge_trash(timezone.now(), user=user)
    if args.json:
        print_json({"removed": removed, "retention_days": RETENTION.days})
        return 0
    if not removed:
        print(f"Nothing in the trash is older than {RETENTION.days} days.")
        return 0
    listed = ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in removed.items())
    print(f"Deleted for good (in the trash over {RETENTION.days} days): {listed}.")
    return 0


def list_trash(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.data.trash import trashed_items

    user = resolve_user(args.user)
    moment = timezone.now()
    items = trashed_items(user, now=moment)
    if args.json:
        print_json({"items": [item.as_dict(moment) for item in items]})
        return 0
    if not items:
        print("The trash is empty.")
        return 0
    for item in items:
        left = item.days_left(moment)
        print(
            f"{item.kind} {item.item.pk}\t{item.label}: {item.title} "
            f"({left} day{'s' if left != 1 else ''} left)"
        )
    print("Restore one with: coffeechat trash restore KIND ID")
    return 0


def restore(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.data import trash

    user = resolve_user(args.user)
    row = trash.restore(user, args.kind, args.id, timezone.now())
    title = trash.describe(args.kind, row)
    if args.json:
        print_json({"kind": args.kind, "id": row.pk, "title": title})
    else:
        print(f"Restored {trash.LABELS.get(args.kind, args.kind).lower()} {title}.")
    return 0

"""``coffeechat trash purge``: delete for good what has been in the trash for over 30 days."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import print_json, resolve_user, start_django


def purge(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.trash import RETENTION, purge_trash

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

"""Commands around the due index: snooze, dismiss, undismiss, reindex."""

from __future__ import annotations

import argparse

from coffeechat.cli.common import CliError, resolve_user, start_django
from coffeechat.cli.data import parse_as_of


def snooze(args: argparse.Namespace) -> int:
    until = parse_as_of(args.until)
    start_django()
    from django.utils import timezone

    from coffeechat.services.today.step_decisions import snooze as snooze_step

    decision = snooze_step(resolve_user(args.user), args.key, until, timezone.now())
    undo = f"undo: coffeechat undismiss {decision.pk}"
    print(f"Snoozed until {decision.until}: {decision.title} ({undo})")
    return 0


def dismiss(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.today.step_decisions import dismiss as dismiss_step

    decision = dismiss_step(resolve_user(args.user), args.key, args.reason, timezone.now())
    print(f"Dismissed: {decision.title} (undo: coffeechat undismiss {decision.pk})")
    return 0


def undismiss(args: argparse.Namespace) -> int:
    start_django()
    from django.utils import timezone

    from coffeechat.services.today import step_decisions

    user = resolve_user(args.user)
    if args.id is None:
        rows = [d for d in step_decisions.history(user) if d.undone_at is None]
        if not rows:
            print("Nothing is snoozed or dismissed.")
        for d in rows:
            what = f"snoozed until {d.until}" if d.choice == "snooze" else "dismissed"
            print(f"  {d.pk:>5}  {what:<24}  {d.title}")
        return 0
    decision = step_decisions.undo(user, args.id, timezone.now())
    print(f"Back on Today: {decision.title}")
    return 0


def reindex(args: argparse.Namespace) -> int:
    start_django()
    from coffeechat.services.today import due_index

    user = resolve_user(args.user)
    if args.check:
        differences = due_index.check(user)
        for line in differences[:50]:
            print(line)
        if differences:
            raise CliError(
                f"The due index differs from your data in {len(differences)} place(s); "
                "run 'coffeechat reindex' to rebuild it.",
                code=1,
            )
        print("The due index matches your data.")
        return 0
    count = due_index.rebuild(user)
    print(f"Rebuilt the due index: {count} step(s).")
    return 0

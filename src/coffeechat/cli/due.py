"""Today and the commands around its due index: today, snooze, dismiss, undismiss, reindex."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from coffeechat.cli.common import CliError, print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, json_option, user_option
from coffeechat.domain.dates import long_day

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BUCKETS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"))


def register(commands: argparse._SubParsersAction) -> None:
    today_ = command(commands, "today", today, "list what is due: overdue, today, upcoming")
    today_.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="show the list as it is at the start of that day"
    )
    today_.add_argument(
        "--bucket", choices=["overdue", "today", "upcoming"], help="only this part of the list"
    )
    today_.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="at most N actions (default: 25 a bucket, or 100 with --json or --bucket)",
    )
    today_.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N")
    today_.add_argument("--all", action="store_true", help="every action due, however many")
    user_option(today_)
    json_option(today_)

    snooze_ = command(commands, "snooze", snooze, "hide a Today action until a later day")
    snooze_.add_argument("key", help="the action's key, as 'coffeechat today' prints it")
    snooze_.add_argument(
        "--until", required=True, metavar="YYYY-MM-DD", help="the day it comes back"
    )
    user_option(snooze_)

    dismiss_ = command(commands, "dismiss", dismiss, "drop a Today action, with a reason")
    dismiss_.add_argument("key", help="the action's key, as 'coffeechat today' prints it")
    dismiss_.add_argument("--reason", default="", help="why (kept in the history)")
    user_option(dismiss_)

    undismiss_ = command(
        commands,
        "undismiss",
        undismiss,
        "bring back a snoozed or dismissed action (without an id: list them)",
    )
    undismiss_.add_argument("id", nargs="?", type=int, help="the decision's number")
    user_option(undismiss_)

    reindex_ = command(
        commands,
        "reindex",
        reindex,
        "rebuild the due index behind Today from your data (or --check it)",
    )
    reindex_.add_argument(
        "--check", action="store_true", help="only compare; exit 1 if the index differs"
    )
    user_option(reindex_)


def parse_as_of(text: str | None) -> date | None:
    """``--as-of`` as a date; only the YYYY-MM-DD form is accepted."""
    if text is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--as-of: {text!r} is not a date (YYYY-MM-DD)") from None


# Like the Today page: a terminal listing thousands of actions helps nobody, so
# each bucket shows its first 25 and says how to see the rest.
PER_BUCKET, PAGE = 25, 100


def today(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)  # refuse a bad date before starting Django
    for name in ("limit", "offset"):
        value = getattr(args, name)
        if value is not None and value < (1 if name == "limit" else 0):
            raise CliError(
                f"--{name}: {value} is too small; use {1 if name == 'limit' else 0} or more"
            )
    start_django()
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from coffeechat.domain.types import Bucket
    from coffeechat.services.accounts.signin import ensure_profile
    from coffeechat.services.today.due_list import moment_for, today_by_bucket, today_for

    user = resolve_user(args.user)
    profile = ensure_profile(user)
    now = moment_for(as_of, ZoneInfo(profile.time_zone)) if as_of else timezone.now()
    bucket = Bucket(args.bucket) if args.bucket else None
    paged = args.json or bucket is not None or args.offset or args.limit
    if args.all:
        listing = today_for(user, now, bucket=bucket)
    elif paged:
        limit = args.limit or PAGE
        listing = today_for(user, now, bucket=bucket, limit=limit, offset=args.offset)
    else:
        listing = today_by_bucket(user, now, PER_BUCKET)
    if args.json:
        return _today_json(listing, bucket, args)
    _print_today(listing, profile.name or user.get_username(), args)
    return 0


def _today_json(listing: Any, bucket: Any, args: argparse.Namespace) -> int:
    from coffeechat.web.links import door_url

    actions = [{**i.as_dict(), "url": door_url(i.action)} for i in listing.items]
    total = listing.counts[bucket.value] if bucket else listing.total
    print_json(
        {
            "as_of": listing.as_of.isoformat(),
            "counts": listing.counts,
            "total": total,
            "offset": 0 if args.all else args.offset,
            "actions": actions,
        }
    )
    return 0


def _print_today(listing: Any, who: str, args: argparse.Namespace) -> None:
    print(f"Today for {who}: {long_day(listing.as_of)}")
    if not listing.total:
        print("\nNothing is due. Add the people you want to meet, or try 'coffeechat demo'.")
        return
    for bucket, heading in _BUCKETS:
        items, total = listing.bucket(bucket), listing.counts[bucket]
        if not items:
            continue
        print(f"\n{heading} ({total if len(items) == total else f'{len(items)} of {total}'})")
        for item in items:
            _print_action(item.action)
        # Only where the list was cut by bucket: a page of --limit/--offset says its own.
        start = args.offset if args.bucket else 0
        if not args.all and (args.bucket or not args.limit) and start + len(items) < total:
            rest = total - start - len(items)
            more = f"coffeechat today --bucket {bucket} --offset {start + len(items)}"
            print(f"  … {rest} more: {more} (or --all)")


def _print_action(action: Any) -> None:
    due = action.due_at.strftime("%Y-%m-%d %H:%M") if action.due_at else action.due.isoformat()
    print(f"  {due:<16}  {action.title}")
    print(f"  {'':<16}  {action.reason}")
    print(f"  {'':<16}  key: {action.key}")


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

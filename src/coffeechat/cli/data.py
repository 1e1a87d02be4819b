"""Commands that read or write the user's data: today, demo, createuser, token create."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import date
from typing import Any

from coffeechat.cli.common import (
    CliError,
    note,
    print_json,
    resolve_user,
    start_django,
)
from coffeechat.domain.dates import long_day

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BUCKETS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"))


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


def demo(args: argparse.Namespace) -> int:
    if args.contacts < 0:
        raise CliError(f"--contacts: {args.contacts} is negative; use 0 or more")
    start_django()
    from django.utils import timezone

    from coffeechat.sample.demo import MAX_GENERATED, load_demo

    if args.contacts > MAX_GENERATED:
        raise CliError(f"--contacts: at most {MAX_GENERATED:,}")
    user = resolve_user(args.user)
    if args.contacts >= 2000 and not args.json:
        note(f"Generating {args.contacts:,} contacts…")
    summary = load_demo(user, timezone.now(), contacts=args.contacts)
    if args.json:
        print_json(summary.as_dict())
        return 0
    print(f"Loaded the sample campaign into the account '{summary.user}':")
    print("  Maya Okafor, a science teacher exploring UX research, product management")
    print("  and data analysis, part-way through her informational interviews.")
    rows = (
        ("career paths", summary.career_paths),
        ("organizations", summary.organizations),
        ("contacts", summary.contacts),
        ("  of them generated", summary.generated_contacts),
        ("conversations", summary.conversations),
        ("messages", summary.messages),
        ("notes", summary.notes),
        ("referrals", summary.referrals),
        ("action items", summary.action_items),
        ("questions", summary.questions),
    )
    for label, count in rows:
        print(f"  {label:<20} {count:>7,}")
    print("\nSee what is due with 'coffeechat today', or open the app with 'coffeechat serve'.")
    return 0


def createuser(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    start_django()
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from coffeechat.services.accounts.signin import create_user

    if args.email:
        try:
            validate_email(args.email)
        except ValidationError:
            raise CliError(f"--email: {args.email!r} is not an email address") from None
    user = create_user(args.username, password, email=args.email)
    if args.json:
        print_json({"username": user.get_username(), "email": user.email, "id": user.pk})
    else:
        print(f"Created the account '{user.get_username()}'.")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("--password-stdin: standard input held no password")
        return password
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password; pipe it in with --password-stdin")
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Password (again): "):
        raise CliError("the two passwords differ; nothing was created")
    return password


def create_token(args: argparse.Namespace) -> int:
    start_django()
    from coffeechat.services.accounts.signin import create_api_token

    user = resolve_user(args.user)
    name = args.name.strip() or "personal token"
    secret = create_api_token(user, name=name)
    if args.json:
        print_json({"user": user.get_username(), "name": name[:100], "token": secret})
        return 0
    print(f"New API token '{name[:100]}' for the account '{user.get_username()}':\n")
    print(f"    {secret}\n")
    print("It is shown only this once: store it now (only its hash is kept).")
    print('Send it with each API request as the header "Authorization: Bearer <token>".')
    return 0

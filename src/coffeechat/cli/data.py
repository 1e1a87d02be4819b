"""Commands that set up an account: demo, createuser, token create."""

from __future__ import annotations

import argparse
import sys

from coffeechat.cli.common import CliError, note, print_json, resolve_user, start_django
from coffeechat.cli.parsing import command, group, json_option, user_option


def register(commands: argparse._SubParsersAction) -> None:
    demo_ = command(
        commands, "demo", demo, "load a realistic sample campaign into an empty account"
    )
    demo_.add_argument(
        "--contacts",
        type=int,
        default=24,
        metavar="N",
        help="generated contacts on top of the hand-written ones (default 24)",
    )
    user_option(demo_)
    json_option(demo_)

    createuser_ = command(
        commands, "createuser", createuser, "create an account (team deployments)"
    )
    createuser_.add_argument("username")
    createuser_.add_argument("--email", default="", help="the account's email address")
    createuser_.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    json_option(createuser_)

    tokens = group(
        commands,
        "token",
        "personal API tokens",
        dest="token_command",
        metavar="ACTION",
        description="API tokens.",
    )
    create = command(tokens, "create", create_token, "create a personal API token (shown once)")
    user_option(create)
    create.add_argument("--name", default="personal token", help="a label to recognise it by")
    json_option(create)


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
    import getpass

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

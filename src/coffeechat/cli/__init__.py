"""The ``coffeechat`` command: serve the app, show Today, load the sample, manage accounts.

This module builds the argument parser only; each command's module is imported
when that command runs, so ``coffeechat --help`` and ``--version`` answer
without importing Django.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from coffeechat import __version__
from coffeechat.bootstrap import MigrationLockTimeout
from coffeechat.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CliError, error
from coffeechat.cli.data_commands import add_data_commands
from coffeechat.cli.parsing import command as _command
from coffeechat.cli.parsing import json_option as _json_option
from coffeechat.cli.parsing import user_option as _user_option
from coffeechat.config import ConfigError
from coffeechat.services.errors import InvalidInput, NotFound

__all__ = ["build_parser", "main"]

DESCRIPTION = (
    "Run your informational interviews: from the people you want to meet to the thank-you "
    "and beyond. Start with 'coffeechat serve'."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coffeechat", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"coffeechat {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = _command(
        commands,
        "serve",
        "coffeechat.cli.serve:serve",
        "start the app on this computer and print a one-time sign-in link",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: only this computer)",
    )
    serve.add_argument(
        "--no-browser", action="store_true", help="print the sign-in link without opening it"
    )
    serve.add_argument(
        "--no-backup",
        action="store_true",
        help="skip the automatic daily backup taken at start (see backup --automatic)",
    )

    today = _command(
        commands, "today", "coffeechat.cli.data:today", "list what is due: overdue, today, upcoming"
    )
    today.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="show the list as it is at the start of that day"
    )
    today.add_argument(
        "--bucket", choices=["overdue", "today", "upcoming"], help="only this part of the list"
    )
    today.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="at most N actions (default: 25 a bucket, or 100 with --json or --bucket)",
    )
    today.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N")
    today.add_argument("--all", action="store_true", help="every action due, however many")
    _user_option(today)
    _json_option(today)

    snooze = _command(
        commands, "snooze", "coffeechat.cli.due:snooze", "hide a Today action until a later day"
    )
    snooze.add_argument("key", help="the action's key, as 'coffeechat today' prints it")
    snooze.add_argument(
        "--until", required=True, metavar="YYYY-MM-DD", help="the day it comes back"
    )
    _user_option(snooze)

    dismiss = _command(
        commands, "dismiss", "coffeechat.cli.due:dismiss", "drop a Today action, with a reason"
    )
    dismiss.add_argument("key", help="the action's key, as 'coffeechat today' prints it")
    dismiss.add_argument("--reason", default="", help="why (kept in the history)")
    _user_option(dismiss)

    undismiss = _command(
        commands,
        "undismiss",
        "coffeechat.cli.due:undismiss",
        "bring back a snoozed or dismissed action (without an id: list them)",
    )
    undismiss.add_argument("id", nargs="?", type=int, help="the decision's number")
    _user_option(undismiss)

    reindex = _command(
        commands,
        "reindex",
        "coffeechat.cli.due:reindex",
        "rebuild the due index behind Today from your data (or --check it)",
    )
    reindex.add_argument(
        "--check", action="store_true", help="only compare; exit 1 if the index differs"
    )
    _user_option(reindex)

    demo = _command(
        commands,
        "demo",
        "coffeechat.cli.data:demo",
        "load a realistic sample campaign into an empty account",
    )
    demo.add_argument(
        "--contacts",
        type=int,
        default=24,
        metavar="N",
        help="generated contacts on top of the hand-written ones (default 24)",
    )
    _user_option(demo)
    _json_option(demo)

    createuser = _command(
        commands,
        "createuser",
        "coffeechat.cli.data:createuser",
        "create an account (team deployments)",
    )
    createuser.add_argument("username")
    createuser.add_argument("--email", default="", help="the account's email address")
    createuser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    _json_option(createuser)

    token = commands.add_parser("token", help="personal API tokens", description="API tokens.")
    token_commands = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    create = _command(
        token_commands,
        "create",
        "coffeechat.cli.data:create_token",
        "create a personal API token (shown once)",
    )
    _user_option(create)
    create.add_argument("--name", default="personal token", help="a label to recognise it by")
    _json_option(create)

    check = _command(
        commands, "check", "coffeechat.cli.check:check", "check the configuration and database"
    )
    _json_option(check)

    # reflection (issue 6)
    fit = _command(
        commands,
        "fit",
        "coffeechat.cli.reflection:fit",
        "compare your career paths by fit, or show one path's fit matrix",
    )
    fit.add_argument("path", nargs="?", type=int, metavar="PATH_ID", help="one career path's id")
    _user_option(fit)
    _json_option(fit)
    # -- prep area --------------------------------------------------------------------
    brief = _command(
        commands,
        "brief",
        "coffeechat.cli.prep:brief",
        "print a conversation's prep brief as Markdown (--json: the plan and what is missing)",
    )
    brief.add_argument("conversation", metavar="CONVERSATION_ID")
    _user_option(brief)
    _json_option(brief)
    # imports: `coffeechat import KIND FILE`, one per kind in services.data.import_kinds.
    _import_commands(commands)
    # -- targets area (issue 3): exports and the trash --
    export = _command(
        commands,
        "export",
        "coffeechat.cli.exports:export",
        "export your data as JSON (restorable), CSV per table, vCard 4.0 or iCalendar",
    )
    export.add_argument(
        "format", choices=("json", "csv", "vcard", "ics"), help="json, csv, vcard or ics"
    )
    export.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="where to write (default: standard output); for csv a directory or a .zip",
    )
    _user_option(export)
    _json_option(export)

    add_data_commands(commands)
    return parser


def _import_commands(commands: argparse._SubParsersAction) -> None:
    from coffeechat.cli.imports import add_import_kind_commands

    parser = commands.add_parser(
        "import",
        help="import contacts from a file (preview with --dry-run)",
        description="Import contacts from a file as one batch that can be undone.",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    add_import_kind_commands(kinds)
    # targets: a coffeechat JSON export restores into an empty account.
    restore = _command(
        kinds,
        "json",
        "coffeechat.cli.exports:import_json",
        "restore a coffeechat JSON export (coffeechat export json) into an empty account",
    )
    restore.add_argument("file", metavar="FILE", help="the export ('-' reads stdin)")
    _user_option(restore)
    _json_option(restore)
    # outreach: LinkedIn messages.csv logs messages, not contacts, so it has its own options.
    messages = _command(
        kinds,
        "messages",
        "coffeechat.cli.message_import:import_messages",
        "import LinkedIn messages.csv: log sent and received messages of your contacts",
    )
    messages.add_argument("file", metavar="FILE", help="LinkedIn's messages.csv")
    messages.add_argument(
        "--dry-run", action="store_true", help="show what would happen, write nothing"
    )
    _user_option(messages)
    _json_option(messages)


def _handler(path: str) -> Callable[[argparse.Namespace], int]:
    module, _, name = path.partition(":")
    handler: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), name)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code is 0, 1 (it failed) or 2 (bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 0
    command = args.command
    try:
        return _handler(args.handler)(args)
    except CliError as exc:
        error(command, str(exc))
        return exc.code
    except InvalidInput as exc:
        error(command, _invalid(exc))
        return EXIT_BAD_INPUT
    except NotFound as exc:
        error(command, str(exc))
        return EXIT_BAD_INPUT
    except ConfigError as exc:
        error(command, f"configuration: {exc}")
        return EXIT_BAD_INPUT
    except MigrationLockTimeout as exc:
        error(command, str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (coffeechat today | head): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:
        if _is_database_error(exc):
            error(command, f"the database cannot be used: {exc}")
            return EXIT_FAILED
        raise


def _invalid(exc: InvalidInput) -> str:
    lines = [
        f"{field}: {message}" if field != "__all__" else message
        for field, messages in exc.errors.items()
        for message in messages
    ]
    return lines[0] if len(lines) == 1 else "refused:\n  " + "\n  ".join(lines)


def _is_database_error(exc: Exception) -> bool:
    if "django.db" not in sys.modules:
        return False
    from django.db import Error

    return isinstance(exc, Error)

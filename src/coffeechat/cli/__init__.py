"""The ``coffeechat`` command: serve the app, show Today, load the sample, manage accounts.

Each command module registers its own commands (its ``register``) with the
function that runs them. The modules import Django only inside those functions,
so ``coffeechat --help`` and ``--version`` answer without importing it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from coffeechat import __version__
from coffeechat.bootstrap import MigrationLockTimeout
from coffeechat.cli import (
    backups,
    check,
    contacts,
    data,
    due,
    exports,
    imports,
    message_import,
    prep,
    reflection,
    reminders,
    serve,
    trash,
)
from coffeechat.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CliError, error
from coffeechat.config import ConfigError
from coffeechat.services.errors import InvalidInput, NotFound

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

DESCRIPTION = (
    "Run your informational interviews: from the people you want to meet to the thank-you "
    "and beyond. Start with 'coffeechat serve'."
)

# In the order their commands appear in ``coffeechat --help``. ``imports`` creates the
# ``import`` group, so it comes before ``exports`` and ``message_import``, which add
# their kinds (json, messages) to it.
COMMAND_MODULES = (
    serve,
    due,
    data,
    check,
    reflection,
    prep,
    imports,
    exports,
    message_import,
    reminders,
    backups,
    contacts,
    trash,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coffeechat", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"coffeechat {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


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
        code: int = args.handler(args)
        return code
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

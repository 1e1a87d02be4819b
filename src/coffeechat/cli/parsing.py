"""The pieces every subcommand's parser is built from, shared by the command modules
that register their commands (each module's ``register``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]


def command(
    commands: argparse._SubParsersAction, name: str, handler: Handler, summary: str
) -> argparse.ArgumentParser:
    """Add the subcommand ``name``; ``main`` calls ``handler(args)`` when it is chosen."""
    parser = commands.add_parser(
        name, help=summary, description=summary[:1].upper() + summary[1:] + "."
    )
    parser.set_defaults(handler=handler)
    return parser


def group(
    commands: argparse._SubParsersAction,
    name: str,
    summary: str,
    *,
    dest: str,
    metavar: str,
    description: str | None = None,
) -> argparse._SubParsersAction:
    """Add ``name`` as a group of subcommands (``coffeechat trash list``); returns the
    group, to which its subcommands are added with ``command``."""
    parser = commands.add_parser(
        name, help=summary, description=description or summary[:1].upper() + summary[1:] + "."
    )
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True)


def user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", metavar="NAME", help="the account to use (default: the only account)"
    )


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON on standard output")

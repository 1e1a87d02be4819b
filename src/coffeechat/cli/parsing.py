"""The pieces every subcommand's parser is built from: kept apart from the command
list so the modules that add groups of commands (``data_commands``) share them."""

from __future__ import annotations

import argparse


def command(
    commands: argparse._SubParsersAction, name: str, handler: str, summary: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name, help=summary, description=summary[:1].upper() + summary[1:] + "."
    )
    parser.set_defaults(handler=handler)
    return parser


def user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", metavar="NAME", help="the account to use (default: the only account)"
    )


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON on standard output")

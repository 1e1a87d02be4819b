"""The command reference in docs/cli.md, written from the parser itself.

``python -m coffeechat.cli.reference --write`` rewrites the part of the doc
between the two marker comments; ``--check`` (run by scripts/lint) exits 1 when
it differs, so a command, option or help text cannot change without the doc.
The output depends on nothing but the parser: usage lines are wrapped at a
fixed width, whatever the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from coffeechat.cli import build_parser

WIDTH = 88
WRITE = "python -m coffeechat.cli.reference --write"
BEGIN = f"<!-- BEGIN generated: coffeechat reference ({WRITE}) -->"
END = "<!-- END generated -->"
DOC = Path("docs/cli.md")


def render(parser: argparse.ArgumentParser) -> str:
    """Markdown for the parser and every command under it: a heading each, its
    description, usage line, arguments and options, and links to its subcommands."""
    return "\n".join(_render(parser)).strip() + "\n"


def anchor(prog: str) -> str:
    """The link target of a command's heading, as GitHub writes it (``coffeechat-serve``)."""
    return re.sub(r"[^a-z0-9 _-]", "", prog.lower()).replace(" ", "-")


def commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and each command and subcommand under it, in --help order."""
    yield parser
    for group in _groups(parser):
        for sub in group.choices.values():
            yield from commands(sub)


def replace(doc: str, reference: str) -> str:
    """``doc`` with the text between the markers replaced by ``reference``."""
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the doc has no {BEGIN!r} … {END!r} section")
    return doc[: start + len(BEGIN)] + "\n\n" + reference + "\n" + doc[end:]


def _render(parser: argparse.ArgumentParser) -> Iterator[str]:
    level = "###" if " " not in parser.prog else "####"
    yield f"{level} {parser.prog}"
    yield ""
    if parser.description:
        yield _text(parser.description)
        yield ""
    yield "```"
    yield _usage(parser)
    yield "```"
    yield ""
    arguments = [a for a in parser._actions if not isinstance(a, _SKIPPED)]
    for action in arguments:
        notes = "".join(f" ({note})" for note in _notes(action))
        help_text = f": {_text(action.help)}" if action.help else ""
        yield f"- `{_invocation(action)}`{notes}{help_text}"
    for group in _groups(parser):
        for choice in group._choices_actions:
            prog = f"{parser.prog} {choice.dest}"
            yield f"- [`{choice.dest}`](#{anchor(prog)}): {_text(choice.help or '')}"
    yield ""
    for group in _groups(parser):
        for sub in group.choices.values():
            yield from _render(sub)


_SKIPPED = (argparse._HelpAction, argparse._SubParsersAction)


def _groups(parser: argparse.ArgumentParser) -> list[argparse._SubParsersAction]:
    return [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return formatter.format_help().strip("\n")


def _invocation(action: argparse.Action) -> str:
    if action.choices is not None:
        value = "{" + ",".join(str(choice) for choice in action.choices) + "}"
    elif isinstance(action.metavar, str):
        value = action.metavar
    else:
        value = action.dest.upper() if action.option_strings else action.dest
    if not action.option_strings:
        return f"[{value}]" if action.nargs == "?" else value
    names = ", ".join(action.option_strings)
    return names if action.nargs == 0 else f"{names} {value}"


def _notes(action: argparse.Action) -> list[str]:
    notes = []
    if action.option_strings and action.required:
        notes.append("required")
    if isinstance(action, argparse._AppendAction):
        notes.append("repeatable")
    return notes


def _text(text: str) -> str:
    return re.sub(r"([\\`*<>|\[\]])", r"\\\1", " ".join(text.split()))


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(
        prog="python -m coffeechat.cli.reference", description=__doc__.split("\n\n")[0]
    )
    mode = options.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the doc's reference")
    mode.add_argument("--check", action="store_true", help="exit 1 if the doc is out of date")
    options.add_argument("--doc", type=Path, default=DOC, help=f"the doc (default {DOC})")
    args = options.parse_args(argv)
    doc = args.doc.read_text(encoding="utf-8")
    try:
        wanted = replace(doc, render(build_parser()))
    except ValueError as exc:
        print(f"{args.doc}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if wanted != doc:
            print(f"{args.doc} is out of date: run uv run {WRITE}", file=sys.stderr)
            return 1
        return 0
    if wanted != doc:
        args.doc.write_text(wanted, encoding="utf-8")
        print(f"Wrote the command reference in {args.doc}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every command is registered by its own module, with the function that runs it."""

from __future__ import annotations

import argparse
import inspect

from coffeechat.cli import COMMAND_MODULES, DESCRIPTION, build_parser


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, parser) of each command that runs something, groups left out."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield path, parser
    for group in groups:
        for name, sub in group.choices.items():
            yield from _leaves(sub, (*path, name))


def test_every_command_has_a_handler_defined_in_the_module_that_registered_it():
    top = argparse.ArgumentParser(prog="coffeechat", description=DESCRIPTION)
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    seen: set[tuple[str, ...]] = set()
    registered = {}
    for module in COMMAND_MODULES:
        module.register(commands)
        for path, parser in _leaves(top):
            if path not in seen:
                seen.add(path)
                registered[path] = (module, parser.get_default("handler"))
    assert len(registered) > 20
    wrong = []
    for path, (module, handler) in registered.items():
        name = " ".join(path)
        if not callable(handler):
            wrong.append(f"{name}: no handler")
        elif (
            inspect.getmodule(handler) is not module
            or getattr(module, handler.__name__) is not handler
        ):
            wrong.append(f"{name}: registered by {module.__name__}, runs {handler.__module__}")
        elif list(inspect.signature(handler).parameters) != ["args"]:
            wrong.append(f"{name}: {handler.__name__} does not take (args)")
    assert wrong == []


def test_the_command_modules_build_the_parser_main_uses():
    walked = [" ".join(path) for path, _parser in _leaves(build_parser())]
    assert walked[:2] == ["serve", "today"]
    assert "import linkedin" in walked and "import json" in walked
    assert "import messages" in walked and "trash restore" in walked
    assert len(walked) == len(set(walked))


def test_a_group_without_its_action_is_bad_input(run):
    for group in ("token", "trash", "import"):
        result = run(group)
        assert result.code == 2, group
        assert "required" in result.err

"""Every public services function is reached from a page, the API or the CLI.

A use case nobody can call is either dead or missing its interface. Reach is
followed by name through the services themselves (a web view calls ``compose``,
which calls ``fill_template``), starting from what web, api, cli, core and the
sample data name, and from the services' own module-level tables and decorators.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import coffeechat

PACKAGE = Path(coffeechat.__file__).parent
CALLERS = ["web", "api", "cli", "core", "sample", "apps.py", "bootstrap.py", "urls.py"]

# Public services functions no interface calls, each with the reason it stays.
EXCUSED: dict[str, str] = {}


def _names(node: ast.AST) -> set[str]:
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.ImportFrom):
            found |= {alias.name for alias in child.names}
    return found


def unreached(service_sources: Iterable[str], caller_sources: Iterable[str]) -> set[str]:
    """Public top-level functions and classes of the services that nothing reaches."""
    roots: set[str] = set()
    for source in caller_sources:
        roots |= _names(ast.parse(source))
    body: dict[str, set[str]] = {}
    for source in service_sources:
        for node in ast.parse(source).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                body.setdefault(node.name, set()).update(_names(node))
            else:
                roots |= _names(node)
    reached: set[str] = set()
    todo = [name for name in body if name in roots]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo += [used for used in body[name] if used in body]
    return {name for name in body if name not in reached and not name.startswith("_")}


def _sources(places: Iterable[str]) -> list[str]:
    files: list[Path] = []
    for place in places:
        path = PACKAGE / place
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [file.read_text() for file in files]


def test_every_public_services_function_is_reached_from_an_interface():
    found = unreached(_sources(["services"]), _sources(CALLERS))
    assert found - set(EXCUSED) == set(), "call it from an interface, make it private, or delete it"
    assert set(EXCUSED) <= found, "an excused function is reached now: drop its excuse"


def test_a_function_only_another_unreached_one_calls_is_unreached_too():
    services = [
        "def used():\n    helper()\n",
        "def helper():\n    pass\n",
        "def dead():\n    lost()\n",
        "def lost():\n    pass\n",
    ]
    callers = ["from coffeechat.services.x import used\nused()\n"]
    assert unreached(services, callers) == {"dead", "lost"}

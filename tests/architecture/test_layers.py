"""Rules about which layer may use what, that import-linter cannot state."""

from __future__ import annotations

import ast
from pathlib import Path

import coffeechat

PACKAGE = Path(coffeechat.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module a file imports, wherever the import statement sits."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _modules_importing(folders: list[str], banned: str) -> list[str]:
    offenders = []
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            if any(name == banned or name.startswith(banned + ".") for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    return offenders


def test_services_and_sample_data_build_no_page_addresses():
    # A service that needs an address (the reminder mail's link to Today) is
    # handed it by the interface that calls it; web/links.py builds them all.
    assert _modules_importing(["services", "sample"], "django.urls") == []


def test_the_scan_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from django.urls import reverse\n    return reverse\n")
    assert "django.urls" in _imports(module)

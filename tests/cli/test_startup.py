"""--help and --version answer at once: they never import Django."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coffeechat import __version__

PROBE = """
import sys
from coffeechat.cli import main
code = main({argv!r})
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print("DJANGO-MODULES:", loaded, "EXIT:", code)
"""


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["today", "--help"], []])
def test_help_and_version_do_not_import_django(argv):
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "DJANGO-MODULES: [] EXIT: 0" in result.stdout, result.stdout + result.stderr


def test_version_names_the_package_version(run):
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"coffeechat {__version__}"


def test_help_lists_every_command(run):
    result = run("--help")
    assert result.code == 0
    for command in ("serve", "today", "demo", "createuser", "token", "check"):
        assert command in result.out


def test_an_unknown_command_is_bad_input(run):
    result = run("frobnicate")
    assert result.code == 2
    assert "invalid choice: 'frobnicate'" in result.err


def test_a_port_that_is_not_a_number_is_bad_input(run):
    result = run("serve", "--port", "eighty")
    assert result.code == 2
    assert "--port" in result.err

"""Docs cannot drift: every setting, rule number and command is documented."""

import re
from pathlib import Path

from coffeechat.config import SETTINGS
from coffeechat.domain.types import ActionKind, RuleSettings

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"


def test_every_environment_setting_is_in_the_configuration_doc():
    text = (DOCS / "configuration.md").read_text()
    missing = [setting.name for setting in SETTINGS if f"`{setting.name}`" not in text]
    assert missing == []


def test_every_rule_number_and_action_kind_is_in_the_rules_doc():
    text = (DOCS / "today-rules.md").read_text()
    missing = [name for name in RuleSettings.field_help() if f"`{name}`" not in text]
    missing += [kind.value for kind in ActionKind if f"`{kind.value}`" not in text]
    assert missing == []


def test_the_readme_quick_start_is_exactly_two_commands():
    text = README.read_text()
    section = text.split("## Quick start", 1)[1]
    block = section.split("```", 2)[1]
    lines = [line for line in block.splitlines()[1:] if line.strip()]
    assert lines == ["make serve", "make test"]


def test_the_readme_commands_run_from_a_fresh_checkout_as_written():
    # After `make serve`, `coffeechat` is in .venv, not on PATH: the README says
    # `uv run coffeechat`, and that command answers from the project folder.
    import shutil
    import subprocess

    using = README.read_text().split("## Using it", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"`((?:uv run )?coffeechat [^`]*)`", using)
    assert commands and all(command.startswith("uv run coffeechat") for command in commands)
    uv = shutil.which("uv")
    assert uv, "uv is what make serve installs"
    answer = subprocess.run(
        [uv, "run", "--no-sync", "coffeechat", "--version"],
        cwd=README.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.returncode == 0 and answer.stdout.startswith("coffeechat "), answer.stderr


def test_ci_runs_the_readme_test_command():
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert "\nmake test\n" in ci


def _cli_doc() -> tuple[str, str]:
    """docs/cli.md as (the hand-written prose, the generated reference)."""
    from coffeechat.cli.reference import BEGIN, END

    text = (DOCS / "cli.md").read_text()
    before, rest = text.split(BEGIN, 1)
    reference, after = rest.split(END, 1)
    return before + after, reference


def test_every_command_has_a_reference_heading_and_is_explained_in_the_cli_doc():
    from coffeechat.cli import build_parser
    from coffeechat.cli.reference import anchor, commands

    prose, reference = _cli_doc()
    every = [parser for parser in commands(build_parser()) if parser.prog != "coffeechat"]
    headings = [p.prog for p in every if f"\n#### {p.prog}\n" not in reference]
    # Each command that runs something is linked from the prose that explains it;
    # a group (token, trash, import) is explained through its subcommands.
    explained = [
        p.prog
        for p in every
        if p.get_default("handler") is not None and f"](#{anchor(p.prog)})" not in prose
    ]
    assert (headings, explained) == ([], [])
    assert len(every) > 25


def test_the_prose_links_only_to_headings_that_exist():
    import re

    prose, reference = _cli_doc()
    text = prose + reference
    targets = set(re.findall(r"\]\(#([a-z0-9-]+)\)", text))
    headings = {
        re.sub(r"[^a-z0-9 _-]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        for line in text.splitlines()
        if line.startswith("#")
    }
    assert sorted(targets - headings) == []


def test_the_cli_reference_is_the_parser_at_any_terminal_width(monkeypatch):
    from coffeechat.cli import build_parser
    from coffeechat.cli.reference import render

    _prose, reference = _cli_doc()
    for columns in ("30", "200"):
        monkeypatch.setenv("COLUMNS", columns)
        assert reference.strip() == render(build_parser()).strip()


def test_the_reference_check_fails_on_a_stale_doc_and_write_brings_it_up_to_date(tmp_path, capsys):
    from coffeechat.cli.reference import main

    doc = tmp_path / "cli.md"
    current = (DOCS / "cli.md").read_text()
    doc.write_text(current.replace("port to listen on (default 8000)", "port (default 80)"))
    assert main(["--check", "--doc", str(doc)]) == 1
    message = capsys.readouterr().err
    assert f"{doc} is out of date: run uv run python -m coffeechat.cli.reference --write" in message

    assert main(["--write", "--doc", str(doc)]) == 0
    assert doc.read_text() == current
    assert main(["--check", "--doc", str(doc)]) == 0
    assert capsys.readouterr().err == ""


def test_the_reference_check_fails_when_the_markers_are_gone(tmp_path, capsys):
    from coffeechat.cli.reference import END, main

    doc = tmp_path / "cli.md"
    doc.write_text((DOCS / "cli.md").read_text().replace(END, ""))
    assert main(["--check", "--doc", str(doc)]) == 1
    assert "has no '<!-- BEGIN generated" in capsys.readouterr().err

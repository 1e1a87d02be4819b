"""Docs cannot drift: every setting, rule number and command is documented."""

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


def test_ci_runs_the_readme_test_command():
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert "\nmake test\n" in ci


def test_every_command_is_in_the_cli_doc():
    from coffeechat.cli import build_parser

    text = (DOCS / "cli.md").read_text()
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert [name for name in commands if f"`coffeechat {name}" not in text] == []

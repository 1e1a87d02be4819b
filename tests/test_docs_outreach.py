"""The outreach doc names every check and every merge field, so it cannot drift."""

from pathlib import Path

from coffeechat.domain.outreach import CHECKS
from coffeechat.domain.templates import FIELDS

DOC = Path(__file__).resolve().parent.parent / "docs" / "outreach.md"


def test_every_check_is_documented():
    text = DOC.read_text()
    assert [check.id for check in CHECKS if f"`{check.id}`" not in text] == []


def test_every_merge_field_is_documented():
    text = DOC.read_text()
    assert [name for name in FIELDS if f"`{{{name}}}`" not in text] == []

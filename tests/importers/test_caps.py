"""Caps at the reading boundary: exactly at a cap is read, one over is refused with its line."""

from __future__ import annotations

import pytest

from coffeechat.importers import linkedin_messages, vcard
from coffeechat.importers.base import ImportFileError
from coffeechat.importers.linkedin_messages import parse_messages
from coffeechat.importers.text import MAX_CELL
from coffeechat.importers.vcard import parse_vcard


def _card(note: str) -> bytes:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n{note}\r\nEND:VCARD\r\n".encode()


def test_a_vcard_line_exactly_at_the_cap_is_read_and_one_over_is_refused_with_its_line():
    at_cap = "NOTE:" + "x" * (MAX_CELL - len("NOTE:"))
    assert [r.name for r in parse_vcard(_card(at_cap)).records] == ["Ada Lovelace"]
    with pytest.raises(ImportFileError) as refused:
        parse_vcard(_card(at_cap + "x"))
    assert refused.value.line == 4
    assert f"longer than {MAX_CELL:,} characters" in refused.value.message


def test_a_card_over_the_card_cap_is_refused_with_the_line_that_crosses_it(monkeypatch):
    card = _card("NOTE:hello")
    kept = len("VERSION:3.0") + len("FN:Ada Lovelace") + len("NOTE:hello")
    monkeypatch.setattr(vcard, "MAX_CARD", kept)
    assert len(parse_vcard(card).records) == 1
    monkeypatch.setattr(vcard, "MAX_CARD", kept - 1)
    with pytest.raises(ImportFileError) as refused:
        parse_vcard(card)
    assert refused.value.line == 4
    assert "this card is longer than" in refused.value.message


def _messages(count: int) -> bytes:
    rows = "".join(f"Ada,Ana,2026-11-05 14:00:00 UTC,Hi {n}\n" for n in range(count))
    return ("FROM,TO,DATE,CONTENT\n" + rows).encode()


def test_messages_exactly_at_the_row_cap_are_read_and_one_over_is_refused(monkeypatch):
    monkeypatch.setattr(linkedin_messages, "MAX_ROWS", 3)
    assert len(parse_messages(_messages(3)).records) == 3
    with pytest.raises(ImportFileError) as refused:
        parse_messages(_messages(4))
    assert refused.value.line == 5
    assert "more than 3 messages" in refused.value.message


def test_a_message_cell_over_the_cell_cap_is_refused_with_its_line_not_a_crash():
    at_cap = "x" * MAX_CELL
    data = f"FROM,TO,DATE,CONTENT\nAda,Ana,2026-11-05 14:00:00 UTC,{at_cap}\n"
    assert len(parse_messages(data.encode()).records) == 1
    with pytest.raises(ImportFileError) as refused:
        parse_messages((data + f"Ada,Ana,2026-11-05 14:00:00 UTC,{at_cap}x\n").encode())
    assert refused.value.line == 3
    assert f"longer than {MAX_CELL:,} characters" in refused.value.message


def test_a_messages_file_over_the_size_cap_is_refused(monkeypatch):
    data = _messages(1)
    monkeypatch.setattr(linkedin_messages, "MAX_BYTES", len(data))
    assert len(parse_messages(data).records) == 1
    monkeypatch.setattr(linkedin_messages, "MAX_BYTES", len(data) - 1)
    with pytest.raises(ImportFileError, match="larger than"):
        parse_messages(data)

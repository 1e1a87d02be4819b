"""Property tests: whatever bytes a parser is given, it returns records or raises
ImportFileError, never anything else (no UnicodeError, csv.Error, IndexError…)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.importers.base import ImportFileError, ParseResult
from coffeechat.importers.generic_csv import parse_generic_csv
from coffeechat.importers.google import parse_google
from coffeechat.importers.linkedin import parse_linkedin
from coffeechat.importers.records import ContactRecord
from coffeechat.importers.vcard import parse_vcard

PARSERS = {
    "linkedin": parse_linkedin,
    "google": parse_google,
    "vcard": parse_vcard,
    "csv": parse_generic_csv,
}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cell = st.text(alphabet=st.sampled_from(list("ab,\"'\r\n\t=+-@ é:;\\\x00")), max_size=12)
csv_like = st.builds(
    lambda header, rows, encoding: (
        header + "\r\n" + "\r\n".join(",".join(row) for row in rows)
    ).encode(encoding, errors="replace"),
    st.sampled_from(
        [
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "First Name,Last Name,Email Address,Company,Position,Connected On",
            "First Name,Last Name,Labels,E-mail 1 - Value,Birthday,Website 1 - Value",
            "Name,Given Name,Family Name,Group Membership,Organization 1 - Name",
            "first_name,email,notes,connected_on,birthday,source,linkedin_url",
        ]
    ),
    st.lists(st.lists(cell, max_size=9), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
)
vcard_line = st.one_of(
    st.sampled_from(
        [
            "BEGIN:VCARD",
            "begin:vcard",
            "END:VCARD",
            "VERSION:2.1",
            "VERSION:3.0",
            "N:Lovelace;Ada;;;",
            "FN:Ada",
            "EMAIL:a@x.org",
            "ORG:Acme, Inc.;R&D",
            "NOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab=",
            "BDAY:--0314",
            "BDAY:nonsense",
            "ADR:;;1 Main;Town;;;",
            "CATEGORIES:a,b",
            "PHOTO;ENCODING=b:AAAA",
            " folded",
            "TEL;CELL:+1",
            "URL:https://www.linkedin.com/in/x",
            "N:;;;;",
            'X-THING;A="b:c":d',
        ]
    ),  # fmt: skip
    st.text(max_size=20),
)
vcard_like = st.builds(
    lambda lines: "\r\n".join(lines).encode("utf-8", errors="replace"),
    st.lists(vcard_line, max_size=16),
)


def check(parser, data: bytes) -> None:
    try:
        result = parser(data)
    except ImportFileError as exc:
        assert exc.message
        assert exc.line is None or exc.line >= 1
        return
    assert isinstance(result, ParseResult)
    assert all(isinstance(record, ContactRecord) for record in result.records)
    assert all(record.line >= 1 for record in result.records)
    assert all(problem.line >= 1 and problem.message for problem in result.problems)


@pytest.mark.parametrize("kind", sorted(PARSERS))
@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_give_records_or_an_import_error(kind, data):
    check(PARSERS[kind], data)


@pytest.mark.parametrize("kind", sorted(PARSERS))
@SETTINGS
@given(data=csv_like)
def test_csv_shaped_input_gives_records_or_an_import_error(kind, data):
    check(PARSERS[kind], data)


@pytest.mark.parametrize("kind", sorted(PARSERS))
@SETTINGS
@given(data=vcard_like)
def test_vcard_shaped_input_gives_records_or_an_import_error(kind, data):
    check(PARSERS[kind], data)

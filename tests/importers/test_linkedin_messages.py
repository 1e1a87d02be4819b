"""The messages.csv parser: header detection across export versions, dates, bad rows."""

from datetime import UTC, datetime

import pytest

from coffeechat.importers.base import ImportFileError
from coffeechat.importers.linkedin_messages import (
    infer_owner,
    normalise_profile_url,
    parse_messages,
)

CURRENT = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
    "2-abc,,Ada Student,https://www.linkedin.com/in/ada,Ana Ruiz,"
    'https://www.linkedin.com/in/ana-ruiz,2026-11-02 15:00:00 UTC,,"Hi Ana,\nquick question?",'
    "INBOX\n"
    "2-abc,,Ana Ruiz,https://www.linkedin.com/in/ana-ruiz,Ada Student,"
    "https://www.linkedin.com/in/ada,2026-11-04 09:30:00 UTC,,Happy to chat!,INBOX\n"
)
OLDER = (
    "From,To,Date,Subject,Content,Direction\n"
    'Ada Student,Ana Ruiz,"11/2/26, 3:00 PM",Hello,Hi Ana,OUTGOING\n'
    'Ana Ruiz,Ada Student,"11/4/26, 9:30 AM",RE: Hello,Sure,INCOMING\n'
)


def test_the_current_export_is_read_by_header():
    result = parse_messages(CURRENT.encode())
    assert result.problems == []
    first, second = result.records
    assert first.sender == "Ada Student"
    assert first.recipients == ("Ana Ruiz",)
    assert first.recipient_urls == ("https://www.linkedin.com/in/ana-ruiz",)
    assert first.sent_at == datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    assert first.content == "Hi Ana,\nquick question?"  # a quoted multi-line cell
    assert first.line == 2 and second.line == 4
    assert second.conversation_id == "2-abc" and first.key != second.key


def test_an_older_export_with_us_dates_and_a_direction_column():
    first, second = parse_messages(OLDER.encode()).records
    assert first.sent_at == datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    assert (first.direction, second.direction) == ("out", "in")
    assert second.subject == "RE: Hello"


def test_columns_in_another_order_and_a_preamble_are_found():
    text = "Notes:\nExported by LinkedIn\n\nDATE,CONTENT,TO,FROM\n2026-11-02 15:00:00,Hi,Ana,Ada\n"
    (record,) = parse_messages(text).records
    assert (record.sender, record.recipients, record.content) == ("Ada", ("Ana",), "Hi")
    assert record.line == 5


def test_a_bad_row_is_reported_and_the_rest_come_through():
    text = (
        "FROM,TO,DATE,CONTENT\nAda,Ana,not a date,x\n,Ana,2026-11-02 15:00:00,y\n"
        "Ada,Ana,2026-11-03,z\n"
    )
    result = parse_messages(text)
    assert [r.content for r in result.records] == ["z"]
    assert [str(p) for p in result.problems] == [
        "line 2, DATE: 'not a date' is not a date",
        "line 3, FROM: no sender",
    ]


def test_linkedin_drafts_are_skipped():
    text = (
        "FROM,TO,DATE,CONTENT,IS MESSAGE DRAFT\n"
        "Ada,Ana,2026-11-02,x,TRUE\nAda,Ana,2026-11-02,y,FALSE\n"
    )
    assert [r.content for r in parse_messages(text).records] == ["y"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"First Name,Last Name,Email\nAna,Ruiz,a@x\n", "no header with FROM, TO and DATE"),
    ],
)
def test_a_file_that_is_not_messages_csv_is_refused(data, message):
    with pytest.raises(ImportFileError, match=message):
        parse_messages(data)


def test_formula_neutralised_cells_are_restored():
    text = "FROM,TO,DATE,CONTENT\nAda,Ana,2026-11-02,'=not a formula\n"
    assert parse_messages(text).records[0].content == "=not a formula"


def test_windows_1252_files_are_read():
    text = "FROM,TO,DATE,CONTENT\nAda,José Núñez,2026-11-02,Olá\n".encode("cp1252")
    assert parse_messages(text).records[0].recipients == ("José Núñez",)


def test_the_owner_is_who_appears_in_the_most_messages():
    assert infer_owner(parse_messages(CURRENT).records) in ("Ada Student", "Ana Ruiz")
    three = CURRENT + "3-x,,Ben Lee,,Ada Student,,2026-11-05 10:00:00 UTC,,Hi,INBOX\n"
    assert infer_owner(parse_messages(three).records) == "Ada Student"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/in/Ana-Ruiz/", "linkedin.com/in/ana-ruiz"),
        ("http://linkedin.com/in/ana-ruiz?originalSubdomain=es", "linkedin.com/in/ana-ruiz"),
        ("https://de.linkedin.com/in/ana-ruiz#x", "linkedin.com/in/ana-ruiz"),
    ],
)
def test_profile_urls_compare_however_written(url, expected):
    assert normalise_profile_url(url) == expected

"""Merge-field wording speaks to the contact: connection, interest, meeting."""

import doctest

from coffeechat.domain import merge_phrases
from coffeechat.domain.merge_phrases import connection_sentence, interest_phrase, meeting_words


def test_the_docstring_examples_hold():
    assert doctest.testmod(merge_phrases).failed == 0


def test_the_users_own_line_wins_over_the_introducer_and_the_source():
    line = connection_sentence("We were both at Config 2025", "referral", "Alice Ng")
    assert line == "We were both at Config 2025."


def test_an_introducer_is_named_whatever_the_source():
    assert connection_sentence("", "colleague", "Alice  Ng") == (
        "Alice Ng suggested I reach out to you."
    )


def test_sources_that_mean_you_know_each_other_leave_the_sentence_to_you():
    assert [connection_sentence("", s) for s in ("friend-family", "colleague", "other")] == [
        "",
        "",
        "",
    ]


def test_an_unknown_source_says_nothing_rather_than_failing():
    assert connection_sentence("", "carrier-pigeon") == ""


def test_a_title_reads_mid_sentence_with_acronyms_kept():
    assert interest_phrase("", "Product Management") == "product management"
    assert interest_phrase("", "UX Research") == "UX research"


def test_each_medium_names_its_meeting():
    assert [meeting_words(m) for m in ("video", "phone", "in_person")] == [
        "a video call",
        "a phone call",
        "a coffee",
    ]

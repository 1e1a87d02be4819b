"""Insights search: what a user finds, what stays hidden, and queries that must not crash."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.core.models import CareerPath, Contact, Conversation, Note, Organization
from coffeechat.services.errors import InvalidInput
from coffeechat.services.reflection.insights import NoteFilters, filters_from, search_notes


def _conversation(user, name="Sam", org_name="Acme", path_title="UX research"):
    org = Organization.objects.create(owner=user, name=org_name)
    path = CareerPath.objects.create(owner=user, title=path_title)
    contact = Contact.objects.create(owner=user, first_name=name, organization=org)
    return Conversation.objects.create(owner=user, contact=contact, career_path=path)


def _note(user, conversation, text, tags=(), highlight=False):
    return Note.objects.create(
        owner=user, conversation=conversation, text=text, tags=list(tags), highlight=highlight
    )


def _ids(result):
    return [hit.note_id for hit in result.hits]


@pytest.fixture
def notes(user):
    acme = _conversation(user)
    globex = _conversation(user, "Kim", "Globex", "Data analysis")
    return {
        "sql": _note(user, acme, "Learn SQL before anything else.", ["skills"], highlight=True),
        "design": _note(user, acme, "Designing surveys is most of the job.", ["day-to-day"]),
        "salary": _note(user, globex, "Salary bands are public at Globex.", ["salary"]),
        "phrase": _note(user, globex, "User research beats opinions.", ["culture", "skills"]),
    }


def test_a_word_finds_the_notes_that_contain_it_with_the_word_marked(user, notes):
    result = search_notes(user, NoteFilters(query="sql"))
    assert _ids(result) == [notes["sql"].pk]
    assert "<mark>SQL</mark>" in result.hits[0].snippet_html
    assert result.hits[0].contact_name == "Sam"
    assert result.hits[0].organization_name == "Acme"


def test_words_are_stemmed_so_design_finds_designing(user, notes):
    assert _ids(search_notes(user, NoteFilters(query="design"))) == [notes["design"].pk]


def test_a_quoted_phrase_needs_the_words_in_order(user, notes):
    assert _ids(search_notes(user, NoteFilters(query='"user research"'))) == [notes["phrase"].pk]
    assert _ids(search_notes(user, NoteFilters(query='"research user"'))) == []


def test_a_trailing_star_matches_a_prefix(user, notes):
    assert _ids(search_notes(user, NoteFilters(query="sal*"))) == [notes["salary"].pk]


def test_every_word_must_appear(user, notes):
    assert _ids(search_notes(user, NoteFilters(query="salary globex"))) == [notes["salary"].pk]
    assert _ids(search_notes(user, NoteFilters(query="salary sql"))) == []


def test_user_text_in_snippets_is_escaped(user, notes):
    conversation = notes["sql"].conversation
    text = "Ask about joins when a < b & <script>alert('x')</script> <b>bold</b>"
    _note(user, conversation, text)
    hits = search_notes(user, NoteFilters(query="joins")).hits
    assert len(hits) == 1
    html = hits[0].snippet_html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold" in html and "&amp;" in html
    assert "<mark>joins</mark>" in html


def test_filters_narrow_by_path_organization_tag_and_highlight(user, notes):
    acme = notes["sql"].conversation
    globex = notes["salary"].conversation
    by_path = search_notes(user, NoteFilters(career_path_id=acme.career_path_id))
    assert set(_ids(by_path)) == {notes["sql"].pk, notes["design"].pk}
    by_org = search_notes(user, NoteFilters(organization_id=globex.contact.organization_id))
    assert set(_ids(by_org)) == {notes["salary"].pk, notes["phrase"].pk}
    by_tag = search_notes(user, NoteFilters(tag="skills"))
    assert set(_ids(by_tag)) == {notes["sql"].pk, notes["phrase"].pk}
    assert _ids(search_notes(user, NoteFilters(tag="skill"))) == []
    assert _ids(search_notes(user, NoteFilters(highlight_only=True))) == [notes["sql"].pk]


def test_themes_count_tags_across_the_notes_shown(user, notes):
    themes = search_notes(user, NoteFilters()).themes
    assert (themes[0].tag, themes[0].count) == ("skills", 2)
    assert {theme.tag for theme in themes} == {"skills", "day-to-day", "salary", "culture"}
    narrowed = search_notes(user, NoteFilters(query="salary")).themes
    assert [(theme.tag, theme.count) for theme in narrowed] == [("salary", 1)]


def test_trashed_notes_and_notes_of_trashed_contacts_are_not_found(user, notes, now):
    notes["sql"].deleted_at = now
    notes["sql"].save()
    contact = notes["salary"].conversation.contact
    contact.deleted_at = now
    contact.save()
    assert _ids(search_notes(user, NoteFilters(query="sql"))) == []
    assert _ids(search_notes(user, NoteFilters(query="salary"))) == []
    notes["sql"].deleted_at = None
    notes["sql"].save()
    assert _ids(search_notes(user, NoteFilters(query="sql"))) == [notes["sql"].pk]


def test_an_edited_note_is_found_by_its_new_words_only(user, notes):
    notes["sql"].text = "Python matters more than you think."
    notes["sql"].save()
    assert _ids(search_notes(user, NoteFilters(query="sql"))) == []
    assert _ids(search_notes(user, NoteFilters(query="python"))) == [notes["sql"].pk]


def test_another_users_notes_are_never_found(user, outsider, notes):
    theirs = _conversation(outsider, "Eve", "Initech")
    _note(outsider, theirs, "Secret SQL tips")
    assert _ids(search_notes(user, NoteFilters(query="secret"))) == []
    assert _ids(search_notes(outsider, NoteFilters(query="sql"))) != [notes["sql"].pk]


def test_another_users_path_is_refused_as_a_filter(user, outsider):
    theirs = CareerPath.objects.create(owner=outsider, title="Theirs")
    with pytest.raises(InvalidInput) as refused:
        filters_from(user, {"path": str(theirs.pk)})
    assert "path" in refused.value.errors


def test_results_are_paginated(user):
    conversation = _conversation(user)
    for i in range(25):
        _note(user, conversation, f"Advice number {i} about networking")
    first = search_notes(user, NoteFilters(query="networking"), page=1, per_page=10)
    last = search_notes(user, NoteFilters(query="networking"), page=3, per_page=10)
    assert (first.total, first.pages, len(first.hits), len(last.hits)) == (25, 3, 10, 5)
    assert not set(_ids(first)) & set(_ids(last))


def test_a_page_past_the_last_shows_the_last_page(user):
    conversation = _conversation(user)
    for i in range(25):
        _note(user, conversation, f"Advice number {i} about networking")
    for query in ("networking", ""):
        last = search_notes(user, NoteFilters(query=query), page=3, per_page=10)
        past = search_notes(user, NoteFilters(query=query), page=9, per_page=10)
        assert (past.page, past.pages, past.total) == (3, 3, 25)
        assert _ids(past) == _ids(last) and len(_ids(past)) == 5


def _queries(user, query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        search_notes(user, NoteFilters(query=query))
    return len(captured.captured_queries)


def test_a_search_costs_the_same_queries_for_5_and_50_notes(user, outsider):
    for owner, count in ((user, 5), (outsider, 50)):
        conversation = _conversation(owner)
        for i in range(count):
            _note(owner, conversation, f"Note {i} on mentoring", ["mentoring"])
    # With words: count, page ids and themes in one statement, page rows, snippets.
    # Without words: count, page ids, page rows, themes.
    assert _queries(user, "mentoring") == _queries(outsider, "mentoring") == 3
    assert _queries(user, "") == _queries(outsider, "") == 4


@pytest.mark.parametrize("query", ["", "note"])
def test_themes_count_each_tag_once_per_note_and_skip_malformed_tags(user, query):
    conversation = _conversation(user)
    _note(user, conversation, "One note", ["culture", "culture", "remote"])
    _note(user, conversation, "Two note", ["culture"])
    _note(user, conversation, "Another note", ["culture"])  # the same list as Two
    _note(user, conversation, "Quiet note", [])
    _note(user, conversation, "Elsewhere", ["remote"])  # no words to match "note"
    Note.objects.create(owner=user, conversation=conversation, text="Three note", tags={"x": 1})
    Note.objects.create(owner=user, conversation=conversation, text="Four note", tags="loose")
    found = search_notes(user, NoteFilters(query=query))
    remote = 2 if not query else 1
    assert [(t.tag, t.count) for t in found.themes if t.tag in ("culture", "remote")] == [
        ("culture", 3),
        ("remote", remote),
    ]
    assert found.total == (7 if not query else 6)


AWKWARD = [
    '"',
    '""',
    '"unbalanced',
    "(",
    "((sql",
    "sql)",
    "*",
    "**",
    "sql*",
    "-",
    "--sql",
    "self-taught",
    "NEAR(a b)",
    "a OR b",
    "NOT sql",
    "AND",
    "col:sql",
    "^sql",
    "sql + design",
    "'; DROP TABLE core_note; --",
    "\ue000mark\ue001",
    "\x00",
    "ñandú café",
    "日本語",
]


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_queries_answer_without_error(user, notes, query):
    result = search_notes(user, NoteFilters(query=query))
    assert result.total == len(result.hits)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=60))
def test_any_text_searches_without_error(user, notes, query):
    result = search_notes(user, NoteFilters(query=query))
    for hit in result.hits:
        assert "<script" not in hit.snippet_html


@pytest.mark.sqlite
def test_on_sqlite_accents_do_not_matter(user):
    conversation = _conversation(user)
    note = _note(user, conversation, "Meet at the café near the office")
    assert _ids(search_notes(user, NoteFilters(query="cafe"))) == [note.pk]

"""Contact search: full text (FTS5 on SQLite, SearchVector on PostgreSQL), filters, sorting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coffeechat.core.models import Contact, Conversation, Message
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts.search import ContactFilters, search_contacts
from coffeechat.services.conversations import actions as conversations


def _contact(user, **fields):
    return crm.create_contact(user, {"source": "other", **fields})


def _names(user, now=None, **filters):
    page = search_contacts(user, ContactFilters(**filters), now=now).page
    return [c.name for c in page.object_list]


@pytest.fixture
def people(user):
    acme = crm.create_organization(user, {"name": "Acme Robotics", "motivation": 2, "posting": 1})
    ana = _contact(
        user,
        first_name="Ana",
        last_name="Ruiz",
        title="Senior UX Researcher",
        email="ana.ruiz@globomail.example",
        organization=acme.pk,
        connection="Met at the Boston design meetup",
    )
    bo = _contact(user, first_name="Bo", last_name="Chen", title="Data analyst", source="alumni")
    return {"acme": acme, "ana": ana, "bo": bo}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ruiz", ["Ana Ruiz"]),  # last name
        ("ana", ["Ana Ruiz", "Bo Chen"]),  # a prefix of "analyst" too; the name first
        ("researcher", ["Ana Ruiz"]),  # title
        ("rese", ["Ana Ruiz"]),  # a word's start is enough
        ("robotics", ["Ana Ruiz"]),  # organization
        ("meetup", ["Ana Ruiz"]),  # connection sentence
        ("globomail", ["Ana Ruiz"]),  # email address
        ("ux boston", ["Ana Ruiz"]),  # every word, in any field
        ("ux chen", []),  # every word must match
        ("ANALYST", ["Bo Chen"]),  # case does not matter
        ("", ["Bo Chen", "Ana Ruiz"]),
    ],
)
def test_search_finds_words_in_names_titles_organizations_and_connections(
    user, people, query, expected
):
    assert _names(user, q=query) == expected


@pytest.mark.parametrize(
    "query", ['"', "*", "ana AND (", "NEAR(", "title:ux", "ana OR", "-bo", "'; DROP TABLE x"]
)
def test_search_syntax_in_the_query_is_taken_as_plain_words(user, people, query):
    search_contacts(user, ContactFilters(q=query))  # never an error


def test_search_reads_the_notes_of_live_conversations(user, people, now):
    conv = conversations.start_conversation(user, {"contact": people["bo"].pk})
    note = conversations.add_note(user, conv.pk, {"text": "Suggested the Coursera SQL course"})
    assert _names(user, q="coursera") == ["Bo Chen"]
    crm.move_to_trash(user, "note", note.pk, now)
    assert _names(user, q="coursera") == []
    crm.restore_from_trash(user, "note", note.pk)
    assert _names(user, q="coursera") == ["Bo Chen"]
    crm.move_to_trash(user, "conversation", conv.pk, now)
    assert _names(user, q="coursera") == []


def test_search_follows_edits_and_renames(user, people):
    crm.update_contact(user, people["bo"].pk, {"title": "Product manager"}, partial=True)
    crm.update_organization(user, people["acme"].pk, {"name": "Globex"}, partial=True)
    assert _names(user, q="analyst") == []
    assert _names(user, q="product") == ["Bo Chen"]
    assert _names(user, q="globex") == ["Ana Ruiz"]
    assert _names(user, q="robotics") == []


def test_trashed_contacts_are_not_found_until_restored(user, people, now):
    crm.move_to_trash(user, "contact", people["ana"].pk, now)
    assert _names(user, q="ruiz") == []
    crm.restore_from_trash(user, "contact", people["ana"].pk)
    assert _names(user, q="ruiz") == ["Ana Ruiz"]


def test_contacts_added_in_bulk_are_searchable(user):
    Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"Bulk{i}", title="Zoologist") for i in range(3)
    )
    assert len(_names(user, q="zoologist")) == 3


def test_another_users_contacts_are_never_found(user, outsider, people):
    _contact(outsider, first_name="Ana", last_name="Ruiz")
    assert _names(user, q="ruiz") == ["Ana Ruiz"]


@pytest.mark.sqlite
def test_accents_do_not_matter_on_sqlite(user):
    _contact(user, first_name="José", last_name="Núñez")
    assert _names(user, q="jose nunez") == ["José Núñez"]


def test_filters_by_source_organization_and_career_path(user, people):
    path = crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    crm.update_contact(user, people["ana"].pk, {"career_paths": [path.pk]}, partial=True)
    assert _names(user, source="alumni") == ["Bo Chen"]
    assert _names(user, organization=people["acme"].pk) == ["Ana Ruiz"]
    assert _names(user, career_path=path.pk) == ["Ana Ruiz"]
    assert _names(user, source="alumni", q="ruiz") == []


def test_filters_by_stage_of_a_live_conversation(user, people, now):
    conv = conversations.start_conversation(user, {"contact": people["ana"].pk})
    Conversation.objects.filter(pk=conv.pk).update(stage="requested", requested_at=now)
    assert _names(user, stage="requested") == ["Ana Ruiz"]
    assert _names(user, stage="none") == ["Bo Chen"]
    crm.move_to_trash(user, "conversation", conv.pk, now)
    assert _names(user, stage="requested") == []


def test_filters_by_what_is_due_on_today(user, people):
    # A contact chosen for outreach with no research is due for research at once;
    # the conversation is stamped with the real clock, so Today is asked at it too.
    conversations.start_conversation(user, {"contact": people["bo"].pk})
    now = timezone.now() + timedelta(minutes=1)
    assert _names(user, now=now, due="now") == ["Bo Chen"]
    assert _names(user, now=now, due="overdue") == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Bo Chen", "Ana Ruiz", "Cy Zed"]),
        ("organization", ["Ana Ruiz", "Bo Chen", "Cy Zed"]),  # no organization last
        ("recent", ["Cy Zed", "Bo Chen", "Ana Ruiz"]),
        ("last_contact", ["Cy Zed", "Ana Ruiz", "Bo Chen"]),  # never contacted last
    ],
)
def test_sorting(user, people, now, sort, expected):
    cy = _contact(user, first_name="Cy", last_name="Zed")
    Message.objects.create(owner=user, contact=cy, sent_at=now)
    Message.objects.create(owner=user, contact=people["ana"], sent_at=now - timedelta(days=3))
    Message.objects.create(owner=user, contact=people["ana"], sent_at=now - timedelta(days=9))
    assert _names(user, sort=sort) == expected


def test_a_query_sorts_by_best_match_first(user):
    _contact(user, first_name="Lee", title="Sales", connection="knows a designer")
    _contact(user, first_name="Designer", last_name="Name", title="Designer")
    assert _names(user, q="designer") == ["Designer Name", "Lee"]


def test_pages_of_fifty(user):
    Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"P{i:03}", last_name="Q") for i in range(120)
    )
    result = search_contacts(user, ContactFilters(), page=3)
    assert result.page.paginator.num_pages == 3
    assert [c.first_name for c in result.page.object_list][:2] == ["P100", "P101"]
    assert len(result.page.object_list) == 20


def test_bulk_writes_with_a_deferred_index_are_searchable_afterwards(user):
    from coffeechat.services.contacts.search_index import deferred_search_index

    with deferred_search_index(user):
        Contact.objects.bulk_create(
            Contact(owner=user, first_name=f"Bulk{i}", title="Zoologist") for i in range(3)
        )
        ana = _contact(user, first_name="Ana", title="Botanist")
        conv = conversations.start_conversation(user, {"contact": ana.pk})
        conversations.add_note(user, conv.pk, {"text": "Loves ferns"})
    assert len(_names(user, q="zoologist")) == 3
    assert _names(user, q="ferns") == ["Ana"]
    # Back to normal: the next edit is indexed at once.
    crm.update_contact(user, ana.pk, {"title": "Mycologist"}, partial=True)
    assert _names(user, q="mycologist") == ["Ana"]


def test_a_failed_bulk_write_leaves_the_index_working(user):
    from coffeechat.services.contacts.search_index import deferred_search_index

    with pytest.raises(RuntimeError), deferred_search_index(user):
        _contact(user, first_name="Ghost")
        raise RuntimeError("the import failed")
    assert _names(user, q="ghost") == []
    _contact(user, first_name="Real")
    assert _names(user, q="real") == ["Real"]


def test_restored_contacts_and_notes_are_searchable(user, outsider):
    from coffeechat.services.data.exports import export_json
    from coffeechat.services.data.restore_json import import_json

    ana = _contact(user, first_name="Ana", title="Botanist")
    conv = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.add_note(user, conv.pk, {"text": "Loves ferns"})
    import_json(outsider, export_json(user))
    assert _names(outsider, q="ferns botanist") == ["Ana"]

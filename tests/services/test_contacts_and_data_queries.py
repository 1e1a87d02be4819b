"""The reads of contacts, organizations, career paths, the trash and imports: the rules
they carry (only the user's live rows, one order) hold whoever calls them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import queries, search, targets
from coffeechat.services.conversations.actions import start_conversation
from coffeechat.services.data import queries as data_queries
from coffeechat.services.data.import_mapping import mapping_from_options
from coffeechat.services.data.imports import commit_import
from coffeechat.services.data.trash import trashed_items
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.reflection.queries import has_notes
from coffeechat.services.today.queries import is_new

LINKEDIN = (
    Path(__file__).resolve().parents[1] / "importers" / "samples" / "linkedin_connections.csv"
)


def _organization(user, name="Acme"):
    return crm.create_organization(user, {"name": name, "motivation": 1, "posting": 1})


def _contact(user, first_name="Ana", **fields):
    return crm.create_contact(user, {"first_name": first_name, "source": "other", **fields})


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (queries.owned_contact, lambda u: _contact(u)),
        (queries.contact_with_paths, lambda u: _contact(u)),
        (queries.owned_organization, lambda u: _organization(u)),
        (queries.organization_with_advocacy, lambda u: _organization(u)),
        (
            queries.owned_career_path,
            lambda u: crm.create_career_path(u, {"title": "UX", "status": "exploring"}),
        ),
    ],
)
def test_another_users_row_or_a_trashed_one_is_not_found(user, outsider, now, read, make):
    theirs = make(outsider)
    mine = make(user)
    assert read(user, mine.pk).pk == mine.pk
    with pytest.raises(NotFound):
        read(user, theirs.pk)
    kind = {"Contact": "contact", "Organization": "organization"}.get(
        type(mine).__name__, "career_path"
    )
    crm.move_to_trash(user, kind, mine.pk, now)
    with pytest.raises(NotFound):
        read(user, mine.pk)


def test_equal_scores_rank_by_name_in_any_case_then_by_id(user):
    for name in ["Zeta Labs", "alpha", "Beta", "acme"]:
        crm.create_organization(user, {"name": name, "motivation": 1, "posting": 1})
    crm.create_organization(user, {"name": "Dream", "motivation": 3, "posting": 1})

    names = [o.name for o in targets.ranked_organizations(user)]

    assert names == ["Dream", "acme", "alpha", "Beta", "Zeta Labs"]
    assert [row.organization.name for row in targets.target_list(user)] == names


def test_advocacy_counts_only_live_contacts(user, now):
    org = _organization(user)
    _contact(user, organization=org.pk, source="alumni")
    gone = _contact(user, "Old", organization=org.pk)
    crm.move_to_trash(user, "contact", gone.pk, now)

    read = queries.organization_with_advocacy(user, org.pk)

    assert (read.advocacy, read.alumni) == (1, 1)


def test_a_path_lists_live_conversations_of_live_contacts_only(user, now):
    path = crm.create_career_path(user, {"title": "UX", "status": "exploring"})
    ana, bo = _contact(user), _contact(user, "Bo")
    kept = start_conversation(user, {"contact": ana.pk, "career_path": path.pk})
    start_conversation(user, {"contact": bo.pk, "career_path": path.pk})
    crm.move_to_trash(user, "contact", bo.pk, now)

    assert list(queries.path_conversations(user, path)) == [kept]


def test_career_paths_are_by_title_then_id_with_their_conversation_counts(user):
    second = crm.create_career_path(user, {"title": "UX", "status": "exploring"})
    first = crm.create_career_path(user, {"title": "Data", "status": "exploring"})
    third = crm.create_career_path(user, {"title": "UX", "field": "Design", "status": "exploring"})
    start_conversation(user, {"contact": _contact(user).pk, "career_path": second.pk})

    paths = list(queries.career_paths(user))

    assert paths == [first, second, third]
    assert [p.conversation_count for p in paths] == [0, 1, 0]
    assert list(queries.career_paths(user, "ux design")) == [third]


def test_the_contact_list_reads_only_the_slice_it_is_asked_for(user, django_assert_max_num_queries):
    for name in ["Cy", "Al", "Bo"]:
        _contact(user, name, last_name=name)
    listed = search.listed(user)

    assert len(listed) == 3
    with django_assert_max_num_queries(3):  # ids, rows, their career paths
        assert [c.first_name for c in listed[1:3]] == ["Bo", "Cy"]


def test_an_unknown_kind_cannot_be_deleted_and_a_trashed_row_is_not_deleted_twice(user, now):
    ana = _contact(user)
    with pytest.raises(NotFound, match="cannot be deleted"):
        data_queries.trashable(user, "spaceship", ana.pk)
    assert data_queries.trashable(user, "contact", ana.pk) == ana
    crm.move_to_trash(user, "contact", ana.pk, now)
    with pytest.raises(NotFound):
        data_queries.trashable(user, "contact", ana.pk)


def test_what_a_trashed_contact_takes_with_it_is_said_in_words(user):
    ana = _contact(user)
    start_conversation(user, {"contact": ana.pk})

    assert data_queries.trash_consequences(user, ana) == [
        "Their 1 conversation will be hidden with them."
    ]


def test_with_now_the_trash_lists_only_what_can_still_come_back(user, now):
    fresh, old = _contact(user), _contact(user, "Old")
    crm.move_to_trash(user, "contact", fresh.pk, now - timedelta(days=30))
    crm.move_to_trash(user, "contact", old.pk, now - timedelta(days=30, seconds=1))

    assert [i.item.pk for i in trashed_items(user, now=now)] == [fresh.pk]
    assert {i.item.pk for i in trashed_items(user)} == {fresh.pk, old.pk}


def test_another_users_import_is_not_found(user, outsider):
    data = LINKEDIN.read_bytes()
    theirs = commit_import(outsider, "linkedin", data).batch
    mine = commit_import(user, "linkedin", data).batch

    assert data_queries.import_batches(user, 50) == [mine]
    assert data_queries.owned_import_batch(user, mine.pk) == mine
    for pk in (theirs.pk, "x"):
        with pytest.raises(NotFound, match="No such import"):
            data_queries.owned_import_batch(user, pk)


def test_a_bad_column_mapping_is_refused_on_map():
    assert mapping_from_options(["first_name=Given,email=Mail"]) == {
        "first_name": "Given",
        "email": "Mail",
    }
    with pytest.raises(InvalidInput) as refused:
        mapping_from_options(["shoe=Size"])
    assert "'shoe' is not a field" in refused.value.errors["map"][0]


def test_a_user_is_new_until_they_have_a_contact_path_or_conversation(user, outsider):
    _contact(outsider)
    assert is_new(user)
    crm.create_career_path(user, {"title": "UX", "status": "exploring"})
    assert not is_new(user)


def test_has_notes_counts_only_the_users_live_notes(user, outsider, now):
    from coffeechat.services.conversations.actions import add_note

    theirs = start_conversation(outsider, {"contact": _contact(outsider).pk})
    add_note(outsider, theirs.pk, {"text": "not yours"})
    assert not has_notes(user)
    mine = start_conversation(user, {"contact": _contact(user).pk})
    note = add_note(user, mine.pk, {"text": "yours"})
    assert has_notes(user)
    crm.move_to_trash(user, "note", note.pk, now)
    assert not has_notes(user)


def test_the_contact_screen_shows_only_undoable_merges_and_live_conversations(user, outsider, now):
    from coffeechat.services.contacts.merge import merge_contacts, undo_merge
    from coffeechat.services.contacts.page import contact_screen

    ana, dup, again = _contact(user), _contact(user), _contact(user)
    moved = start_conversation(user, {"contact": dup.pk})
    merge_contacts(user, ana.pk, dup.pk, now)
    undo_merge(user, merge_contacts(user, ana.pk, again.pk, now).pk, now)

    screen = contact_screen(user, ana.pk, now)

    assert [m.merged_id for m in screen.merges] == [dup.pk]
    assert screen.conversations == [moved]
    assert screen.as_context()["contact"] == ana
    with pytest.raises(NotFound):
        contact_screen(user, _contact(outsider).pk, now)


def test_the_organization_screen_counts_its_alumni(user, outsider):
    from coffeechat.services.contacts.page import organization_screen

    org = _organization(user)
    _contact(user, organization=org.pk, source="alumni")
    _contact(user, "Bo", organization=org.pk)

    screen = organization_screen(user, org.pk)

    assert (len(screen.people), screen.alumni, screen.ranked.rank) == (2, 1, 1)
    with pytest.raises(NotFound):
        organization_screen(user, _organization(outsider).pk)

"""The import use cases: preview classes, one-batch commit, undo, no per-row queries."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.core.models import Contact, Conversation, ImportBatch, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.imports import commit_import, preview_import, undo_import
from coffeechat.services.errors import InvalidInput

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"
LINKEDIN = (SAMPLES / "linkedin_connections.csv").read_bytes()
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def made_up_name(i: int) -> str:
    """Distinct, dissimilar names, so similar-name matching stays out of the way."""
    return hashlib.sha256(str(i).encode()).hexdigest()[:10].title()


def linkedin_rows(count: int, start: int = 0) -> bytes:
    lines = [
        f"{made_up_name(i)},{made_up_name(-i)},https://www.linkedin.com/in/person-{i},"
        f"p{i}@example.org,"
        f"Company {i % 50},Engineer,12 Mar 2024\n"
        for i in range(start, start + count)
    ]
    return ("Notes:\n\n" + HEADER + "".join(lines)).encode()


def classes(preview):
    return {row.line: row.kind for row in preview.rows}


def test_a_first_import_creates_everyone_with_linkedin_as_source(user, now):
    result = commit_import(user, "linkedin", LINKEDIN, filename="Connections.csv")
    assert (result.created, result.updated, result.skipped, result.problems) == (4, 0, 0, 0)
    contacts = Contact.objects.for_user(user)
    assert {c.source for c in contacts} == {"linkedin"}
    priya = contacts.get(first_name="Priya")
    assert priya.connection == "Connected on LinkedIn since 12 Mar 2024."
    assert priya.import_batch == result.batch
    assert contacts.get(first_name="Sam").title == 'Data Analyst "Insights" team'


def test_acme_inc_with_and_without_comma_is_one_organization(user):
    crm.create_organization(user, {"name": "ACME Inc.", "motivation": 3, "posting": 2})
    commit_import(user, "linkedin", LINKEDIN)
    acme = Organization.objects.for_user(user).filter(name__icontains="acme")
    assert [org.name for org in acme] == ["ACME Inc."]
    assert set(acme[0].contacts.values_list("first_name", flat=True)) == {"Priya", "Sam"}


def test_an_update_fills_only_empty_fields_and_keeps_what_the_user_typed(user):
    typed = crm.create_contact(
        user,
        {"first_name": "Tomás", "last_name": "", "email": "TOMAS@example.org",
         "title": "PM (my words)", "source": "friend-family"},
    )  # fmt: skip
    preview = preview_import(user, "linkedin", LINKEDIN)
    row = next(r for r in preview.rows if r.contact_id == typed.pk)
    assert row.kind == "update"
    assert "last name" in row.reason and "LinkedIn URL" in row.reason
    commit_import(user, "linkedin", LINKEDIN)
    typed.refresh_from_db()
    assert typed.title == "PM (my words)"
    assert typed.source == "friend-family"
    assert typed.last_name == "O'Neill"
    assert typed.linkedin_url == "https://www.linkedin.com/in/tomas-oneill"
    assert typed.organization.name == "Globex"


def test_importing_the_same_file_twice_adds_nobody(user):
    commit_import(user, "linkedin", LINKEDIN)
    again = commit_import(user, "linkedin", LINKEDIN)
    assert (again.created, again.updated, again.skipped) == (0, 0, 4)
    assert Contact.objects.for_user(user).count() == 4
    assert all("already in your contacts" in row.reason for row in again.preview.rows)


def test_a_similar_name_at_the_same_organization_is_left_to_the_user(user):
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 0, "posting": 1})
    crm.create_contact(
        user, {"first_name": "Pria", "last_name": "Raman", "organization": acme.pk,
               "source": "other"},
    )  # fmt: skip
    preview = preview_import(user, "linkedin", LINKEDIN)
    row = next(r for r in preview.rows if r.line == 5)
    assert (row.kind, row.possible) == ("duplicate", True)
    assert "Pria Raman" in row.reason and "same organization" in row.reason

    skipped = commit_import(user, "linkedin", LINKEDIN, dry_run=True)
    assert skipped.created == 3
    as_new = commit_import(user, "linkedin", LINKEDIN, decisions={5: "new"}, dry_run=True)
    assert as_new.created == 4
    merged = commit_import(user, "linkedin", LINKEDIN, decisions={5: "merge"})
    assert merged.updated == 1
    pria = Contact.objects.for_user(user).get(first_name="Pria")
    assert pria.linkedin_url == "https://www.linkedin.com/in/priya-raman-ux"


def test_a_dry_run_writes_nothing(user):
    result = commit_import(user, "linkedin", LINKEDIN, dry_run=True)
    assert result.created == 4 and result.batch is None
    assert not Contact.objects.exists() and not ImportBatch.objects.exists()


def test_undo_removes_the_batch_and_empties_only_what_it_filled(user, now):
    typed = crm.create_contact(
        user, {"first_name": "Tomás", "email": "tomas@example.org", "source": "other"}
    )
    result = commit_import(user, "linkedin", LINKEDIN)
    typed.refresh_from_db()
    typed.last_name = "O'Neill-Díaz"  # the user corrects an imported value afterwards
    typed.save()
    undone = undo_import(user, result.batch.pk, now)
    assert (undone.removed, undone.kept) == (3, 0)
    typed.refresh_from_db()
    assert typed.linkedin_url == "" and typed.organization is None
    assert typed.last_name == "O'Neill-Díaz"
    assert list(Contact.objects.for_user(user)) == [typed]
    assert not Organization.objects.for_user(user).exists()
    with pytest.raises(InvalidInput, match="already undone"):
        undo_import(user, result.batch.pk, now)


def test_undo_keeps_an_imported_contact_the_user_has_started_a_conversation_with(user, now):
    result = commit_import(user, "linkedin", LINKEDIN)
    mei = Contact.objects.get(first_name="Mei")
    Conversation.objects.create(owner=user, contact=mei)
    undone = undo_import(user, result.batch.pk, now)
    assert (undone.removed, undone.kept) == (3, 1)
    assert list(Contact.objects.for_user(user)) == [mei]
    assert Organization.objects.for_user(user).get().name == "Initech"


def test_undo_keeps_what_the_user_edited_after_the_import(user, now):
    result = commit_import(user, "linkedin", LINKEDIN)
    # Stamp the rows as written a minute ago, then edit one contact and one organization.
    earlier = now - timedelta(minutes=1)
    Contact.objects.update(created_at=earlier, updated_at=earlier)
    Organization.objects.update(created_at=earlier, updated_at=earlier)
    crm.update_contact(user, Contact.objects.get(first_name="Sam").pk,
                       {"research_notes": "Runs the analytics guild."}, partial=True)  # fmt: skip
    globex = Organization.objects.get(name="Globex")
    crm.update_organization(user, globex.pk, {"motivation": 3}, partial=True)
    undone = undo_import(user, result.batch.pk, now)
    assert (undone.removed, undone.kept) == (3, 1)
    assert [c.first_name for c in Contact.objects.for_user(user)] == ["Sam"]
    assert sorted(Organization.objects.for_user(user).values_list("name", flat=True)) == [
        "Acme, Inc.",  # Sam still works there
        "Globex",  # edited: motivation 3
    ]


def test_another_users_batch_cannot_be_undone(user, outsider, now):
    result = commit_import(user, "linkedin", LINKEDIN)
    with pytest.raises(Exception, match="No import"):
        undo_import(outsider, result.batch.pk, now)
    assert Contact.objects.for_user(user).count() == 4


def test_problem_rows_are_reported_and_the_rest_imports(user):
    data = (HEADER + ",,,,Acme,,\nAda,L,,not-an-email,,,\nBo,K,,,Acme,,\n").encode()
    result = commit_import(user, "linkedin", data)
    problems = {row.line: row.reason for row in result.preview.rows if row.kind == "problem"}
    assert problems == {
        2: "has no first or last name",
        3: "email 'not-an-email' is not an email address",
    }
    assert result.created == 1 and result.problems == 2


def test_an_unreadable_file_is_invalid_input_naming_the_line(user):
    with pytest.raises(InvalidInput) as caught:
        commit_import(user, "linkedin", b'First Name,Last Name\n"Ada,L\n')
    assert caught.value.errors == {
        "file": ['line 2: a quoted cell starting on this line is never closed (a missing ")']
    }
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("size", [10, 1000])
def test_preview_and_commit_need_no_query_per_row(user, size, django_assert_max_num_queries):
    crm.create_contact(
        user, {"first_name": "Existing", "email": "p3@example.org", "source": "other"}
    )
    with django_assert_max_num_queries(4):
        preview_import(user, "linkedin", linkedin_rows(size))
    with CaptureQueriesContext(connection) as queries:
        commit_import(user, "linkedin", linkedin_rows(size))
    # New contacts go in one executemany per 500 rows, then are indexed for search
    # in one statement (SQLite), so the count grows with the chunks, never per row.
    # 4 more for the due index (its state, and the rebuild once it exists).
    assert len(queries) <= 24 + size // 500
    assert Contact.objects.for_user(user).count() == size + (1 if size <= 3 else 0)


def test_google_labels_and_notes_land_where_a_person_looks(user):
    data = (SAMPLES / "google_contacts.csv").read_bytes()
    commit_import(user, "google", data)
    grace = Contact.objects.for_user(user).get(first_name="Grace")
    assert grace.source == "alumni"  # from the label "Alumni"
    assert grace.email == "grace@navy.example"
    assert grace.research_notes == (
        "Met at the COBOL meetup.\nLoves nanoseconds.\n"
        "Other emails: g.hopper@example.org, grace@home.example\n"
        "Birthday: --12-09\nLabels: Alumni"
    )
    assert grace.linkedin_url == "https://www.linkedin.com/in/gracehopper"
    alan = Contact.objects.for_user(user).get(first_name="Alan")
    assert (alan.source, alan.organization.name) == ("other", "Acme, Inc.")


def test_a_vcard_and_a_linkedin_file_of_the_same_person_make_one_contact(user):
    vcard = (
        b"BEGIN:VCARD\nVERSION:3.0\nN:Chen;Mei;;;\n"
        b"EMAIL:mei.chen@example.com\nTEL:+1 555\nEND:VCARD\n"
    )
    commit_import(user, "vcard", vcard)
    result = commit_import(user, "linkedin", LINKEDIN)
    assert (result.created, result.updated) == (3, 1)
    mei = Contact.objects.for_user(user).get(first_name="Mei")
    assert (mei.phone, mei.title, mei.organization.name) == ("+1 555", "Staff Engineer", "Initech")
    assert mei.source == "other"  # the user's first source stays


COMMON_NAMES = [
    ("Wei", "Zhang"), ("Maria", "Garcia"), ("James", "Smith"), ("Priya", "Patel"),
    ("Mohammed", "Ali"), ("Anna", "Müller"), ("John", "Smith"), ("Jon", "Smith"),
]  # fmt: skip


def shared_names_file(organizations: int) -> tuple[bytes, int]:
    """Every common name once at each organization, each with their own email and profile."""
    lines = []
    for org in range(organizations):
        for n, (first, last) in enumerate(COMMON_NAMES):
            person = f"{org}-{n}"
            lines.append(
                f"{first},{last},https://www.linkedin.com/in/p-{person},p{person}@example.org,"
                f"Employer {org:03d},Engineer,12 Mar 2024\n"
            )
    return ("Notes:\n\n" + HEADER + "".join(lines)).encode(), len(lines)


def test_the_same_names_at_different_organizations_are_different_people(user):
    crm.create_contact(user, {"first_name": "Wei", "last_name": "Zhang", "source": "other"})
    globex = crm.create_organization(user, {"name": "Globex", "motivation": 0, "posting": 1})
    maria = {"first_name": "Maria", "last_name": "Garcia", "source": "other"}
    crm.create_contact(user, {**maria, "organization": globex.pk})
    data, people = shared_names_file(organizations=150)

    result = commit_import(user, "linkedin", data)

    # "Jon Smith" is a similar name to "John Smith" at the same employer: the user decides.
    possible = [row for row in result.preview.rows if row.possible]
    assert len(possible) == 150
    assert all("Jon Smith" in row.name for row in possible)
    assert (result.created, result.skipped, result.problems) == (people - 150, 150, 0)
    assert Contact.objects.for_user(user).filter(first_name="Wei").count() == 151


def test_a_possible_duplicate_nobody_decided_on_says_so(user):
    data, _ = shared_names_file(organizations=1)

    report = commit_import(user, "linkedin", data, dry_run=True)
    chosen = commit_import(user, "linkedin", data, default_decision="skip", dry_run=True)

    (undecided,) = report.preview.possible_duplicates
    assert "as you chose" not in undecided.reason
    assert undecided.reason.endswith("skipped until you choose to import or merge it")
    assert "as line 10 of this file" in undecided.reason
    assert chosen.preview.possible_duplicates[0].reason.endswith("skipped, as you chose")

"""A known person who moved: the re-import offers the new job, undo puts the old one back."""

from __future__ import annotations

import pytest
from django.utils import timezone

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.imports import commit_import, preview_import, undo_import

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _file(company: str, position: str) -> bytes:
    row = f"Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,ana@example.org,{company},{position},"
    return (HEADER + row + "03 Nov 2026\n").encode()


@pytest.fixture
def ana(user):
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    return crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "email": "ana@example.org",
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "organization": acme.pk,
            "title": "Data Analyst",
            "connection": "We met at Config 2025",
            "source": "alumni",
        },
    )


def test_a_new_employer_is_offered_as_an_update_naming_both_jobs(user, ana):
    [row] = preview_import(user, "linkedin", _file("Globex", "Senior Data Analyst")).rows

    assert row.kind == "update" and row.contact_id == ana.pk
    assert "changed jobs: now Senior Data Analyst at Globex (was Data Analyst at Acme)" in (
        row.reason
    )
    assert row.as_dict()["job_change"] == {
        "title": {"was": "Data Analyst", "now": "Senior Data Analyst"},
        "organization": {"was": "Acme", "now": "Globex"},
    }


def test_the_job_change_is_written_and_undo_restores_the_old_job(user, ana):
    result = commit_import(user, "linkedin", _file("Globex", "Senior Data Analyst"))
    ana.refresh_from_db()
    assert (ana.organization.name, ana.title) == ("Globex", "Senior Data Analyst")
    assert result.updated == 1

    undo_import(user, result.batch.pk, timezone.now())

    ana.refresh_from_db()
    assert (ana.organization.name, ana.title) == ("Acme", "Data Analyst")


def test_undo_leaves_a_title_the_user_changed_since_alone(user, ana):
    result = commit_import(user, "linkedin", _file("Globex", "Senior Data Analyst"))
    Contact.objects.filter(pk=ana.pk).update(title="Lead Analyst (my words)")

    undo_import(user, result.batch.pk, timezone.now())

    ana.refresh_from_db()
    assert ana.title == "Lead Analyst (my words)"
    assert ana.organization.name == "Acme"


def test_job_changes_can_be_left_out(user, ana):
    result = commit_import(
        user, "linkedin", _file("Globex", "Senior Data Analyst"), job_changes=False
    )

    [row] = result.preview.rows
    assert row.kind == "duplicate" and "left as it is, as you chose" in row.reason
    ana.refresh_from_db()
    assert (ana.organization.name, ana.title) == ("Acme", "Data Analyst")


def test_a_different_title_at_the_same_employer_is_not_a_job_change(user, ana):
    [row] = preview_import(user, "linkedin", _file("ACME", "Analytics Lead")).rows

    assert row.kind == "duplicate"
    assert row.as_dict()["job_change"] is None

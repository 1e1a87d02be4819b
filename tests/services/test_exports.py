"""Exports: JSON that restores byte-identical, CSV safe for spreadsheets, vCard that parses back."""

import csv
import io
import json
import zipfile

import pytest
import vobject

from coffeechat.core.models import (
    CareerPath,
    Contact,
    ImportBatch,
    Note,
    Organization,
    Template,
)
from coffeechat.importers.base import restore_cell
from coffeechat.sample.demo import load_demo
from coffeechat.services.accounts.signin import create_user
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.exports import (
    export_csv_tables,
    export_csv_zip,
    export_data,
    export_json,
    export_vcard,
)
from coffeechat.services.data.restore_json import import_json
from coffeechat.services.errors import InvalidInput
from coffeechat.services.reflection import paths as reflection


@pytest.fixture
def campaign(user, now):
    """The sample campaign plus the awkward cases: trash, links, odd text."""
    load_demo(user, now, contacts=6)
    org = Organization.objects.for_user(user).first()
    crm.move_to_trash(user, "organization", org.pk, now)
    note = Note.objects.for_user(user).first()
    crm.move_to_trash(user, "note", note.pk, now)
    batch = ImportBatch.objects.create(owner=user, kind="linkedin", filename="Connections.csv")
    Template.objects.create(owner=user, name="First note", body="Hi {first_name}", builtin=True)
    zoe = crm.create_contact(
        user,
        {
            "first_name": "Zoë",
            "last_name": '=HYPERLINK("http://evil")',
            "source": "other",
            "connection": 'Line one\nline two, with "quotes" and ünïcode ☕',
        },
    )
    Contact.objects.filter(pk=zoe.pk).update(import_batch=batch)
    path = CareerPath.objects.for_user(user).first()
    reflection.add_open_question(user, path.pk, {"text": "Is on-call work common?"})
    reflection.review_path(user, path.pk, {"status": "promising", "reason": "Loved it"}, now)
    return user


def test_a_json_export_restores_into_an_empty_account_byte_identical(campaign):
    first = export_json(campaign)
    fresh = create_user("newcomer", "another horse battery staple")
    counts = import_json(fresh, first)
    assert export_json(fresh) == first
    data = json.loads(first)
    assert counts == {name: len(rows) for name, rows in data["tables"].items()}
    # The campaign exercises every table, so the comparison covers every kind of row.
    assert [name for name, rows in data["tables"].items() if not rows] == []


def test_the_restored_account_works_the_same(campaign, now):
    fresh = create_user("newcomer", "another horse battery staple")
    import_json(fresh, export_json(campaign))
    mine = Contact.objects.for_user(campaign).count()
    assert Contact.objects.for_user(fresh).count() == mine
    assert Organization.objects.trashed_for_user(fresh).count() == 1
    restored = Contact.objects.for_user(fresh).filter(first_name="Zoë").get()
    assert restored.connection.endswith("ünïcode ☕")
    assert restored.owner == fresh


def test_the_export_holds_no_ids_of_this_database(user):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 1, "posting": 1})
    Organization.objects.filter(pk=org.pk).update(id=987)
    crm.create_contact(user, {"first_name": "Ana", "source": "other", "organization": 987})
    data = export_data(user)
    assert data["tables"]["organization"][0]["id"] == 1
    assert data["tables"]["contact"][0]["organization"] == 1
    assert "owner" not in data["tables"]["contact"][0]


def test_another_users_rows_are_not_exported(user, outsider):
    crm.create_contact(outsider, {"first_name": "Mallory", "source": "other"})
    assert "Mallory" not in export_json(user)


def test_restoring_into_an_account_with_data_is_refused_and_changes_nothing(campaign, outsider):
    crm.create_contact(outsider, {"first_name": "Mine", "source": "other"})
    with pytest.raises(InvalidInput, match="already has data \\(1 contact\\)"):
        import_json(outsider, export_json(campaign))
    assert Contact.objects.filter(owner=outsider).count() == 1


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ("{not json", "$", "not valid JSON at line 1, column 2"),
        (b"\xff\xfe", "$", "not UTF-8"),
        ("[1, 2]", "$", "a coffeechat export is a JSON object"),
        ('{"format": "other"}', "$.format", "this is not a coffeechat export"),
        ('{"format": "coffeechat-export", "version": 9}', "$.version", "not supported"),
    ],
)
def test_a_malformed_document_is_refused_naming_the_place(outsider, document, path, message):
    with pytest.raises(InvalidInput) as caught:
        import_json(outsider, document)
    assert path in caught.value.errors
    assert message in " ".join(caught.value.errors[path])


def _broken(user, change):
    data = json.loads(export_json(user))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["tables"]["contact"][0].update(email="not an email"),
            "$.tables.contact[0].email",
            "valid email",
        ),
        (
            lambda d: d["tables"]["contact"][0].update(organization=99),
            "$.tables.contact[0].organization",
            "refers to organization 99",
        ),
        (
            lambda d: d["tables"]["contact"][0].update(referred_by=99),
            "$.tables.contact[0].referred_by",
            "refers to contact 99",
        ),
        (
            lambda d: d["tables"]["contact"][0].update(created_at="yesterday"),
            "$.tables.contact[0].created_at",
            "must be a date and time",
        ),
        (
            lambda d: d["tables"]["contact"][0].update(shoe_size=44),
            "$.tables.contact[0].shoe_size",
            "unknown field",
        ),
        (
            lambda d: d["tables"]["organization"][0].update(motivation=7),
            "$.tables.organization[0].motivation",
            "less than or equal to 3",
        ),
        (
            lambda d: d["tables"]["organization"].append(d["tables"]["organization"][0]),
            "$.tables.organization[1].id",
            "unique",
        ),
        (lambda d: d["tables"].update(spaceships=[]), "$.tables.spaceships", "unknown table"),
        (lambda d: d["profile"].update(time_zone=None), "$.profile.time_zone", "may not be null"),
    ],
)
def test_a_bad_row_is_refused_by_its_path_and_nothing_is_restored(
    user, outsider, change, path, message
):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 1, "posting": 1})
    crm.create_contact(user, {"first_name": "Ana", "source": "other", "organization": org.pk})
    with pytest.raises(InvalidInput) as caught:
        import_json(outsider, _broken(user, change))
    assert message in " ".join(caught.value.errors.get(path, [])), caught.value.errors
    assert not Organization.objects.filter(owner=outsider).exists()
    assert not Contact.objects.filter(owner=outsider).exists()


def test_built_in_rows_of_a_new_account_are_replaced_not_doubled(user, outsider):
    Template.objects.create(owner=user, name="Mine", body="Hi {first_name}")
    Template.objects.create(owner=outsider, name="Seeded", body="x", builtin=True)
    import_json(outsider, export_json(user))
    assert list(Template.objects.filter(owner=outsider).values_list("name", flat=True)) == ["Mine"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(campaign):
    contacts = export_csv_tables(campaign)["contact.csv"]
    rows = list(csv.DictReader(io.StringIO(contacts)))
    zoe = next(row for row in rows if row["first_name"] == "Zoë")
    assert zoe["last_name"] == '\'=HYPERLINK("http://evil")'
    assert restore_cell(zoe["last_name"]) == '=HYPERLINK("http://evil")'
    assert zoe["connection"] == 'Line one\nline two, with "quotes" and ünïcode ☕'
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_the_csv_zip_has_one_file_per_table_and_the_profile(campaign):
    archive = zipfile.ZipFile(io.BytesIO(export_csv_zip(campaign)))
    names = set(archive.namelist())
    assert {"profile.csv", "contact.csv", "organization.csv", "note.csv"} <= names
    text = archive.read("organization.csv").decode("utf-8-sig")
    assert text.startswith("id,name,")
    assert export_csv_zip(campaign) == export_csv_zip(campaign)  # same data, same bytes


def test_vcards_parse_back_with_vobject(campaign):
    text = export_vcard(campaign)
    cards = list(vobject.readComponents(text))
    assert len(cards) == Contact.objects.for_user(campaign).count()
    zoe = next(card for card in cards if card.n.value.given == "Zoë")
    assert zoe.version.value == "4.0"
    assert zoe.fn.value == 'Zoë =HYPERLINK("http://evil")'
    assert "ünïcode ☕" in zoe.note.value
    assert zoe.categories.value == ["Other"]


def test_a_vcard_carries_email_phone_organization_title_and_linkedin(user):
    org = crm.create_organization(user, {"name": "Acme, Inc.", "motivation": 1, "posting": 1})
    crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "email": "ana@example.com",
            "phone": "+1 555 0100",
            "title": "Lead; UX",
            "organization": org.pk,
            "linkedin_url": "https://www.linkedin.com/in/ana",
            "source": "alumni",
        },
    )
    card = vobject.readOne(export_vcard(user))
    assert card.email.value == "ana@example.com"
    assert card.tel.value == "+1 555 0100"
    assert card.org.value == ["Acme, Inc."]
    assert card.title.value == "Lead; UX"
    assert card.url.value == "https://www.linkedin.com/in/ana"
    assert card.categories.value == ["Alumni"]


def test_a_fit_score_survives_the_round_trip_and_text_in_its_place_is_refused(campaign, outsider):
    data = json.loads(export_json(campaign))
    [decision] = data["tables"]["path_decision"]
    assert decision["fit_score"] is None or isinstance(decision["fit_score"], float)
    decision["fit_score"] = "high"
    with pytest.raises(InvalidInput) as caught:
        import_json(outsider, json.dumps(data))
    assert caught.value.errors["$.tables.path_decision[0].fit_score"] == ["must be a number"]


def test_the_csv_leaves_out_the_trash_but_still_names_a_trashed_organization(campaign):
    # The CSV's ids are the export's own, not the database's: rows are found by content.
    files = export_csv_tables(campaign)
    trashed_org = Organization.objects.trashed_for_user(campaign).get()
    trashed_note = Note.objects.trashed_for_user(campaign).get()
    organizations = list(csv.DictReader(io.StringIO(files["organization.csv"])))
    notes = list(csv.DictReader(io.StringIO(files["note.csv"])))
    assert trashed_org.name not in {row["name"] for row in organizations}
    assert len(organizations) == Organization.objects.for_user(campaign).count()
    assert sorted(row["text"] for row in notes) == sorted(
        Note.objects.for_user(campaign).values_list("text", flat=True)
    )
    assert trashed_note.text not in {row["text"] for row in notes}
    contacts = list(csv.DictReader(io.StringIO(files["contact.csv"])))
    at_trashed = Contact.objects.for_user(campaign).filter(organization=trashed_org)
    assert at_trashed.exists()
    for contact in at_trashed:
        [row] = [
            r
            for r in contacts
            if (r["first_name"], r["last_name"]) == (contact.first_name, contact.last_name)
        ]
        assert row["organization"] == trashed_org.name

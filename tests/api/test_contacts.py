"""CRUD, search and paging of /api/v1/contacts."""

from __future__ import annotations

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm


def test_a_contact_is_created_with_201_and_defaults(api, user, organization, career_path):
    response = api.post(
        "/contacts",
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "organization_id": organization.pk,
            "career_path_ids": [career_path.pk],
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Ada Lovelace"
    assert body["organization_id"] == organization.pk
    assert body["career_path_ids"] == [career_path.pk]
    assert body["source"] == "other"
    assert Contact.objects.for_user(user).get(pk=body["id"]).last_name == "Lovelace"


def test_a_contact_without_a_first_name_is_422_and_nothing_is_created(api, user):
    response = api.post("/contacts", {"last_name": "Nobody"})

    assert response.status_code == 422
    assert "first_name" in response.json()["errors"]
    assert not Contact.objects.filter(owner=user).exists()


def test_an_unknown_organization_id_on_a_contact_is_422_naming_it(api, user):
    response = api.post("/contacts", {"first_name": "Ada", "organization_id": 999999})

    assert response.status_code == 422
    assert "organization_id" in response.json()["errors"]
    assert not Contact.objects.filter(owner=user).exists()


def test_another_users_organization_cannot_be_set_on_a_contact(api, contact, foreign):
    outsiders_org = foreign["organizations"]

    response = api.patch(f"/contacts/{contact.pk}", {"organization_id": outsiders_org.pk})

    assert response.status_code == 422
    assert "organization_id" in response.json()["errors"]
    contact.refresh_from_db()
    assert contact.organization_id != outsiders_org.pk


def test_a_contact_is_read_by_id(api, contact):
    response = api.get(f"/contacts/{contact.pk}")

    assert response.status_code == 200
    assert response.json()["email"] == "grace@acme.example"


def test_patching_a_contact_keeps_the_fields_not_sent(api, contact, organization):
    response = api.patch(f"/contacts/{contact.pk}", {"title": "Rear Admiral"})

    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.title == "Rear Admiral"
    assert contact.first_name == "Grace"
    assert contact.email == "grace@acme.example"
    assert contact.organization_id == organization.pk
    assert contact.source == "alumni"


def test_patching_organization_id_to_null_clears_it(api, contact):
    response = api.patch(f"/contacts/{contact.pk}", {"organization_id": None})

    assert response.status_code == 200
    assert response.json()["organization_id"] is None
    contact.refresh_from_db()
    assert contact.organization_id is None


def test_a_bad_email_in_a_patch_is_422_and_changes_nothing(api, contact):
    response = api.patch(f"/contacts/{contact.pk}", {"email": "not an email", "title": "CTO"})

    assert response.status_code == 422
    assert "email" in response.json()["errors"]
    contact.refresh_from_db()
    assert contact.email == "grace@acme.example"
    assert contact.title == ""


def test_deleting_a_contact_moves_it_to_the_trash(api, user, contact):
    response = api.delete(f"/contacts/{contact.pk}")

    assert response.status_code == 204
    contact.refresh_from_db()
    assert contact.deleted_at is not None
    assert api.get(f"/contacts/{contact.pk}").status_code == 404
    assert api.get("/contacts").json()["count"] == 0


def test_the_list_finds_contacts_by_name_or_organization(api, user, contact):
    crm.create_contact(user, {"first_name": "Alan", "last_name": "Turing", "source": "other"})

    by_name = api.get("/contacts", q="turing").json()
    by_org = api.get("/contacts", q="acme").json()
    by_full_name = api.get("/contacts", q="grace hopper").json()

    assert [c["name"] for c in by_name["items"]] == ["Alan Turing"]
    assert [c["name"] for c in by_org["items"]] == ["Grace Hopper"]
    assert [c["name"] for c in by_full_name["items"]] == ["Grace Hopper"]


def test_the_list_pages_with_limit_and_offset(api, user):
    for last_name in ["Adams", "Baker", "Clark", "Davis"]:
        crm.create_contact(user, {"first_name": "Pat", "last_name": last_name, "source": "other"})

    page = api.get("/contacts", limit=2, offset=1).json()

    assert page["count"] == 4
    assert [c["last_name"] for c in page["items"]] == ["Baker", "Clark"]


def test_the_list_never_shows_another_users_contacts(api, contact, foreign):
    names = [c["name"] for c in api.get("/contacts").json()["items"]]

    assert names == ["Grace Hopper"]


def test_a_limit_of_zero_is_422_with_a_message(api):
    response = api.get("/contacts", limit=0)

    assert response.status_code == 422
    assert "limit" in response.json()["errors"]


def test_a_contacts_career_paths_are_replaced_by_a_patch(api, user, contact, career_path):
    other = crm.create_career_path(user, {"title": "Teaching", "status": "exploring"})
    api.patch(f"/contacts/{contact.pk}", {"career_path_ids": [career_path.pk]})

    response = api.patch(f"/contacts/{contact.pk}", {"career_path_ids": [other.pk]})

    assert response.json()["career_path_ids"] == [other.pk]
    assert list(contact.career_paths.values_list("pk", flat=True)) == [other.pk]


def test_a_contact_whose_organization_was_trashed_can_still_be_patched(
    api, user, contact, organization, now
):
    crm.move_to_trash(user, "organization", organization.pk, now)

    response = api.patch(f"/contacts/{contact.pk}", {"title": "CTO"})

    assert response.status_code == 200
    assert response.json()["organization_id"] == organization.pk


def test_listing_contacts_costs_the_same_queries_for_two_or_twenty(api, user, career_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/contacts").status_code == 200
        return len(captured)

    for number in range(2):
        crm.create_contact(
            user, {"first_name": f"P{number}", "source": "other", "career_paths": [career_path.pk]}
        )
    few = queries_for_listing()
    for number in range(2, 20):
        crm.create_contact(
            user, {"first_name": f"P{number}", "source": "other", "career_paths": [career_path.pk]}
        )

    assert queries_for_listing() == few

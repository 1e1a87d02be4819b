"""CRUD of /api/v1/organizations (ranked, with advocacy) and /api/v1/career-paths."""

from __future__ import annotations

from coffeechat.core.models import CareerPath, Organization
from coffeechat.services.contacts import actions as crm


def test_an_organization_is_created_with_201_and_no_advocacy_yet(api, user):
    response = api.post("/organizations", {"name": "Initech", "industry": "Software"})

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Initech"
    assert body["motivation"] == 0
    assert body["posting"] == 1
    assert body["advocacy"] == 0
    assert Organization.objects.for_user(user).filter(name="Initech").exists()


def test_a_motivation_above_three_is_422_and_nothing_is_created(api, user):
    response = api.post("/organizations", {"name": "Initech", "motivation": 7})

    assert response.status_code == 422
    assert "motivation" in response.json()["errors"]
    assert not Organization.objects.filter(owner=user).exists()


def test_the_list_is_ranked_and_counts_live_contacts_as_advocacy(
    api, user, organization, contact, now
):
    crm.create_organization(user, {"name": "Dream Co", "motivation": 3, "posting": 2})
    gone = crm.create_contact(
        user, {"first_name": "Old", "source": "other", "organization": organization.pk}
    )
    crm.move_to_trash(user, "contact", gone.pk, now)

    items = api.get("/organizations").json()["items"]

    assert [(o["name"], o["advocacy"]) for o in items] == [("Dream Co", 0), ("Acme", 1)]


def test_an_organization_is_read_with_its_advocacy(api, organization, contact):
    body = api.get(f"/organizations/{organization.pk}").json()

    assert body["name"] == "Acme"
    assert body["advocacy"] == 1


def test_patching_an_organization_keeps_the_fields_not_sent(api, organization):
    response = api.patch(f"/organizations/{organization.pk}", {"posting": 3})

    assert response.status_code == 200
    organization.refresh_from_db()
    assert organization.posting == 3
    assert organization.motivation == 2
    assert organization.name == "Acme"


def test_a_bad_website_is_422_and_changes_nothing(api, organization):
    response = api.patch(f"/organizations/{organization.pk}", {"website": "not a url"})

    assert response.status_code == 422
    assert "website" in response.json()["errors"]
    organization.refresh_from_db()
    assert organization.website == ""


def test_deleting_an_organization_moves_it_to_the_trash(api, organization):
    assert api.delete(f"/organizations/{organization.pk}").status_code == 204

    organization.refresh_from_db()
    assert organization.deleted_at is not None
    assert api.get("/organizations").json()["items"] == []


def test_the_organization_list_filters_by_name(api, user, organization):
    crm.create_organization(user, {"name": "Globex", "motivation": 0, "posting": 1})

    items = api.get("/organizations", q="glob").json()["items"]

    assert [o["name"] for o in items] == ["Globex"]


def test_a_career_path_is_created_listed_changed_and_trashed(api, user):
    created = api.post("/career-paths", {"title": "Product management", "field": "Tech"})
    assert created.status_code == 201
    path_id = created.json()["id"]
    assert created.json()["status"] == "exploring"

    listed = api.get("/career-paths").json()
    assert [p["title"] for p in listed["items"]] == ["Product management"]

    patched = api.patch(f"/career-paths/{path_id}", {"status": "promising"})
    assert patched.status_code == 200
    path = CareerPath.objects.get(pk=path_id)
    assert (path.status, path.field) == ("promising", "Tech")

    assert api.get(f"/career-paths/{path_id}").json()["status"] == "promising"
    assert api.delete(f"/career-paths/{path_id}").status_code == 204
    assert api.get(f"/career-paths/{path_id}").status_code == 404


def test_an_unknown_career_path_status_is_422_and_changes_nothing(api, career_path):
    response = api.patch(f"/career-paths/{career_path.pk}", {"status": "obsessed"})

    assert response.status_code == 422
    assert "status" in response.json()["errors"]
    career_path.refresh_from_db()
    assert career_path.status == "exploring"


# -- targets area (issue 3) --
def test_who_do_i_know_ranks_people_with_reasons(api, user):
    org = crm.create_organization(user, {"name": "Beta", "motivation": 2, "posting": 1})
    crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    for first, title, source in [
        ("Bo", "Account Executive", "other"),
        ("Ana", "UX Researcher", "alumni"),
    ]:
        crm.create_contact(
            user, {"first_name": first, "title": title, "source": source, "organization": org.pk}
        )
    people = api.get(f"/organizations/{org.pk}/people").json()
    assert [p["name"] for p in people] == ["Ana", "Bo"]
    assert {"text": "alumni of your school", "points": 2} in people[0]["reasons"]
    assert api.get(f"/organizations/{org.pk}").json()["alumni"] == 1


def test_who_do_i_know_at_another_users_organization_is_404(api, outsider):
    theirs = crm.create_organization(outsider, {"name": "X", "motivation": 1, "posting": 1})
    assert api.get(f"/organizations/{theirs.pk}/people").status_code == 404

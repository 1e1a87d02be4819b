"""Another user's rows do not exist for this user: 404 on every verb, nothing changed."""

from __future__ import annotations

import pytest

RESOURCES = ["contacts", "organizations", "career-paths", "conversations"]
PATCHABLE = ["contacts", "organizations", "career-paths"]
CHANGES = {
    "contacts": {"first_name": "X"},
    "organizations": {"name": "X"},
    "career-paths": {"title": "X"},
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_another_users_row_is_404_on_get(api, foreign, resource):
    response = api.get(f"/{resource}/{foreign[resource].pk}")

    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize("resource", PATCHABLE)
def test_another_users_row_is_404_on_patch_and_unchanged(api, foreign, resource):
    row = foreign[resource]
    before = {field: getattr(row, field) for field in ["updated_at", *_fields(resource)]}

    response = api.patch(f"/{resource}/{row.pk}", CHANGES[resource])

    assert response.status_code == 404
    row.refresh_from_db()
    assert {field: getattr(row, field) for field in before} == before


@pytest.mark.parametrize("resource", RESOURCES)
def test_another_users_row_is_404_on_delete_and_stays_out_of_the_trash(api, foreign, resource):
    row = foreign[resource]

    response = api.delete(f"/{resource}/{row.pk}")

    assert response.status_code == 404
    row.refresh_from_db()
    assert row.deleted_at is None


def test_another_users_conversation_is_404_for_events_and_stays_planned(api, foreign):
    conversation = foreign["conversations"]

    response = api.post(f"/conversations/{conversation.pk}/events", {"type": "request_sent"})

    assert response.status_code == 404
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    assert conversation.requested_at is None


def test_another_users_conversation_is_404_for_notes(api, foreign):
    conversation = foreign["conversations"]

    assert api.post(f"/conversations/{conversation.pk}/notes", {"text": "hi"}).status_code == 404
    assert api.get(f"/conversations/{conversation.pk}/notes").status_code == 404
    assert not conversation.notes.exists()


def test_a_conversation_cannot_be_started_with_another_users_contact(api, foreign):
    response = api.post("/conversations", {"contact_id": foreign["contacts"].pk})

    assert response.status_code == 422
    assert "contact_id" in response.json()["errors"]


def test_an_id_that_never_existed_is_404_too(api):
    assert api.get("/contacts/424242").status_code == 404


def _fields(resource: str) -> list[str]:
    return list(CHANGES[resource])


def test_patching_a_conversation_changes_its_length(api, user, now):
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations import actions as conversations

    contact = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    conversation = conversations.start_conversation(user, {"contact": contact.pk})
    response = api.patch(f"/conversations/{conversation.pk}", {"planned_minutes": 45})
    assert response.status_code == 200
    assert response.json()["planned_minutes"] == 45
    refused = api.patch(f"/conversations/{conversation.pk}", {"planned_minutes": 500})
    assert refused.status_code == 422 and "planned_minutes" in refused.json()["errors"]

"""/api/v1/action-items: the same checks as the page; another user's item is a 404."""

from tests.reflection_data import campaign


def test_an_item_is_created_changed_done_undone_and_trashed(api, user, now):
    conversation = campaign(user, now).conversations[0]
    created = api.post(
        "/action-items",
        {
            "text": "Take the SQL course",
            "kind": "course",
            "due": "2026-11-20",
            "conversation_id": conversation.pk,
        },
    )
    assert created.status_code == 201
    item = created.json()
    assert item["career_path_id"] == conversation.career_path_id and item["done"] is False
    changed = api.patch(f"/action-items/{item['id']}", {"due": "2026-11-27", "done": True})
    assert changed.json()["due"] == "2026-11-27" and changed.json()["done"] is True
    assert api.get("/action-items").json()["count"] == 0
    assert api.get("/action-items", done="true").json()["items"][0]["id"] == item["id"]
    assert api.patch(f"/action-items/{item['id']}", {"done": False}).json()["done_at"] is None
    assert api.delete(f"/action-items/{item['id']}").status_code == 204
    assert api.get(f"/action-items/{item['id']}").status_code == 404


def test_bad_input_names_the_api_field(api, user, outsider, now):
    theirs = campaign(outsider, now).conversations[0]
    response = api.post(
        "/action-items", {"text": "x", "kind": "hobby", "conversation_id": theirs.pk}
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"kind", "conversation_id"}


def test_another_users_item_is_a_404(api, outsider):
    from coffeechat.services.conversations.action_items import create_action_item

    theirs = create_action_item(outsider, {"text": "x", "kind": "other"})
    assert api.get(f"/action-items/{theirs.pk}").status_code == 404
    assert api.patch(f"/action-items/{theirs.pk}", {"done": True}).status_code == 404
    assert api.delete(f"/action-items/{theirs.pk}").status_code == 404

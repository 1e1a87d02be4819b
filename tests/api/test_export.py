"""GET /api/v1/export: the same restorable document as the CLI and the web page."""

from coffeechat.services.data.exports import export_json


def test_the_export_is_the_json_document_byte_for_byte(api, user, contact):
    response = api.get("/export")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.content.decode() == export_json(user)
    assert response.json()["tables"]["contact"][0]["first_name"] == contact.first_name


def test_the_export_needs_a_token(client, db):
    assert client.get("/api/v1/export").status_code == 401


def test_the_export_holds_only_the_callers_data(api, user, outsider):
    from coffeechat.services.contacts import actions as crm

    crm.create_contact(outsider, {"first_name": "Mallory", "source": "other"})
    assert "Mallory" not in api.get("/export").content.decode()

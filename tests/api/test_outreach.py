"""POST /outreach/check and the readable drafts, messages and templates."""

from coffeechat.services.outreach import composer as outreach


def test_check_answers_every_applicable_check(api):
    body = {
        "channel": "email",
        "kind": "request",
        "subject": "",
        "body": "Hi! Any openings on your team?",
    }
    response = api.post("/outreach/check", body)
    assert response.status_code == 200
    results = {r["id"]: r for r in response.json()}
    assert set(results["no-job-ask"]) == {"id", "passed", "severity", "message", "excerpt"}
    assert results["no-job-ask"]["passed"] is False
    assert results["no-job-ask"]["severity"] == "error"
    assert results["no-job-ask"]["excerpt"] == "Any openings on your team?"
    assert results["subject"]["passed"] is False
    assert results["placeholders"]["passed"] is True


def test_check_refuses_an_unknown_channel_by_field(api):
    response = api.post("/outreach/check", {"channel": "fax", "body": "x"})
    assert response.status_code == 422
    assert "channel" in response.json()["errors"]


def test_check_takes_every_message_kind_the_composer_writes(api):
    # The API once listed its own kinds and refused a time confirmation.
    response = api.post(
        "/outreach/check",
        {"kind": "confirmation", "subject": "Confirming Tuesday", "body": "See you at 10."},
    )
    assert response.status_code == 200, response.json()


def test_check_with_a_conversation_uses_its_highlights(api, user, conversation):
    from coffeechat.core.models import Note

    Note.objects.create(
        owner=user, conversation=conversation, text="Try the SQL bootcamp", highlight=True
    )
    body = {
        "kind": "thank-you",
        "subject": "Thanks",
        "conversation_id": conversation.pk,
        "body": "Thanks! I signed up for the SQL bootcamp you suggested.",
    }
    results = {r["id"]: r for r in api.post("/outreach/check", body).json()}
    assert results["thank-you-specific"]["passed"] is True


def test_drafts_and_sent_messages_are_readable_per_conversation(api, user, conversation, now):
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi Grace"}
    outreach.save_composer_draft(user, conversation.pk, data)
    drafts = api.get(f"/outreach/conversations/{conversation.pk}/messages", state="draft").json()
    assert [(m["body"], m["sent_at"]) for m in drafts] == [("Hi Grace", None)]
    outreach.mark_sent(user, conversation.pk, data, now)
    sent = api.get(f"/outreach/conversations/{conversation.pk}/messages", state="sent").json()
    assert [m["kind"] for m in sent] == ["request"]
    assert (
        api.get(f"/outreach/conversations/{conversation.pk}/messages", state="draft").json() == []
    )


def test_templates_are_readable_and_compose_fills_one(api, conversation):
    templates = api.get("/outreach/templates").json()
    request = next(t for t in templates if t["name"] == "First request (email)")
    assert api.get(f"/outreach/templates/{request['id']}").json()["body"] == request["body"]
    filled = api.post(
        f"/outreach/conversations/{conversation.pk}/compose", {"template_id": request["id"]}
    ).json()
    assert filled["body"].startswith("Hi Grace,")
    assert "my_interest" in filled["missing"]


def test_another_users_conversation_is_a_404(client, outsider, conversation):
    from coffeechat.services.accounts.signin import create_api_token
    from tests.api.conftest import ApiClient

    other = ApiClient(client, create_api_token(outsider))
    assert other.get(f"/outreach/conversations/{conversation.pk}/messages").status_code == 404
    body = {"kind": "thank-you", "body": "x", "conversation_id": conversation.pk}
    assert other.post("/outreach/check", body).status_code == 404

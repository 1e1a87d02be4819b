"""GET /stats and GET /insights/notes: the page's figures and search, as JSON."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from coffeechat.core.models import CareerPath, Conversation, Message, Note, Referral
from coffeechat.services.contacts import actions as crm


def _held(user, contact, path=None):
    moment = timezone.now() - timedelta(days=10)
    conversation = Conversation.objects.create(
        owner=user,
        contact=contact,
        career_path=path,
        requested_at=moment,
        replied_at=moment + timedelta(days=1),
        held_at=moment + timedelta(days=3),
        planned_minutes=45,
    )
    Message.objects.create(
        owner=user, contact=contact, conversation=conversation, kind="request", sent_at=moment
    )
    return conversation


def test_stats_answer_the_figures_behind_every_chart(api, user, contact):
    path = CareerPath.objects.create(owner=user, title="Data engineering")
    _held(user, contact, path)
    other = crm.create_contact(user, {"first_name": "Alan", "source": "referral"})
    Referral.objects.create(owner=user, from_contact=contact, to_contact=other)

    response = api.get("/stats")
    assert response.status_code == 200
    body = response.json()
    assert [(s["key"], s["count"]) for s in body["funnel"]] == [
        ("identified", 2),
        ("requested", 1),
        ("replied", 1),
        ("held", 1),
        ("thanked", 0),
        ("referred", 1),
    ]
    (source,) = body["response_rate_by_source"]
    assert (source["key"], source["requested"], source["replied"], source["rate"]) == (
        "alumni",
        1,
        1,
        1.0,
    )
    assert body["response_rate_by_channel"][0]["key"] == "email"
    assert body["typical_rate"] == [0.2, 0.4]
    assert body["median_business_days_to_reply"] is not None
    assert len(body["weekly_activity"]) == 12
    assert sum(w["messages_sent"] for w in body["weekly_activity"]) == 1
    assert body["time_by_career_path"] == [
        {"career_path": "Data engineering", "conversations": 1, "minutes": 45}
    ]
    assert body["total_minutes"] == 45
    names = {node["name"] for node in body["referral_tree"]["nodes"]}
    assert names == {"Grace Hopper", "Alan"}
    assert body["referral_tree"]["edges"] == [
        {"from_contact_id": contact.pk, "to_contact_id": other.pk, "primary": True}
    ]


def test_stats_of_a_new_user_are_zeros_not_errors(api):
    body = api.get("/stats").json()
    assert [s["count"] for s in body["funnel"]] == [0] * 6
    assert body["response_rate_by_source"] == []
    assert body["median_business_days_to_reply"] is None
    assert body["referral_tree"] == {"nodes": [], "edges": []}


def test_stats_need_credentials(client):
    assert client.get("/api/v1/stats").status_code == 401


def test_note_search_returns_marked_escaped_snippets_and_themes(api, user, conversation):
    Note.objects.create(
        owner=user, conversation=conversation, text="Learn <i>SQL</i> first", tags=["skills"]
    )
    Note.objects.create(owner=user, conversation=conversation, text="Culture is calm")
    body = api.get("/insights/notes", q="sql").json()
    assert body["count"] == 1
    (hit,) = body["items"]
    assert hit["snippet_html"] == "Learn &lt;i&gt;<mark>SQL</mark>&lt;/i&gt; first"
    assert hit["conversation_id"] == conversation.pk
    assert body["themes"] == [{"tag": "skills", "count": 1}]


def test_note_search_accepts_any_text_and_refuses_another_users_path(api, outsider):
    assert api.get("/insights/notes", q='NEAR("a" OR *').status_code == 200
    theirs = CareerPath.objects.create(owner=outsider, title="Theirs")
    refused = api.get("/insights/notes", career_path_id=theirs.pk)
    assert refused.status_code == 422
    assert "career_path_id" in refused.json()["errors"]


def test_stats_count_a_meeting_booked_without_a_recorded_request(api, conversation):
    # They agreed on the phone: the conversation goes straight from planned to booked.
    booked = api.post(
        f"/conversations/{conversation.pk}/events",
        {"type": "scheduled", "starts_at": "2026-11-10T10:00", "time_zone": "UTC"},
    )
    assert booked.status_code == 200

    response = api.get("/stats")

    assert response.status_code == 200
    body = response.json()
    assert [s["count"] for s in body["funnel"]] == [1, 1, 1, 0, 0, 0]
    assert body["response_rate_by_source"] == []
    assert body["median_business_days_to_reply"] is None

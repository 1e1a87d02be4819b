"""GET /api/v1/today: the same list as the web page, moved by events recorded via the API."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from coffeechat.services.today.due_list import moment_for, today_for
from coffeechat.web.links import door_url

NEW_YORK = ZoneInfo("America/New_York")


def _kinds(api, as_of: str) -> list[str]:
    response = api.get("/today", as_of=as_of)
    assert response.status_code == 200
    assert response.json()["as_of"] == as_of
    return [action["kind"] for action in response.json()["actions"]]


def test_a_new_user_has_nothing_due(api):
    body = api.get("/today").json()

    assert body["actions"] == []
    assert len(body["as_of"]) == len("2026-11-03")


def _day_chosen(conversation) -> str:
    """The research rule counts from when the contact was chosen (the real clock)."""
    return conversation.created_at.astimezone(NEW_YORK).date().isoformat()


def test_each_action_carries_what_a_client_needs(api, user, conversation):
    actions = api.get("/today", as_of=_day_chosen(conversation)).json()["actions"]

    research = next(a for a in actions if a["kind"] == "research")
    assert research["title"] == "Research Grace Hopper"
    assert research["contact_id"] == conversation.contact_id
    assert research["conversation_id"] == conversation.pk
    assert research["reason"].startswith("Research rule")
    assert research["url"].startswith("/contacts/")
    for key in ["due", "due_at", "overdue", "bucket", "organization_id", "career_path_id"]:
        assert key in research


def test_the_list_matches_the_service_for_the_same_day(api, user, conversation):
    as_of = _day_chosen(conversation)
    expected = today_for(user, moment_for(date.fromisoformat(as_of), NEW_YORK))

    actions = api.get("/today", as_of=as_of).json()["actions"]

    assert actions == [{**item.as_dict(), "url": door_url(item.action)} for item in expected.items]
    assert actions


def test_a_positive_reply_brings_schedule_and_booking_removes_it(api, conversation, now):
    events = f"/conversations/{conversation.pk}/events"
    tomorrow = (now + timedelta(days=1)).date().isoformat()

    api.post(events, {"type": "request_sent", "at": (now - timedelta(days=1)).isoformat()})
    assert "schedule" not in _kinds(api, tomorrow)

    api.post(events, {"type": "reply_received", "sentiment": "positive", "at": now.isoformat()})
    assert "schedule" in _kinds(api, tomorrow)

    starts_at = (now + timedelta(days=7)).replace(tzinfo=None).isoformat()
    booked = api.post(events, {"type": "scheduled", "starts_at": starts_at})
    assert booked.status_code == 200
    assert "schedule" not in _kinds(api, tomorrow)


def test_a_date_that_is_not_a_date_is_422_naming_as_of(api):
    response = api.get("/today", as_of="next tuesday")

    assert response.status_code == 422
    body = response.json()
    assert body["message"].startswith("as_of: ")
    assert "as_of" in body["errors"]


def test_a_date_too_far_ahead_to_count_from_is_422_not_a_crash(api):
    response = api.get("/today", as_of="9999-12-31")

    assert response.status_code == 422
    assert "as_of" in response.json()["errors"]

"""POST /conversations/{id}/interview/start-now: a call that was never booked."""

from __future__ import annotations

from coffeechat.services.conversations.actions import record_event


def test_an_unbooked_call_is_booked_as_now_and_the_clock_starts(api, conversation):
    response = api.post(f"/conversations/{conversation.pk}/interview/start-now", {})
    assert response.status_code == 200
    body = response.json()
    assert body["stage"] == "scheduled" and body["time_zone"] == "America/New_York"
    conversation.refresh_from_db()
    assert conversation.interview_started_at is not None and conversation.starts_at is not None


def test_a_closed_conversation_is_422_and_unchanged(api, user, conversation, now):
    record_event(user, conversation.pk, {"type": "closed", "reason": "no_response"}, now)
    response = api.post(f"/conversations/{conversation.pk}/interview/start-now", {})
    assert response.status_code == 422
    conversation.refresh_from_db()
    assert conversation.start_date is None and conversation.interview_started_at is None


def test_another_users_conversation_is_404(api, foreign):
    response = api.post(f"/conversations/{foreign['conversations'].pk}/interview/start-now", {})
    assert response.status_code == 404

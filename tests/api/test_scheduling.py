"""GET /conversations/{id}/slots and /conversations/{id}/invite.ics."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from icalendar import Calendar

from coffeechat.services.conversations.actions import record_event
from coffeechat.services.scheduling.availability import Row, update_availability
from coffeechat.services.scheduling.booking import book_slot


def reply(user, conversation):
    record_event(user, conversation.pk, {"type": "request_sent"}, timezone.now())
    record_event(
        user, conversation.pk, {"type": "reply_received", "sentiment": "positive"}, timezone.now()
    )


def test_slots_come_with_both_zones_and_the_snippet(api, user, conversation, contact):
    update_availability(user, [Row(str(day), "09:00", "12:00") for day in range(5)])
    contact.time_zone = "Europe/London"
    contact.save()
    response = api.get(f"/conversations/{conversation.pk}/slots", count=4)
    assert response.status_code == 200
    body = response.json()
    assert len(body["slots"]) == 4
    assert (body["user_time_zone"], body["contact_time_zone"]) == (
        "America/New_York",
        "Europe/London",
    )
    first = body["slots"][0]
    start, their_start = (datetime.fromisoformat(first[k]) for k in ("start", "contact_start"))
    assert start == their_start  # one instant, two wall clocks
    assert start.utcoffset() != their_start.utcoffset()
    assert first["text"] in body["snippet"] and "your time (" in first["text"]


def test_no_slots_says_why(api, conversation):
    body = api.get(f"/conversations/{conversation.pk}/slots").json()
    assert body["slots"] == [] and "no weekly availability" in body["message"]
    assert body["snippet"] == body["message"]


def test_a_count_out_of_range_is_refused(api, conversation):
    response = api.get(f"/conversations/{conversation.pk}/slots", count=50)
    assert response.status_code == 422


def test_the_invite_is_a_calendar_once_booked(api, user, conversation):
    assert api.get(f"/conversations/{conversation.pk}/invite.ics").status_code == 404
    reply(user, conversation)
    book_slot(user, conversation.pk, "2031-03-04T10:00:00-05:00", timezone.now())
    response = api.get(f"/conversations/{conversation.pk}/invite.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(event["attendee"]) == "mailto:grace@acme.example"


def test_another_users_conversation_is_a_404(api, foreign):
    conversation = foreign["conversations"]
    assert api.get(f"/conversations/{conversation.pk}/slots").status_code == 404
    assert api.get(f"/conversations/{conversation.pk}/invite.ics").status_code == 404


def test_the_conversations_routes_still_answer(api, conversation):
    assert api.get(f"/conversations/{conversation.pk}").status_code == 200
    assert api.get(f"/conversations/{conversation.pk}/notes").status_code == 200

"""The scheduling pages: propose times, book, the invite, availability; Today links there."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from coffeechat.core.models import Conversation
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import record_event, start_conversation
from coffeechat.services.scheduling.availability import Row, update_availability
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url

EVERY_WEEKDAY = [Row(str(day), "08:00", "18:00") for day in range(5)]


@pytest.fixture
def replied(user):
    """A conversation with a positive reply, the contact in the user's zone; real clock."""
    now = timezone.now()
    update_availability(user, EVERY_WEEKDAY)
    contact = crm.create_contact(
        user,
        {"first_name": "Grace", "last_name": "Hopper", "source": "alumni", "email": "g@a.example"},
    )
    contact.time_zone = "America/Chicago"
    contact.save()
    conversation = start_conversation(user, {"contact": contact.pk})
    record_event(user, conversation.pk, {"type": "request_sent"}, now - timedelta(days=2))
    record_event(user, conversation.pk, {"type": "reply_received", "sentiment": "positive"}, now)
    return conversation


def test_todays_schedule_action_leads_to_the_propose_page(user, replied):
    items = today_for(user, timezone.now()).items
    schedule = next(item for item in items if item.action.kind.value == "schedule")
    assert door_url(schedule.action) == reverse("web:conversation_propose", args=[replied.pk])


def test_the_conversation_page_links_to_propose_times(signed_in, replied):
    page = signed_in.get(reverse("web:conversation", args=[replied.pk])).content.decode()
    assert reverse("web:conversation_propose", args=[replied.pk]) in page


def test_the_propose_page_lists_slots_in_both_zones_with_the_snippet(signed_in, replied):
    response = signed_in.get(reverse("web:conversation_propose", args=[replied.pk]), {"count": 5})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Book this slot") == 5
    assert "your time (" in page and "for me)" in page  # the snippet, their time first
    assert 'id="copy-snippet"' in page


def test_booking_a_slot_schedules_the_interview_and_offers_the_invite(signed_in, replied):
    page = signed_in.get(reverse("web:conversation_propose", args=[replied.pk])).content.decode()
    start = page.split('name="start" value="', 1)[1].split('"', 1)[0]
    response = signed_in.post(reverse("web:conversation_book", args=[replied.pk]), {"start": start})
    assert response.status_code == 302
    replied.refresh_from_db()
    assert replied.stage == "scheduled" and replied.time_zone == "America/New_York"
    after = signed_in.get(response.url).content.decode()
    assert "Booked" in after and "Download invite (.ics)" in after
    invite = signed_in.get(reverse("web:conversation_invite", args=[replied.pk]))
    assert invite["Content-Type"].startswith("text/calendar")
    assert Calendar.from_ical(invite.content)["method"] == "REQUEST"


def test_a_refused_booking_says_why_and_changes_nothing(signed_in, replied):
    response = signed_in.post(
        reverse("web:conversation_book", args=[replied.pk]), {"start": "2001-01-01T10:00:00+00:00"}
    )
    assert response.status_code == 422
    assert "already passed" in response.content.decode()
    replied.refresh_from_db()
    assert replied.stage == "replied"


def test_cancelling_closes_it_and_the_invite_becomes_a_cancellation(signed_in, replied):
    page = signed_in.get(reverse("web:conversation_propose", args=[replied.pk])).content.decode()
    start = page.split('name="start" value="', 1)[1].split('"', 1)[0]
    signed_in.post(reverse("web:conversation_book", args=[replied.pk]), {"start": start})
    signed_in.post(reverse("web:conversation_cancel", args=[replied.pk]))
    invite = signed_in.get(reverse("web:conversation_invite", args=[replied.pk]))
    assert Calendar.from_ical(invite.content)["method"] == "CANCEL"
    assert Conversation.objects.get(pk=replied.pk).close_reason == "cancelled"


def test_no_invite_before_booking(signed_in, replied):
    assert signed_in.get(reverse("web:conversation_invite", args=[replied.pk])).status_code == 404


def test_another_users_conversation_is_not_found(client, outsider, replied):
    client.force_login(outsider)
    for name in ("web:conversation_propose", "web:conversation_invite"):
        assert client.get(reverse(name, args=[replied.pk])).status_code == 404
    booking = client.post(reverse("web:conversation_book", args=[replied.pk]), {"start": "x"})
    assert booking.status_code == 404


def test_without_availability_the_page_says_what_to_do(signed_in, user, replied):
    update_availability(user, [])
    page = signed_in.get(reverse("web:conversation_propose", args=[replied.pk])).content.decode()
    assert "no weekly availability yet" in page
    assert reverse("web:availability") in page


def test_the_availability_page_saves_rows(signed_in, user):
    response = signed_in.post(
        reverse("web:availability"),
        {
            "weekday": ["1", "3", "0"],
            "start": ["09:00", "13:30", ""],
            "end": ["11:00", "15:00", ""],
        },
    )
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.availability == [
        {"weekday": 1, "start": "09:00", "end": "11:00"},
        {"weekday": 3, "start": "13:30", "end": "15:00"},
    ]
    page = signed_in.get(reverse("web:availability")).content.decode()
    assert 'value="13:30"' in page


def test_the_availability_page_names_the_bad_row_and_keeps_the_input(signed_in, user):
    response = signed_in.post(
        reverse("web:availability"),
        {"weekday": ["1", "1"], "start": ["09:00", "12:00"], "end": ["11:00", "10:00"]},
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Row 2: the window ends before it starts." in page
    assert 'value="12:00"' in page  # what was typed is still there
    user.profile.refresh_from_db()
    assert user.profile.availability == []


def test_the_profile_page_links_the_scheduling_settings(signed_in):
    page = signed_in.get(reverse("web:profile")).content.decode()
    assert reverse("web:availability") in page and reverse("web:calendar_feed") in page


def test_the_conversation_page_shows_the_start_in_your_zone_and_theirs(signed_in, replied):
    # Booked as 10:00 Chicago wall time; Ada reads pages in New York, an hour ahead.
    replied.start_date = timezone.now().date() + timedelta(days=3)
    replied.start_time = time(10, 0)
    replied.time_zone = "America/Chicago"
    replied.save()
    page = signed_in.get(reverse("web:conversation", args=[replied.pk])).content.decode()
    assert "11:00 your time (10:00 in America/Chicago)" in page


def test_a_booking_offers_to_email_the_invite_from_the_composer(signed_in, replied):
    page = signed_in.get(reverse("web:conversation_propose", args=[replied.pk])).content.decode()
    start = page.split('name="start" value="', 1)[1].split('"', 1)[0]
    signed_in.post(reverse("web:conversation_book", args=[replied.pk]), {"start": start})
    after = signed_in.get(reverse("web:conversation_propose", args=[replied.pk])).content.decode()
    assert reverse("web:composer", args=[replied.pk]) + "?kind=confirmation" in after

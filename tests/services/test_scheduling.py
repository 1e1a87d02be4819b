"""Proposing, booking, rescheduling and cancelling; the invite those produce."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from coffeechat.core.models import PlannedQuestion, Question
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import record_event, start_conversation
from coffeechat.services.errors import InvalidInput
from coffeechat.services.scheduling.availability import Row, update_availability
from coffeechat.services.scheduling.booking import book_slot, cancel_interview, propose_times
from coffeechat.services.scheduling.invites import invite_ics

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def make_conversation(user, now, *, zone="Europe/Berlin", first="Grace", purpose=""):
    contact = crm.create_contact(
        user,
        {
            "first_name": first,
            "last_name": "Hopper",
            "email": f"{first.lower()}@acme.example",
            "source": "alumni",
            "time_zone": zone,
        },
    )
    conversation = start_conversation(user, {"contact": contact.pk, "purpose": purpose})
    record_event(user, conversation.pk, {"type": "request_sent"}, now - timedelta(days=3))
    record_event(
        user,
        conversation.pk,
        {"type": "reply_received", "sentiment": "positive"},
        now - timedelta(days=1),
    )
    return conversation


def set_windows(user, *rows):
    update_availability(user, [Row(*row) for row in rows])


def local_starts(times, zone=NY):
    return [row["user_start"].astimezone(zone).strftime("%a %d %H:%M") for row in times.rows]


@pytest.mark.django_db
def test_slots_come_from_the_profile_and_skip_the_users_holidays(user, now):
    set_windows(user, ("2", "10:00", "11:00"))  # Wednesdays; 11 November is Veterans Day
    conversation = make_conversation(user, now)
    times = propose_times(user, conversation.pk, now, count=5)
    assert local_starts(times) == ["Wed 04 10:00", "Wed 04 10:30"]
    assert times.snippet.splitlines()[1] == "- Wed 4 Nov, 16:00–16:30 your time (10:00 for me)"
    assert any("United States" in note for note in times.notes)


@pytest.mark.django_db
def test_the_contacts_holidays_come_from_their_time_zone(user):
    now = datetime(2026, 3, 30, 9, 0, tzinfo=NY)
    set_windows(user, ("4", "10:00", "10:30"))  # Fridays; Good Friday is a holiday in Germany
    in_berlin = make_conversation(user, now, zone="Europe/Berlin")
    in_chicago = make_conversation(user, now, zone="America/Chicago", first="Linus")
    assert local_starts(propose_times(user, in_berlin.pk, now)) == ["Fri 10 10:00"]
    assert local_starts(propose_times(user, in_chicago.pk, now)) == [
        "Fri 03 10:00",
        "Fri 10 10:00",
    ]


@pytest.mark.django_db
def test_another_booked_interview_blocks_its_time_and_the_buffer(user, now):
    set_windows(user, ("2", "10:00", "11:00"))
    first = make_conversation(user, now)
    second = make_conversation(user, now, first="Linus")
    book_slot(user, first.pk, "2026-11-04T10:00:00-05:00", now)
    times = propose_times(user, second.pk, now)
    assert times.rows == []
    assert "No 30-minute slot" in times.snippet
    # The booked conversation is not blocked by its own booking (rescheduling next to it).
    assert local_starts(propose_times(user, first.pk, now)) == ["Wed 04 10:30"]


@pytest.mark.django_db
def test_booking_stores_wall_time_and_zone_and_moves_the_stage(user, now):
    set_windows(user, ("2", "10:00", "11:00"))
    conversation = make_conversation(user, now)
    booked = book_slot(user, conversation.pk, "2026-11-04T16:00:00+01:00", now)
    assert booked.stage == "scheduled"
    assert (str(booked.start_date), str(booked.start_time), booked.time_zone) == (
        "2026-11-04",
        "10:00:00",
        "America/New_York",
    )
    assert booked.invite_sequence == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "start, message",
    [("2026-11-02T10:00:00-05:00", "already passed"), ("tomorrow", "not a slot start")],
)
def test_a_bad_or_past_start_is_refused_and_changes_nothing(user, now, start, message):
    conversation = make_conversation(user, now)
    with pytest.raises(InvalidInput, match=message):
        book_slot(user, conversation.pk, start, now)
    conversation.refresh_from_db()
    assert conversation.stage == "replied" and conversation.start_date is None


def parse(ics: bytes):
    calendar = Calendar.from_ical(ics)
    return calendar, next(iter(calendar.walk("VEVENT")))


@pytest.mark.django_db
def test_the_invite_carries_zone_people_agenda_and_a_reminder(user, now):
    user.email = "ada@example.org"
    user.save()
    conversation = make_conversation(user, now, purpose="How you moved from QA into data.")
    question = Question.objects.create(
        owner=user,
        text="What does a typical week look like?",
        category="day_to_day",
        tiara="insights",
    )
    PlannedQuestion.objects.create(owner=user, conversation=conversation, question=question)
    booked = book_slot(user, conversation.pk, "2026-11-04T10:00:00-05:00", now)
    calendar, event = parse(invite_ics(booked))
    assert calendar["method"] == "REQUEST"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert event.decoded("dtstart") == datetime(2026, 11, 4, 10, 0, tzinfo=NY)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=30)
    assert str(event["organizer"]) == "mailto:ada@example.org"
    assert event["organizer"].params["CN"] == "Ada Student"
    assert str(event["attendee"]) == "mailto:grace@acme.example"
    description = str(event["description"])
    assert "How you moved from QA into data." not in description  # a private note
    assert "1. What does a typical week look like?" in description
    alarm = next(iter(event.walk("VALARM")))
    assert alarm.decoded("trigger") == -timedelta(minutes=15)
    assert event["sequence"] == 0


@pytest.mark.django_db
def test_rescheduling_keeps_the_uid_and_raises_the_sequence_and_cancelling_sends_cancel(user, now):
    conversation = make_conversation(user, now)
    first = book_slot(user, conversation.pk, "2026-11-04T10:00:00-05:00", now)
    _, original = parse(invite_ics(first))
    moved = book_slot(user, conversation.pk, "2026-11-05T11:00:00-05:00", now)
    _, update = parse(invite_ics(moved))
    cancelled = cancel_interview(user, conversation.pk, now)
    calendar, cancel = parse(invite_ics(cancelled))
    assert original["uid"] == update["uid"] == cancel["uid"]
    assert (original["sequence"], update["sequence"], cancel["sequence"]) == (0, 1, 2)
    assert update.decoded("dtstart") == datetime(2026, 11, 5, 11, 0, tzinfo=NY)
    assert calendar["method"] == "CANCEL" and cancel["status"] == "CANCELLED"
    assert cancelled.stage == "closed" and cancelled.close_reason == "cancelled"


@pytest.mark.django_db
def test_no_invite_and_no_cancelling_before_a_booking(user, now):
    conversation = make_conversation(user, now)
    with pytest.raises(InvalidInput, match="No interview is booked"):
        invite_ics(conversation)
    with pytest.raises(InvalidInput, match="Only a booked interview"):
        cancel_interview(user, conversation.pk, now)


@pytest.mark.django_db
def test_availability_rows_are_refused_by_row_number_and_nothing_is_saved(user):
    set_windows(user, ("0", "09:00", "12:00"))
    with pytest.raises(InvalidInput) as refused:
        update_availability(
            user,
            [
                Row("1", "10:00", "12:00"),
                Row("1", "14:00", "13:00"),
                Row("0", "", ""),  # blank: ignored
                Row("1", "11:00", "15:00"),
                Row("3", "09:00", ""),
            ],
        )
    assert refused.value.errors["availability"] == [
        "Row 2: the window ends before it starts.",
        "Row 5: give both a start and an end time.",
        "Row 4 overlaps row 1 (Tuesday 10:00–12:00).",
    ]
    user.profile.refresh_from_db()
    assert user.profile.availability == [{"weekday": 0, "start": "09:00", "end": "12:00"}]


@pytest.mark.django_db
def test_availability_is_saved_in_day_order(user):
    windows = update_availability(
        user, [Row("4", "13:00", "15:00"), Row("", "", ""), Row("0", "09:00", "10:30")]
    )
    assert [w.as_dict() for w in windows] == [
        {"weekday": 0, "start": "09:00", "end": "10:30"},
        {"weekday": 4, "start": "13:00", "end": "15:00"},
    ]


@pytest.mark.django_db
def test_the_booked_time_is_not_offered_again(user, now):
    set_windows(user, ("2", "10:00", "11:00"))
    conversation = make_conversation(user, now)
    book_slot(user, conversation.pk, "2026-11-04T10:00:00-05:00", now)
    assert local_starts(propose_times(user, conversation.pk, now)) == ["Wed 04 10:30"]

"""The private calendar feed: a secret URL, shown once, resettable; no private notes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from coffeechat.core.models import CalendarFeed, hash_secret
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import add_note, record_event, start_conversation
from coffeechat.services.scheduling.calendar_feed import create_feed_secret, export_ics, feed_ics

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 10, 20, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def booked(user, first: str, start: str, zone: str = "America/Chicago"):
    contact = crm.create_contact(
        user,
        {"first_name": first, "last_name": "Lee", "source": "alumni", "research_notes": ""},
    )
    conversation = start_conversation(user, {"contact": contact.pk, "purpose": "SECRET PURPOSE"})
    record_event(user, conversation.pk, {"type": "request_sent"}, NOW - timedelta(days=5))
    record_event(
        user,
        conversation.pk,
        {"type": "scheduled", "starts_at": start, "time_zone": zone},
        NOW - timedelta(days=1),
    )
    return conversation


@pytest.fixture
def interviews(user):
    before = booked(user, "Sam", "2026-10-28T10:00")  # Chicago on daylight time (UTC-5)
    after = booked(user, "Kim", "2026-11-04T10:00")  # after 1 November: standard time (UTC-6)
    add_note(user, after.pk, {"text": "SECRET NOTE about Kim"})
    after.contact.research_notes = "SECRET RESEARCH"
    after.contact.save()
    planned = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    start_conversation(user, {"contact": planned.pk})  # "Research Ana" is due
    return before, after


def events_by_summary(ics: bytes) -> dict[str, object]:
    return {str(e["summary"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}


def test_a_10am_chicago_interview_stays_10am_chicago_after_the_dst_change(user, interviews):
    ics = feed_ics(user, NOW)
    events = events_by_summary(ics)
    sam, kim = events["Coffee chat with Sam Lee"], events["Coffee chat with Kim Lee"]
    assert sam["dtstart"].params["TZID"] == kim["dtstart"].params["TZID"] == "America/Chicago"
    for event, utc_hour in ((sam, 15), (kim, 16)):
        start = event.decoded("dtstart")
        assert (start.astimezone(CHICAGO).hour, start.minute) == (10, 0)
        assert start.astimezone(UTC).hour == utc_hour


def test_vobject_reads_the_same_feed_with_the_same_times(user, interviews):
    calendar = vobject.readOne(feed_ics(user, NOW).decode())
    starts = {
        event.summary.value: event.dtstart.value
        for event in calendar.vevent_list
        if event.summary.value.startswith("Coffee chat")
    }
    kim = starts["Coffee chat with Kim Lee"]
    assert (kim.astimezone(CHICAGO).hour, kim.astimezone(UTC).hour) == (10, 16)
    sam = starts["Coffee chat with Sam Lee"]
    assert (sam.astimezone(CHICAGO).hour, sam.astimezone(UTC).hour) == (10, 15)
    assert any(tz.tzid.value == "America/Chicago" for tz in calendar.vtimezone_list)


def test_due_today_actions_are_all_day_events(user, interviews):
    now = timezone.now()  # the planned conversation was created on the real clock
    events = events_by_summary(feed_ics(user, now))
    research = events["Research Ana"]
    assert (
        research.decoded("dtstart") == timezone.localtime(now, ZoneInfo("America/New_York")).date()
    )
    assert research["transp"] == "TRANSPARENT"
    assert str(research["description"]).strip()  # the rule's reason


def test_the_feed_carries_no_notes_research_or_purpose(user, interviews):
    text = feed_ics(user, NOW).decode()
    assert "SECRET" not in text


def test_the_export_has_every_interview(user, interviews):
    summaries = set(events_by_summary(export_ics(user, NOW)))
    assert summaries == {"Coffee chat with Sam Lee", "Coffee chat with Kim Lee"}


def test_the_secret_has_256_bits_and_only_its_hash_is_stored(user):
    secret = create_feed_secret(user)
    assert len(secret) >= 43  # 32 random bytes in URL-safe base64
    feed = CalendarFeed.objects.get(owner=user)
    assert feed.token_hash == hash_secret(secret) and secret not in feed.token_hash


def feed_url_from(page: str) -> str:
    return re.search(r'value="(http[^"]+/calendar/[^"]+\.ics)"', page).group(1)


def test_the_address_is_shown_once_and_serves_the_feed(signed_in, client, user, interviews):
    created = signed_in.post(reverse("web:calendar_feed"), {"action": "create"}).content.decode()
    url = feed_url_from(created)
    assert "shown only once" in created
    assert (
        url.split("/calendar/")[1]
        not in signed_in.get(reverse("web:calendar_feed")).content.decode()
    )
    client.logout()
    response = client.get(url.replace("http://testserver", ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"Coffee chat with Kim Lee" in response.content
    calendar = vobject.readOne(response.content.decode())
    links = {str(e.summary.value): e.url.value for e in calendar.vevent_list if hasattr(e, "url")}
    kim = next(link for summary, link in links.items() if "Kim Lee" in summary)
    assert re.fullmatch(r"http://testserver/conversations/\d+/", kim)  # opens its page


def test_a_wrong_or_reset_address_gets_404(signed_in, client, user):
    first = feed_url_from(
        signed_in.post(reverse("web:calendar_feed"), {"action": "create"}).content.decode()
    )
    second = feed_url_from(
        signed_in.post(reverse("web:calendar_feed"), {"action": "create"}).content.decode()
    )
    path = lambda url: url.replace("http://testserver", "")  # noqa: E731
    assert client.get(path(first)).status_code == 404
    assert client.get(path(second)).status_code == 200
    assert client.get(path(second)[:-10] + "wrongtoken.ics").status_code == 404
    signed_in.post(reverse("web:calendar_feed"), {"action": "stop"})
    assert client.get(path(second)).status_code == 404


def test_on_this_computer_the_page_says_google_and_outlook_com_cannot_reach_it(signed_in, settings):
    settings.BASE_URL = "http://127.0.0.1:8000/"
    page = signed_in.get(reverse("web:calendar_feed")).content.decode()
    assert "The address is on <strong>this computer</strong> (http://testserver/)" in page
    assert "Google Calendar and Outlook.com cannot use it" in page
    assert "Thunderbird" in page and "Apple Calendar" in page
    assert "Other calendars → From URL" not in page


@pytest.mark.parametrize(
    "base", ["http://localhost:8000/", "http://[::1]:8000/", "http://127.0.0.2/"]
)
def test_every_loopback_address_counts_as_this_computer(signed_in, settings, base):
    settings.BASE_URL = base
    assert "cannot use it" in signed_in.get(reverse("web:calendar_feed")).content.decode()


def test_a_server_deployment_with_a_public_address_offers_google_and_outlook_com(
    signed_in, settings
):
    settings.BASE_URL = "https://coffeechat.example.edu/"
    settings.ALLOWED_HOSTS = ["coffeechat.example.edu", "testserver"]
    page = signed_in.get(reverse("web:calendar_feed"), HTTP_HOST="coffeechat.example.edu")
    text = page.content.decode()
    assert "runs at <strong>https://coffeechat.example.edu/</strong>" in text
    assert "Google Calendar (Other calendars → From URL)" in text
    assert "cannot use it" not in text


def test_opened_through_localhost_the_address_shown_is_local_whatever_the_setting(
    signed_in, settings
):
    settings.BASE_URL = "https://coffeechat.example.edu/"
    settings.ALLOWED_HOSTS = ["localhost"]
    page = signed_in.get(reverse("web:calendar_feed"), HTTP_HOST="localhost:8000").content.decode()
    assert "cannot use it" in page
    assert "this computer</strong> (http://localhost:8000/)" in page

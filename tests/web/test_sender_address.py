"""The profile's email is who invites and downloaded emails come from."""

from __future__ import annotations

import email
from email import policy

import pytest
from django.urls import reverse
from icalendar import Calendar

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.scheduling.invites import invite_ics

NO_SENDER = "Your profile has no email address"


@pytest.fixture
def booked(user, now):
    profile = user.profile
    profile.name = "Michael Brooks"
    profile.save()
    contact = crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni", "email": "ana@x.example"},
    )
    conversation = conversations.start_conversation(user, {"contact": contact.pk})
    for event in (
        {"type": "request_sent"},
        {"type": "reply_received", "sentiment": "positive"},
        {"type": "scheduled", "starts_at": "2026-11-10T10:00", "time_zone": "America/Chicago"},
    ):
        conversation = conversations.record_event(user, conversation.pk, event, now)
    return conversation


def set_profile_email(client, user, address):
    page = client.get(reverse("web:profile")).content.decode()
    assert 'name="email"' in page
    data = {
        "name": "Michael Brooks",
        "email": address,
        "time_zone": "America/New_York",
        "default_minutes": "30",
    }
    response = client.post(reverse("web:profile"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.profile.refresh_from_db()


def test_the_profile_email_is_the_invites_organizer(signed_in, user, booked):
    set_profile_email(signed_in, user, "michael@example.com")
    event = Calendar.from_ical(invite_ics(booked)).walk("VEVENT")[0]
    assert str(event["organizer"]) == "mailto:michael@example.com"
    assert event["organizer"].params["CN"] == "Michael Brooks"


def test_the_eml_comes_from_the_profile_email(signed_in, user, booked):
    set_profile_email(signed_in, user, "michael@example.com")
    response = signed_in.post(
        reverse("web:composer_eml", args=[booked.pk]),
        {"channel": "email", "kind": "confirmation", "subject": "Confirmed", "body": "Hi Ana"},
    )
    message = email.message_from_bytes(response.content, policy=policy.default)
    assert message["From"] == "Michael Brooks <michael@example.com>"


def test_without_an_email_the_invite_pages_say_so_and_link_the_profile(signed_in, booked):
    for name in ("web:conversation_propose", "web:composer"):
        page = signed_in.get(reverse(name, args=[booked.pk])).content.decode()
        assert NO_SENDER in page, name
        assert reverse("web:profile") + "#id_email" in page


def test_with_an_email_the_warning_is_gone(signed_in, user, booked):
    set_profile_email(signed_in, user, "michael@example.com")
    for name in ("web:conversation_propose", "web:composer"):
        assert NO_SENDER not in signed_in.get(reverse(name, args=[booked.pk])).content.decode()


def test_a_malformed_email_is_refused_on_the_profile(signed_in, user):
    response = signed_in.post(
        reverse("web:profile"),
        {"name": "M", "email": "michael at home", "time_zone": "UTC", "default_minutes": "30"},
    )
    assert response.status_code == 422
    assert "Enter a valid email address." in response.content.decode()
    user.profile.refresh_from_db()
    assert user.profile.email == ""

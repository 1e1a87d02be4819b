"""The calendar invite travels with the time confirmation sent through SMTP (aiosmtpd)."""

from __future__ import annotations

import email
from email import policy

from django.urls import reverse
from icalendar import Calendar

from coffeechat.services.conversations import actions as conversations
from tests.services.test_smtp import _configure, conversation, smtp_server  # noqa: F401

CONFIRMATION = {
    "channel": "email",
    "kind": "confirmation",
    "subject": "Our conversation, confirmed",
    "body": "Hi Ana,\n\nThank you! The invite is attached.\n\nAda",
    "attach_invite": "1",
}


def _book(user, conversation, now):  # noqa: F811
    conversation.refresh_from_db()
    if conversation.stage == "planned":
        conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user, conversation.pk, {"type": "reply_received", "sentiment": "positive"}, now
    )
    return conversations.record_event(
        user,
        conversation.pk,
        {"type": "scheduled", "starts_at": "2026-11-10T10:00", "time_zone": "America/Chicago"},
        now,
    )


def _calendar_parts(raw: bytes):
    message = email.message_from_bytes(raw, policy=policy.default)
    return [part for part in message.walk() if part.get_content_type() == "text/calendar"]


def test_the_confirmation_carries_a_request_invite_icalendar_reads(
    signed_in,
    user,
    conversation,  # noqa: F811
    smtp_server,  # noqa: F811
    now,
):
    inbox, port = smtp_server()
    _configure(user, port)
    _book(user, conversation, now)
    response = signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), CONFIRMATION)
    assert response.status_code == 302
    ((_, _, raw),) = inbox.messages
    (part,) = _calendar_parts(raw)
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invite.ics"
    calendar = Calendar.from_ical(part.get_content())
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (10, "America/Chicago")
    assert "ana@example.com" in str(event["attendee"])
    conversation.refresh_from_db()
    assert conversation.stage == "scheduled"  # a confirmation moves no stage
    sent = conversation.messages.get(kind="confirmation")
    assert sent.sent_at is not None


def test_no_invite_when_the_box_is_unticked_or_nothing_is_booked(
    signed_in,
    user,
    conversation,  # noqa: F811
    smtp_server,  # noqa: F811
    now,
):
    inbox, port = smtp_server()
    _configure(user, port)
    request = {**CONFIRMATION, "kind": "request", "body": "Would you have 20 minutes?"}
    signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), request)
    _book(user, conversation, now)
    unticked = {**CONFIRMATION, "attach_invite": ""}
    signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), unticked)
    assert len(inbox.messages) == 2
    assert [_calendar_parts(raw) for _, _, raw in inbox.messages] == [[], []]


def test_a_cancelled_interview_sends_the_cancellation(
    signed_in,
    user,
    conversation,  # noqa: F811
    smtp_server,  # noqa: F811
    now,
):
    inbox, port = smtp_server()
    _configure(user, port)
    _book(user, conversation, now)
    conversations.record_event(
        user, conversation.pk, {"type": "closed", "reason": "cancelled"}, now
    )
    composer = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    assert "Attach the calendar cancellation" in composer
    signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), CONFIRMATION)
    ((_, _, raw),) = inbox.messages
    (part,) = _calendar_parts(raw)
    assert part.get_param("method") == "CANCEL"
    assert Calendar.from_ical(part.get_content())["method"] == "CANCEL"


def test_the_composer_on_a_booked_conversation_offers_the_confirmation_with_the_time(
    signed_in,
    user,
    conversation,  # noqa: F811
    now,
):
    _book(user, conversation, now)
    page = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    assert 'id="attach-invite"' in page and "checked" in page.split('id="attach-invite"')[1][:40]
    # The built-in template fills the time in the contact's zone (none set: the interview's).
    assert "Tue 10 Nov, 10:00" in page


def test_the_eml_download_carries_the_invite_too(
    signed_in,
    user,
    conversation,  # noqa: F811
    now,
):
    _book(user, conversation, now)
    response = signed_in.post(reverse("web:composer_eml", args=[conversation.pk]), CONFIRMATION)
    (part,) = _calendar_parts(response.content)
    assert part.get_param("method") == "REQUEST"
    assert Calendar.from_ical(part.get_content())["method"] == "REQUEST"

"""Recording replies from the contact page and the follow-up composer; response speed shown."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations

NY = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 2, 10, 0, tzinfo=NY)


@pytest.fixture
def requested(user):
    ana = crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"})
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, MONDAY)
    return conversation


def _reply(client, conversation, sentiment, at, next_url=""):
    url = reverse("web:record_reply", args=[conversation.pk])
    data = {"sentiment": sentiment, "at": at, "body": "Happy to chat!", "next": next_url}
    return client.post(url, data, follow=True)


@pytest.mark.parametrize(
    ("at", "badge", "days"),
    [
        ("2026-11-05T16:00", "Quick responder", "answered in 3 business days"),
        ("2026-11-06T09:00", "Slow responder", "answered in 4 business days"),
    ],
)
def test_a_reply_from_the_contact_page_shows_the_response_speed(
    signed_in, requested, at, badge, days
):
    contact_url = reverse("web:contact", args=[requested.contact_id])
    page = signed_in.get(contact_url).content.decode()
    assert "Waiting for a reply" in page
    assert 'aria-label="Record a reply from Ana"' in page
    response = _reply(signed_in, requested, "positive", at, contact_url)
    page = response.content.decode()
    assert "Reply from Ana Ruiz recorded: Positive." in page
    assert badge in page and days in page
    assert "They wrote: Reply" in page and "Happy to chat!" in page  # on the timeline
    requested.refresh_from_db()
    assert requested.stage == "replied"


def test_an_out_of_office_keeps_the_request_waiting(signed_in, requested):
    _reply(signed_in, requested, "out_of_office", "2026-11-03T08:00")
    requested.refresh_from_db()
    assert requested.stage == "requested"
    assert requested.replied_at is None


def test_a_negative_reply_closes_it(signed_in, requested):
    _reply(signed_in, requested, "negative", "2026-11-03T08:00")
    requested.refresh_from_db()
    assert (requested.stage, requested.close_reason) == ("closed", "declined")


def test_a_reply_without_a_sentiment_changes_nothing(signed_in, requested):
    response = _reply(signed_in, requested, "", "")
    assert "Reply not recorded" in response.content.decode()
    requested.refresh_from_db()
    assert requested.stage == "requested"


def test_the_follow_up_composer_offers_to_record_a_reply(signed_in, requested):
    url = reverse("web:composer", args=[requested.pk]) + "?kind=follow-up"
    page = signed_in.get(url).content.decode()
    assert "They replied?" in page
    assert reverse("web:record_reply", args=[requested.pk]) in page


def test_no_response_after_closing_without_a_reply(signed_in, user, requested):
    conversations.record_event(
        user, requested.pk, {"type": "closed", "reason": "no_response"}, MONDAY
    )
    page = signed_in.get(reverse("web:contact", args=[requested.contact_id])).content.decode()
    assert "No response" in page


def test_another_users_conversation_cannot_get_a_reply(client, outsider, requested):
    client.force_login(outsider)
    response = client.post(
        reverse("web:record_reply", args=[requested.pk]), {"sentiment": "positive"}
    )
    assert response.status_code == 404

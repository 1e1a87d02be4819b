"""A call that was never booked starts on the spot; ending any call opens the thank-you."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import Note
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations import interview
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url


@pytest.fixture
def unbooked(user):
    sam = crm.create_contact(
        user, {"first_name": "Sam", "last_name": "Lee", "source": "event", "email": "s@x.example"}
    )
    return conversations.start_conversation(user, {"contact": sam.pk, "planned_minutes": 20})


@pytest.mark.parametrize("stage_events", [[], ["request_sent"]], ids=["planned", "requested"])
def test_an_unbooked_call_is_booked_as_now_in_the_users_zone_and_the_clock_starts(
    signed_in, user, unbooked, stage_events
):
    for event in stage_events:
        conversations.record_event(user, unbooked.pk, {"type": event}, timezone.now())
    page = signed_in.get(reverse("web:interview", args=[unbooked.pk])).content.decode()
    assert "Start the call now" in page and "End interview" not in page
    before = timezone.now().replace(second=0, microsecond=0)
    response = signed_in.post(
        reverse("web:interview_start_unbooked", args=[unbooked.pk]), follow=True
    )
    page = response.content.decode()
    assert "Booked as now" in page and "End interview" in page
    unbooked.refresh_from_db()
    assert unbooked.stage == "scheduled"
    assert unbooked.time_zone == "America/New_York"
    assert before <= unbooked.starts_at <= timezone.now()
    assert unbooked.interview_started_at is not None
    assert unbooked.starts_at.tzinfo == ZoneInfo("America/New_York")


def test_a_held_or_closed_conversation_cannot_start_an_unbooked_call(user, unbooked, now):
    conversations.record_event(user, unbooked.pk, {"type": "closed", "reason": "no_response"}, now)
    with pytest.raises(InvalidInput):
        interview.start_unbooked(user, unbooked.pk, now)
    unbooked.refresh_from_db()
    assert unbooked.start_date is None


def test_ending_opens_the_thank_you_with_the_highlighted_points(signed_in, user, unbooked, now):
    interview.start_unbooked(user, unbooked.pk, now)
    Note.objects.create(
        owner=user, conversation=unbooked, text="Shadow a support shift first", highlight=True
    )
    response = signed_in.post(reverse("web:interview_end", args=[unbooked.pk]))
    assert response.url == reverse("web:composer", args=[unbooked.pk]) + "?kind=thank-you"
    composer = signed_in.get(response.url).content.decode()
    assert "Shadow a support shift first" in composer
    thank = [i for i in today_for(user, now + timedelta(hours=2)).items if i.action.kind == "thank"]
    assert thank and door_url(thank[0].action).startswith(
        reverse("web:composer", args=[unbooked.pk])
    )

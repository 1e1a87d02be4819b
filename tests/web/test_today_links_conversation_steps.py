"""Today's actions for steps 5–8 open the page that does them."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url
from tests.prep_fixtures import booked_interview


def _url(user, moment, kind):
    items = [i for i in today_for(user, moment).items if i.action.kind == kind]
    assert items, f"no {kind} action at {moment}"
    return door_url(items[0].action)


def test_schedule_prepare_attend_capture_and_thank_link_where_the_step_is_done(user, now):
    conv = booked_interview(user, now, research="")  # Wed 4 Nov 10:00, brief incomplete
    assert _url(user, now, "prepare") == reverse("web:brief", args=[conv.pk])
    on_the_day = now + timedelta(hours=24)
    assert _url(user, on_the_day, "attend") == reverse("web:interview", args=[conv.pk])
    after = conv.starts_at + timedelta(minutes=45)
    assert _url(user, after, "capture") == reverse("web:interview", args=[conv.pk])
    conversations.record_event(user, conv.pk, {"type": "held"}, after)
    thank = _url(user, after, "thank")
    assert thank == reverse("web:composer", args=[conv.pk]) + "?kind=thank-you"

    sam = crm.create_contact(user, {"first_name": "Sam", "last_name": "Lee", "source": "event"})
    replied = conversations.start_conversation(user, {"contact": sam.pk})
    conversations.record_event(user, replied.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user, replied.pk, {"type": "reply_received", "sentiment": "positive"}, now
    )
    schedule = _url(user, now, "schedule")
    assert schedule == reverse("web:conversation_propose", args=[replied.pk])

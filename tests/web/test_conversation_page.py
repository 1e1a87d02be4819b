"""The conversation page: the next step for every stage, and one home per step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from coffeechat.core.models import Message, Note
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations.card import card_for
from coffeechat.services.outreach import composer as outreach
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import card_links
from coffeechat.web.views.conversation_steps import step_states
from tests.prep_fixtures import bank_question, booked_interview


@pytest.fixture
def conv(user, now):
    """Booked for Wed 4 Nov 10:00 New York (30 min); ``now`` is Tue 3 Nov 09:00."""
    return booked_interview(user, now)


def _next(conv, moment):
    conv.refresh_from_db()
    return card_for(conv.owner, conv, moment)


def _links(conv, step):
    return card_links(step, conv)


def _primary(conv, step):
    return next(link.url for link in _links(conv, step) if link.primary)


def test_planned_asks_for_research_first_then_the_note_as_today_does(user, now):
    sam = crm.create_contact(user, {"first_name": "Sam", "last_name": "Lee", "source": "event"})
    planned = conversations.start_conversation(user, {"contact": sam.pk})
    chosen = planned.created_at  # the research step is due the day they were chosen
    step = _next(planned, chosen)
    assert step.title == "Research Sam Lee" and step.on_today
    listing = today_for(user, chosen).items
    today = [i.action for i in listing if i.action.conversation_id == planned.pk]
    assert (step.kind, step.due, step.reason) == (today[0].kind, today[0].due, today[0].reason)
    assert _primary(planned, step).endswith("#id_research_notes")
    assert [link.label for link in _links(planned, step)] == ["Add research", "Write your note"]


def test_a_waiting_request_offers_the_reply_form_and_says_when_to_follow_up(user, now):
    sam = crm.create_contact(
        user,
        {"first_name": "Sam", "last_name": "Lee", "source": "event", "research_notes": "PM"},
    )
    waiting = conversations.start_conversation(user, {"contact": sam.pk})
    conversations.record_event(user, waiting.pk, {"type": "request_sent"}, now)
    step = _next(waiting, now)
    assert step.title == "Waiting for Sam Lee's reply" and step.reply_form
    # Seven business days, skipping Veterans Day (Wed 11 Nov).
    assert (
        step.reason == "Your note went out Tue 3 Nov. Next, on Fri 13 Nov: Follow up with Sam Lee."
    )
    assert not step.on_today and step.kind.value == "follow_up"
    assert _links(waiting, step)[0].url.endswith("?kind=follow-up")
    due = _next(waiting, now + timedelta(days=5))  # within Today's week ahead: on Today
    assert due.title == "Follow up with Sam Lee" and due.on_today


def test_a_booked_interview_is_prepared_then_attended_on_its_day(conv, now):
    start = conv.starts_at
    step = _next(conv, now)
    assert step.title == "Prepare for Ana Ruiz" and step.on_today
    assert _primary(conv, step) == reverse("web:brief", args=[conv.pk])
    assert "Send the invite" in [link.label for link in _links(conv, step)]
    assert _next(conv, start - timedelta(hours=10, seconds=1)).title == "Prepare for Ana Ruiz"
    attend = _next(conv, start - timedelta(hours=10))  # from midnight on its day, it leads
    assert attend.title.startswith("Interview Ana Ruiz at 10:00")
    assert _primary(conv, attend) == reverse("web:interview", args=[conv.pk])
    states = {s.key: s.state for s in step_states(conv, start - timedelta(hours=1))}
    assert (states["prepare"], states["call"]) == ("done", "current")
    after = start + timedelta(minutes=30, seconds=1)
    assert _next(conv, after).title == "Write down what Ana Ruiz said"


def test_the_thank_you_is_due_24_hours_after_the_booked_end_then_overdue(user, conv, now):
    Note.objects.create(owner=user, conversation=conv, text="Diaries")
    end = conv.starts_at + timedelta(minutes=30)
    conversations.record_event(user, conv.pk, {"type": "held"}, end)
    due = end + timedelta(hours=24)
    on_time = _next(conv, due)
    assert on_time.title == "Thank Ana Ruiz" and not on_time.overdue
    assert on_time.reason.startswith("Thank-you rule: thank within 24 hours")
    assert _primary(conv, on_time).endswith("?kind=thank-you")
    assert _next(conv, due + timedelta(seconds=1)).overdue


def test_thanked_asks_for_the_report_back_and_closed_offers_reopening(user, conv, now):
    Note.objects.create(owner=user, conversation=conv, text="Diaries")
    conversations.record_event(user, conv.pk, {"type": "held"}, now + timedelta(days=1))
    conversations.record_event(user, conv.pk, {"type": "thank_you_sent"}, now + timedelta(days=1))
    step = _next(conv, now + timedelta(days=1))
    assert _primary(conv, step).endswith("?kind=report-back")
    conversations.record_event(user, conv.pk, {"type": "closed", "reason": "no_response"}, now)
    closed = _next(conv, now)
    assert closed.title.startswith("Closed") and closed.reopen and not _links(conv, closed)


def test_the_page_has_one_way_to_write_and_notes_name_their_question(signed_in, user, conv, now):
    question = bank_question(user, "day-last-week")
    note = Note.objects.create(owner=user, conversation=conv, question=question, text="Diaries")
    outreach.save_composer_draft(user, conv.pk, {"subject": "Hi", "body": "Draft text"})
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    assert 'id="draft-body"' not in page  # the old inline draft form is gone
    assert f"/conversations/{conv.pk}/draft/" not in page
    assert "continue in the composer" in page
    assert f'id="note-{note.pk}"' in page and f"On: {question.text}" in page
    # Only the by-hand events without another home are offered.
    assert "Record: request sent" not in page and "Record: thank-you sent" not in page
    assert 'aria-label="Interview held"' in page and "Close this conversation" in page


def test_messages_appear_under_their_step(signed_in, user, conv, now):
    conversations.record_event(user, conv.pk, {"type": "held"}, now + timedelta(days=1))
    Message.objects.create(
        owner=user,
        contact=conv.contact,
        conversation=conv,
        kind="thank-you",
        subject="Thank you, Ana",
        sent_at=now + timedelta(days=1),
    )
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    thanks = page.split('id="thanks"', 1)[1].split("</section>", 1)[0]
    assert "Thank you, Ana" in thanks


def test_the_thank_you_window_follows_the_rule_setting(signed_in, user, conv, now):
    from coffeechat.services.today.due_list import update_rule_settings

    update_rule_settings(user, {"thank_within_hours": "48"})
    Note.objects.create(owner=user, conversation=conv, text="Diaries")
    end = conv.starts_at + timedelta(minutes=30)
    conversations.record_event(user, conv.pk, {"type": "held"}, end)
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    assert "thank within 48 hours of the interview&#x27;s end (Wed 4 Nov at 10:30)" in page


def test_the_booking_is_shown_on_the_contacts_clock_too(signed_in, conv):
    # Booked 10:00 New York; Ana is in Berlin, six hours ahead.
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    assert "Wed 4 Nov 2026, 10:00 your time" in page
    assert "Wed 4 Nov, 16:00 for Ana (Europe/Berlin)" in page


def test_the_list_shows_the_start_in_your_zone_labelled_as_such(signed_in, user, conv):
    conv.time_zone = "America/Chicago"  # 10:00 Chicago is 11:00 in New York
    conv.save()
    page = signed_in.get(reverse("web:conversations")).content.decode()
    assert "Wed 4 Nov, 11:00 <span" in page and "your time" in page
    assert "America/Chicago" not in page


def test_a_booked_interview_far_ahead_shows_how_to_prepare(signed_in, user, conv, now):
    """Nothing is due yet days before: the card says what comes next, and when."""
    far = conv.starts_at - timedelta(days=5)
    step = _next(conv, far)
    assert step.title == "Prepare for Ana Ruiz" and not step.on_today
    assert step.reason.startswith("The interview is on Wed 4 Nov, 10:00.")
    assert signed_in.get(reverse("web:conversation", args=[conv.pk])).status_code == 200


def test_a_note_over_the_limit_is_refused_with_the_text_kept_for_splitting(signed_in, conv):
    long_text = ("We talked about research ops. " * 700).strip() + "."  # 21,000 characters

    page = signed_in.post(reverse("web:conversation_note", args=[conv.pk]), {"text": long_text})

    body = page.content.decode()
    assert page.status_code == 422
    assert "A note is at most 20,000 characters; this one has 21,000." in body
    assert long_text in body  # nothing typed is lost: it is back in the box
    assert not Note.objects.filter(conversation=conv).exists()

"""The conversation page walks through the steps in order, the next one first, on a phone."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _requested(user):
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations import actions as conversations

    contact = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "email": "ana@example.com",
            "research_notes": "Led the patient portal.",
        },
    )
    conv = conversations.start_conversation(user, {"contact": contact.pk, "purpose": "Research"})
    conversations.record_event(
        user, conv.pk, {"type": "request_sent"}, timezone.now() - timedelta(days=2)
    )
    return conv


def _next(page):
    return page.locator("#progress")


def test_the_next_step_leads_from_reply_to_booking_to_preparing(signed_in_page, screenshot):
    page = signed_in_page
    conv = _requested(page.user)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/")
    # Asked two days ago: the follow-up is already on Today's week ahead, so the card says so.
    expect(_next(page).get_by_role("heading")).to_have_text("Follow up with Ana Ruiz")
    expect(page.locator('.conv-steps [aria-current="step"]')).to_contain_text("Their reply")
    # One way to write a message: the composer. The old draft form is gone.
    expect(page.locator("#draft-body")).to_have_count(0)
    screenshot("conversation-waiting-phone")

    _next(page).get_by_label("Positive: happy to talk").check()
    _next(page).get_by_role("button", name="Record reply").click()
    expect(_next(page).get_by_role("heading")).to_have_text("Propose times to Ana Ruiz")
    expect(_next(page).get_by_role("link", name="Propose times")).to_have_attribute(
        "href", f"/conversations/{conv.pk}/propose/"
    )

    # Agreed by phone: the by-hand booking sits in the Schedule step, open at this stage.
    booking = page.get_by_role("form", name="Interview scheduled")
    start = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    booking.get_by_label("Starts (their calendar's wall time)").fill(start)
    booking.get_by_role("button", name="Record: interview scheduled").click()
    expect(_next(page).get_by_role("heading")).to_have_text("Prepare for Ana Ruiz")
    expect(_next(page).get_by_role("link", name="Open the brief")).to_be_visible()
    expect(_next(page).get_by_role("link", name="Send the invite")).to_have_attribute(
        "href", re.compile(r"compose/\?kind=confirmation$")
    )
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the conversation page scrolls sideways ({wide}px wide)"
    screenshot("conversation-booked-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("conversation-booked-desktop")

    # Send the invite: the confirmation, with the time in words and the .ics ticked.
    page.set_viewport_size({"width": 375, "height": 800})
    _next(page).get_by_role("link", name="Send the invite").click()
    expect(page.locator("#draft-body")).to_have_value(re.compile(r"10:00"))
    expect(page.get_by_label(re.compile("Attach the calendar invite"))).to_be_checked()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the composer scrolls sideways ({wide}px wide)"
    screenshot("composer-confirmation-phone")


def test_notes_say_which_question_they_answer_and_keep_their_anchor(signed_in_page):
    from coffeechat.core.models import Note, Question
    from coffeechat.services.prep.questions import ensure_question_bank

    page = signed_in_page
    conv = _requested(page.user)
    ensure_question_bank(page.user)
    question = Question.objects.filter(owner=page.user).first()
    note = Note.objects.create(
        owner=page.user, conversation=conv, question=question, text="Start with support tickets"
    )
    page.goto(f"{page.base_url}/conversations/{conv.pk}/#note-{note.pk}")
    card = page.locator(f"#note-{note.pk}")
    expect(card).to_contain_text(f"On: {question.text}")
    expect(card).to_contain_text("Start with support tickets")


def test_a_call_that_was_never_booked_starts_and_ends_on_a_phone(signed_in_page, screenshot):
    page = signed_in_page
    conv = _requested(page.user)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/interview/")
    expect(page.get_by_role("button", name="End interview")).to_have_count(0)
    screenshot("interview-unbooked-phone")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start the call now").click()
    expect(
        page.get_by_text(re.compile(r"Booked as now \(\d\d:\d\d your time, 30 min\)"))
    ).to_be_visible()
    expect(page.locator("#iv-phase")).to_have_text("Small talk")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="End interview").click()
    expect(page.locator("h1")).to_have_text("Write to Ana Ruiz")
    expect(page.get_by_label("Kind")).to_have_value("thank-you")
    conv.refresh_from_db()
    assert conv.stage == "held"

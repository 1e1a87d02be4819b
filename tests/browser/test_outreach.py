"""Outreach in a real browser: a first request fixed until its checks pass, sent through the
mail app, followed up a week later; and a thank-you drafted from two highlights."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coffeechat.domain.businessdays import add_business_days
from coffeechat.domain.outreach.text import word_count

pytestmark = pytest.mark.browser

SUBJECT = "A fellow Michigan alum curious about UX research"
GOOD = (
    "Hi Ana,\n\n"
    "Maya Chen, a fellow Michigan alum, suggested I write to you. "
    "Your talk on accessible forms at UX Week changed how I think about research. "
    "I am exploring a move into UX research after three years of teaching. "
    "Would you have 20 minutes for a call in the next few weeks? "
    "I would love to hear how you made your own switch.\n\n"
    "Thank you,\nAda"
)
FILLER = (
    "I have always loved design and I think I would be a great fit for your company because "
    "I work hard and learn fast. "
)
JOB_ASK = (
    "Hi Ana,\n\nI am looking for a job in UX research. Are there any openings on your team? "
    + FILLER * 7
)


def _setup(user, *, held: bool = False):
    from coffeechat.core.models import Note
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations import actions as conversations

    user.profile.name = "Ada Student"
    user.profile.save()
    org = crm.create_organization(user, {"name": "Acme Health", "motivation": 2, "posting": 1})
    path = crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    ana = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "email": "ana@example.com",
            "title": "Senior UX researcher",
            "organization": org.pk,
            "connection_line": "Maya Chen, a fellow Michigan alum, suggested I write to you",
            "research_notes": "Leads patient-portal research.",
        },
    )
    conversation = conversations.start_conversation(
        user, {"contact": ana.pk, "career_path": path.pk}
    )
    if held:
        now = timezone.now()
        conversation.stage, conversation.requested_at = "held", now - timedelta(days=9)
        conversation.replied_at, conversation.held_at = now - timedelta(days=8), now
        conversation.save()
        for text in (
            "Learn SQL before applying to the analytics bootcamp",
            "Join the Design Systems Slack community",
        ):
            Note.objects.create(owner=user, conversation=conversation, text=text, highlight=True)
        Note.objects.create(owner=user, conversation=conversation, text="Weather small talk")
    return conversation


def _failed(page) -> list[str]:
    return page.locator('#checks li[data-passed="false"]').evaluate_all(
        "items => items.map(i => i.dataset.check)"
    )


def _type(page, selector: str, text: str) -> None:
    page.fill(selector, text)
    page.locator(selector).dispatch_event("input")


def test_a_first_request_is_fixed_sent_and_followed_up(
    signed_in_page, screenshot, live_server, capsys
):
    page = signed_in_page
    conversation = _setup(page.user)
    page.goto(f"{live_server.url}/conversations/{conversation.pk}/compose/")
    expect(page.get_by_role("heading", name="Write to Ana Ruiz")).to_be_visible()
    # The built-in request arrives filled: name, connection, interest and a 30-minute ask.
    expect(page.locator("#draft-body")).to_have_value(
        __import__("re").compile(r"^Hi Ana,\n\nMaya Chen, a fellow Michigan alum")
    )

    assert word_count(JOB_ASK) >= 160
    _type(page, "#draft-subject", SUBJECT)
    _type(page, "#draft-body", JOB_ASK)
    job = page.locator('#checks li[data-check="no-job-ask"]')
    expect(job).to_have_attribute("data-passed", "false")
    expect(job).to_contain_text("looking for a job")
    expect(job).to_contain_text("error")
    length = page.locator('#checks li[data-check="length"]')
    expect(length).to_have_attribute("data-passed", "false")
    expect(length).to_contain_text(f"{word_count(JOB_ASK)} words is far too long")
    assert {"no-job-ask", "length", "ask"} <= set(_failed(page))
    screenshot("composer-failing")

    _type(page, "#draft-body", GOOD)
    expect(page.locator('#checks li[data-passed="false"]')).to_have_count(0)
    expect(page.locator(".check-summary")).to_contain_text("passed")
    expect(page.locator("#save-status")).to_contain_text("Draft saved")
    screenshot("composer-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("composer-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    mailto = page.locator("#mailto-link")
    expect(mailto).to_have_attribute("href", __import__("re").compile("^mailto:ana@example"))
    href = mailto.get_attribute("href")
    address, query = href.removeprefix("mailto:").split("?", 1)
    params = dict(part.split("=", 1) for part in query.split("&"))
    assert address == "ana@example.com"
    assert unquote(params["subject"]) == SUBJECT
    assert unquote(params["body"]) == GOOD.replace("\n", "\r\n")
    # The mail app takes it from here; the browser itself must not navigate away.
    page.route("mailto:*", lambda route: route.abort())

    page.get_by_role("button", name="Mark sent").click()
    expect(page.get_by_text("Recorded: Request sent")).to_be_visible()

    # Seven business days later, Today (via the CLI) says the follow-up is due.
    from coffeechat.cli import main
    from coffeechat.domain.businessdays import holiday_dates

    profile = page.user.profile
    sent_day = timezone.localtime(timezone.now(), profile.zone).date()
    holidays = holiday_dates(profile.holiday_country or None, [sent_day.year, sent_day.year + 1])
    due = add_business_days(sent_day, 7, holidays)
    capsys.readouterr()
    assert main(["today", "--as-of", due.isoformat(), "--json"]) == 0
    actions = json.loads(capsys.readouterr().out)["actions"]
    (follow_up,) = [a for a in actions if a["kind"] == "follow_up"]
    assert follow_up["title"] == "Follow up with Ana Ruiz"
    assert follow_up["bucket"] == "today"

    page.goto(live_server.url + follow_up["url"])
    expect(page.locator("#draft-subject")).to_have_value(f"Re: {SUBJECT}")
    expect(page.locator("#draft-kind")).to_have_value("follow-up")
    expect(page.locator("#draft-body")).to_contain_text("bringing my note from last week")
    expect(page.locator('#checks li[data-check="no-job-ask"]')).to_have_attribute(
        "data-passed", "true"
    )
    expect(page.locator("#they-replied")).to_be_visible()
    screenshot("composer-follow-up")

    # She answered after all: record it from the same page, and see it on her contact page.
    page.locator("#they-replied summary").click()
    page.get_by_role("form", name="Record a reply from Ana").get_by_role(
        "button", name="Record reply"
    ).click()
    expect(page.get_by_text("Reply from Ana Ruiz recorded: Positive")).to_be_visible()
    page.get_by_role("link", name="Ana Ruiz").first.click()
    expect(page.locator("#response-speed")).to_be_visible()
    expect(page.get_by_text("You wrote: Request")).to_be_visible()
    screenshot("contact-replies")


def test_the_thank_you_from_today_names_both_highlights_and_starts_the_nurture_clock(
    signed_in_page, screenshot, live_server
):
    from coffeechat.core.models import ActionItem, Message

    page = signed_in_page
    conversation = _setup(page.user, held=True)
    # Today lists the thank-you, due within 24 hours of the interview's end.
    page.goto(f"{live_server.url}/")
    card = page.locator('article[data-kind="thank"]', has_text="Thank Ana Ruiz")
    expect(card.locator(".reason")).to_contain_text("Thank-you rule")
    card.get_by_role("link", name="Write thank-you").click()
    expect(page).to_have_url(
        re.compile(rf"/conversations/{conversation.pk}/compose/\?kind=thank-you$")
    )

    # The notes are offered beside the draft, never pasted into it: each highlight is
    # a sentence frame for the user to finish in their own words.
    body = page.locator("#draft-body")
    expect(body).to_contain_text("Your point about {point 1 in your words} stayed with me.")
    expect(body).not_to_contain_text("SQL")
    expect(body).not_to_contain_text("Weather")
    points = page.locator("#points-to-mention")
    expect(points).to_contain_text("Learn SQL before applying to the analytics bootcamp")
    expect(points).to_contain_text("Join the Design Systems Slack community")
    expect(page.locator("#pick-template option:checked")).to_have_text(
        "Thank-you (within 24 hours)"
    )
    assert Message.objects.filter(conversation=conversation).count() == 0
    expect(page.locator('#checks li[data-check="thank-you-specific"]')).to_have_attribute(
        "data-passed", "false"
    )
    screenshot("composer-thank-you-frames")
    written = (
        body.input_value()
        .replace("{point 1 in your words}", "learning SQL before any analytics bootcamp")
        .replace("{point 2 in your words}", "the Design Systems community on Slack")
    )
    _type(page, "#draft-body", written)
    expect(page.locator("#save-status")).to_contain_text("Draft saved")
    expect(page.locator('#checks li[data-check="thank-you-specific"]')).to_have_attribute(
        "data-passed", "true"
    )
    expect(page.locator('#checks li[data-check="thank-you-timely"]')).to_have_attribute(
        "data-passed", "true"
    )
    expect(page.locator('#checks li[data-check="no-job-ask"]')).to_have_attribute(
        "data-passed", "true"
    )
    expect(page.locator('#checks li[data-passed="false"]')).to_have_count(0)
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("composer-thank-you-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    # Sending records it: the stage moves to thanked and the message is on the timeline.
    page.route("mailto:*", lambda route: route.abort())
    page.get_by_role("button", name="Mark sent").click()
    expect(page.get_by_text("Recorded: Thank-you sent.")).to_be_visible()
    conversation.refresh_from_db()
    assert conversation.stage == "thanked" and conversation.thanked_at is not None
    sent = Message.objects.get(conversation=conversation, kind="thank-you")
    assert sent.sent_at is not None and "Design Systems community on Slack" in sent.body
    page.goto(f"{live_server.url}/")
    expect(page.locator('article[data-kind="thank"]')).to_have_count(0)

    # ...and starts the nurture clock: a week later the report-back is due, drafted
    # from what was done since.
    ActionItem.objects.create(
        owner=page.user,
        conversation=conversation,
        text="Finished the SQL basics course",
        done_at=timezone.now(),
    )
    thanked_day = timezone.localtime(conversation.thanked_at, page.user.profile.zone).date()
    week = thanked_day + timedelta(days=7)
    page.goto(f"{live_server.url}/?as_of={week.isoformat()}")
    report = page.locator("#today article", has_text="Tell Ana Ruiz what you did with their advice")
    expect(report).to_be_visible()
    report.get_by_role("link", name="Write update").click()
    expect(page.locator("#draft-kind")).to_have_value("report-back")
    expect(page.locator("#draft-body")).to_contain_text("- Finished the SQL basics course")
    expect(page.locator('#checks li[data-check="no-job-ask"]')).to_have_attribute(
        "data-passed", "true"
    )


LINKEDIN = "https://www.linkedin.com/in/ana-ruiz-example/"


def test_copy_and_copy_then_open_linkedin_put_the_draft_on_the_clipboard(
    signed_in_page, screenshot, live_server
):
    page = signed_in_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    conversation = _setup(page.user)
    ana = conversation.contact
    ana.linkedin_url = LINKEDIN
    ana.save()
    page.goto(f"{live_server.url}/conversations/{conversation.pk}/compose/")
    _type(page, "#draft-subject", SUBJECT)
    _type(page, "#draft-body", GOOD)
    expect(page.locator('#checks li[data-passed="false"]')).to_have_count(0)

    page.get_by_role("button", name="Copy text").click()
    expect(page.locator("#copy-status")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{SUBJECT}\n\n{GOOD}"

    # A LinkedIn message has no subject line: the field goes, and so does its check.
    page.select_option("#draft-channel", "linkedin-message")
    expect(page.locator("#draft-subject")).to_be_hidden()
    expect(page.locator('#checks li[data-check="subject"]')).to_have_count(0)
    page.evaluate("navigator.clipboard.writeText('')")
    page.context.route(
        "https://www.linkedin.com/**",
        lambda route: route.fulfill(
            body="<title>Ana on LinkedIn</title>", content_type="text/html"
        ),
    )
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Copy, then open LinkedIn").click()
    profile = opened.value
    profile.wait_for_load_state()
    assert profile.url == LINKEDIN
    expect(page.locator("#copy-status")).to_have_text("Copied; paste it into LinkedIn.")
    assert page.evaluate("navigator.clipboard.readText()") == GOOD  # no subject for LinkedIn
    screenshot("composer-linkedin")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("composer-linkedin-phone")


def test_the_templates_page_on_a_phone(signed_in_page, screenshot, live_server):
    page = signed_in_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/templates/")
    expect(page.get_by_role("link", name="First request (email)")).to_be_visible()
    screenshot("templates-phone")
    page.get_by_role("link", name="Thank-you (within 24 hours)").click()
    page.get_by_label("Body").fill("Hi {frist_name}")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("{frist_name} is not a merge field; did you mean {first_name}?")
    ).to_be_visible()
    screenshot("template-refused-phone")

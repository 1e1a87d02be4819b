"""A new user's first day, in a real browser: welcome, sample data, Today, and
Today reacting to a reply and a booked interview."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _titles(page, kind: str) -> list[str]:
    return page.locator(f'article[data-kind="{kind}"] .title').all_inner_texts()


def test_a_new_user_loads_sample_data_and_watches_today_react(signed_in_page, screenshot):
    page = signed_in_page
    expect(page.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
    expect(page.get_by_text("The ten steps")).to_be_visible()
    screenshot("welcome")

    page.get_by_role("button", name="Load sample data").click()
    expect(page.locator("h1")).to_have_text(re.compile("^Today"))
    expect(page.locator("#overdue article").first).to_be_visible()
    screenshot("today")

    follow_ups = _titles(page, "follow_up")
    assert follow_ups, "the sample campaign has someone to follow up with"
    name = follow_ups[0].removeprefix("Follow up with ")
    assert f"Propose times to {name}" not in _titles(page, "schedule")

    # They answered: the follow-up action opens the composer, which records the reply instead.
    page.locator('article[data-kind="follow_up"]').first.get_by_role("link").click()
    page.locator("#they-replied summary").click()
    reply = page.locator("#they-replied form")
    reply.get_by_label("Positive: happy to talk").check()
    reply.get_by_role("button", name="Record reply").click()
    expect(page.get_by_text(f"Reply from {name} recorded: Positive.")).to_be_visible()
    screenshot("conversation")

    page.get_by_role("link", name="Today").first.click()
    assert f"Follow up with {name}" not in _titles(page, "follow_up")
    assert f"Propose times to {name}" in _titles(page, "schedule")

    # Book the interview three days out; the schedule action goes away.
    # Today's "Propose times" leads to the slot proposals; a time agreed by phone is
    # recorded from the conversation page instead.
    page.locator('article[data-kind="schedule"]', has_text=name).get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(f"Propose times to {name}")
    page.get_by_role("link", name=f"← Conversation with {name}").click()
    booking = page.get_by_role("form", name="Interview scheduled")
    start = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    booking.get_by_label("Starts (their calendar's wall time)").fill(start)
    booking.get_by_role("button", name="Record: interview scheduled").click()
    expect(page.get_by_text("Recorded: Interview scheduled")).to_be_visible()

    page.get_by_role("link", name="Today").first.click()
    assert f"Propose times to {name}" not in _titles(page, "schedule")


MAIN_PAGES = {
    "contacts": "/contacts/",
    "organizations": "/organizations/",
    "career-paths": "/paths/",
    "conversations": "/conversations/",
    "profile": "/profile/",
    "trash": "/trash/",
}


def test_every_main_page_renders_with_the_sample_campaign(signed_in_page, screenshot):
    from coffeechat.sample.demo import load_demo

    page = signed_in_page
    load_demo(page.user, timezone.now())
    for name, path in MAIN_PAGES.items():
        page.goto(page.base_url + path)
        expect(page.locator("h1")).to_be_visible()
        screenshot(name)


def test_today_and_a_conversation_fit_a_phone_screen(signed_in_page, screenshot):
    from coffeechat.sample.demo import load_demo

    page = signed_in_page
    load_demo(page.user, timezone.now())
    page.set_viewport_size({"width": 375, "height": 800})
    for name, path in {"today-phone": "/", "conversation-phone": "/conversations/"}.items():
        page.goto(page.base_url + path)
        if name == "conversation-phone":
            page.locator("table.list a").first.click()
            # Wait for the conversation page itself, not the list it leaves.
            page.wait_for_url(re.compile(r"/conversations/\d+/$"))
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 375, f"{name} scrolls sideways ({wide}px wide)"
        screenshot(name)

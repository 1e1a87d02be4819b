"""Propose times in a real browser, at desktop and phone width: copy, book, invite."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _conversation(user):
    from coffeechat.services.accounts.signin import ensure_profile
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations.actions import record_event, start_conversation
    from coffeechat.services.scheduling.availability import Row, update_availability

    profile = ensure_profile(user)
    profile.time_zone, profile.holiday_country = "America/New_York", "US"
    profile.save()
    update_availability(user, [Row(str(day), "09:00", "12:00") for day in range(5)])
    contact = crm.create_contact(
        user,
        {
            "first_name": "Grace",
            "last_name": "Hopper",
            "email": "grace@acme.example",
            "source": "alumni",
            "time_zone": "Europe/Berlin",
        },
    )
    conversation = start_conversation(user, {"contact": contact.pk, "purpose": "Data careers"})
    now = timezone.now()
    record_event(user, conversation.pk, {"type": "request_sent"}, now - timedelta(days=2))
    record_event(user, conversation.pk, {"type": "reply_received", "sentiment": "positive"}, now)
    return conversation


@pytest.mark.parametrize("width, name", [(1280, "desktop"), (375, "phone")])
def test_propose_copy_and_book(signed_in_page, screenshot, width, name):
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    conversation = _conversation(page.user)
    page.goto(f"{page.base_url}/conversations/{conversation.pk}/propose/")
    expect(page.locator("h1")).to_have_text("Propose times to Grace Hopper")
    expect(page.get_by_role("button", name="Book this slot").first).to_be_visible()
    snippet = page.locator("#snippet")
    expect(snippet).to_contain_text("your time (")
    screenshot(f"propose-times-{name}")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).not_to_be_empty()

    # The page never scrolls sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("button", name="Book this slot").first.click()
    expect(page.get_by_text("Booked for")).to_be_visible()
    expect(page.get_by_role("link", name="Download invite (.ics)")).to_be_visible()
    screenshot(f"propose-times-booked-{name}")


def test_availability_rows_and_the_calendar_feed(signed_in_page, screenshot):
    page = signed_in_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base_url + "/settings/availability/")
    page.get_by_label("Row 1 day").select_option(label="Tuesday")
    page.get_by_label("Row 1 from").fill("09:00")
    page.get_by_label("Row 1 to").fill("08:00")
    page.get_by_role("button", name="Add a window").click()
    page.get_by_label("Row 3 day").select_option(label="Thursday")
    page.get_by_label("Row 3 from").fill("13:00")
    page.get_by_label("Row 3 to").fill("15:30")
    page.get_by_role("button", name="Save availability").click()
    expect(page.get_by_role("alert")).to_contain_text("Row 1: the window ends before it starts.")
    expect(page.get_by_label("Row 3 to")).to_have_value("15:30")  # nothing typed is lost
    screenshot("availability-error-phone")
    page.get_by_label("Row 1 to").fill("11:00")
    page.get_by_role("button", name="Save availability").click()
    expect(page.get_by_text("Availability saved.")).to_be_visible()
    expect(page.get_by_label("Row 2 from")).to_have_value("13:00")
    screenshot("availability-phone")

    page.goto(page.base_url + "/settings/calendar-feed/")
    page.get_by_role("button", name="Create my feed address").click()
    address = page.get_by_label("Feed address").input_value()
    assert "/calendar/" in address and address.endswith(".ics")
    screenshot("calendar-feed-phone")
    assert page.request.get(address).status == 200

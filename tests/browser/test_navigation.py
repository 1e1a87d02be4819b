"""The main navigation: five entries always in view, the rest under "More", at 375 px too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from coffeechat.web.context import NAVIGATION, PRIMARY, NavEntry

pytestmark = pytest.mark.browser

PRIMARY_LABELS = ["Today", "Contacts", "Organizations", "Conversations", "Career paths"]
MORE_LABELS = [NavEntry(*e).label for e in NAVIGATION if NavEntry(*e).group != PRIMARY]


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (375, "phone")])
def test_every_entry_is_reachable_with_the_keyboard_and_nothing_is_cut_off(
    signed_in_page, screenshot, width, name
):
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 760})
    page.goto(page.base_url + "/contacts/")
    nav = page.get_by_role("navigation", name="Main")
    for label in PRIMARY_LABELS:
        link = nav.get_by_role("link", name=label, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, label
    expect(nav.get_by_role("link", name="Contacts", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(nav.get_by_role("link", name="Templates")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # Tab to "More", open it with Enter, and every other page is one Tab away.
    nav.locator("summary").focus()
    page.keyboard.press("Enter")
    for label in MORE_LABELS:
        link = nav.get_by_role("link", name=label, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, label
    screenshot(f"navigation-more-{name}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == MORE_LABELS[0]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/questions/"))
    # On a page inside "More", the summary shows where you are.
    more = page.get_by_role("navigation", name="Main").locator("details")
    expect(more.locator('a[aria-current="page"]')).to_have_text("Question bank")
    screenshot(f"navigation-{name}")

"""A date the browser cannot read (31 February) is refused on the page, naming the field."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_an_impossible_due_date_is_refused_and_nothing_is_saved(signed_in_page):
    from coffeechat.core.models import ActionItem

    page = signed_in_page
    page.goto(f"{page.base_url}/action-items/")
    page.get_by_label("What to do").fill("Take the SQL course")
    due = page.get_by_label("Due date")
    due.click()
    due.press_sequentially("02312026")
    page.get_by_role("button", name="Add action item").click()
    expect(page.get_by_role("alert")).to_contain_text("Due date: that is not a real date")
    assert ActionItem.objects.count() == 0

    due.fill("2026-02-28")
    page.get_by_role("button", name="Add action item").click()
    expect(page.get_by_text("Due Sat 28 Feb 2026")).to_be_visible()
    assert [str(item.due) for item in ActionItem.objects.all()] == ["2026-02-28"]

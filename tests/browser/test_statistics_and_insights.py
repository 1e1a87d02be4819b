"""The statistics and Insights pages on the sample campaign, at desktop and phone width."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

CHARTS = {
    "chart-funnel": "From identified to referrals: people at each step",
    "chart-source": "Reply rate by source",
    "chart-channel": "Reply rate by channel",
    "chart-weekly": "Weekly activity, last 12 weeks",
    "chart-time": "Time spent in conversations, by career path",
    "chart-referrals": "Referral tree: who introduced whom",
}


@pytest.fixture
def demo_page(signed_in_page):
    from coffeechat.sample.demo import load_demo

    load_demo(signed_in_page.user, timezone.now())
    return signed_in_page


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (375, "phone")])
def test_every_chart_renders_with_its_title_and_table(demo_page, screenshot, width, name):
    page = demo_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base_url}/statistics/")
    expect(page.get_by_role("heading", name="Statistics", exact=True)).to_be_visible()
    for chart_id, title in CHARTS.items():
        chart = page.locator(f"svg#{chart_id}")
        expect(chart).to_be_visible()
        expect(chart.locator("title").first).to_have_text(title)
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 40, chart_id
        # Nothing sticks out of the page (the referral tree scrolls inside its own box).
        figure = chart.locator("xpath=..").bounding_box()
        assert figure and figure["x"] + figure["width"] <= width + 1, chart_id
    assert page.locator("section details table").count() == len(CHARTS)
    page.get_by_text("Funnel as a table").click()
    expect(page.get_by_role("rowheader", name="Identified", exact=True)).to_be_visible()
    screenshot(f"statistics-{name}")
    if name == "phone":  # full-size crops of each chart, to look at closely
        for chart_id in CHARTS:
            page.locator(f"section:has(svg#{chart_id})").screenshot(
                path=str(SCREENSHOTS / f"statistics-phone-{chart_id}.png")
            )


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (375, "phone")])
def test_insights_search_marks_matches_and_filters(demo_page, screenshot, width, name):
    page = demo_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base_url}/insights/")
    expect(page.get_by_role("heading", name="Themes")).to_be_visible()
    first_theme = page.locator("ol.themes li a").first
    expect(first_theme).to_be_visible()
    screenshot(f"insights-{name}")

    page.get_by_label("Search notes").fill("research")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".insights-snippet mark").first).to_be_visible()
    marked = page.locator(".insights-snippet mark").all_inner_texts()
    assert all("research" in text.lower() for text in marked)
    page.get_by_label("Highlights only").check()
    page.get_by_role("button", name="Search").click()
    expect(page.locator("article.note").first).to_have_class("card note highlight")
    screenshot(f"insights-search-{name}")

"""Reflect on a path in a real browser: rate criteria citing notes, see the evidence and
the comparison, and take the self-reflection guide."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.reflection_data import campaign

pytestmark = pytest.mark.browser


def test_rating_a_path_with_cited_notes_shows_the_evidence_and_the_comparison(
    signed_in_page, screenshot
):
    page = signed_in_page
    data = campaign(page.user, timezone.now())
    ux = data.paths["ux"]
    ana_note, ben_note = data.notes[0], data.notes[1]

    # Today's Reflect action leads to the reflection page.
    page.goto(f"{page.base_url}/")
    page.locator('article[data-kind="reflect"]').get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Reflect on UX research")).to_be_visible()

    interest = page.locator('fieldset[data-criterion="interest:explaining data"]')
    interest.get_by_label("Rating").select_option("5")
    interest.get_by_text("Cite notes").click()
    interest.get_by_label(f"Ben Example: {ben_note.text}").check()
    value = page.locator('fieldset[data-criterion="value:autonomy"]')
    value.get_by_label("Rating").select_option("2")
    value.get_by_text("Cite notes").click()
    value.get_by_label(f"Ana Example: {ana_note.text}").check()
    page.get_by_role("button", name="Save ratings").click()
    expect(page.get_by_text("Ratings saved. Fit: 3.7 / 5.")).to_be_visible()

    evidence = interest.locator(".evidence").get_by_role("link", name="Ben Example")
    expect(evidence).to_have_attribute(
        "href", f"/conversations/{ben_note.conversation_id}/#note-{ben_note.pk}"
    )
    expect(page.locator(".theme").first).to_contain_text("pace")
    page.get_by_label("New open question").fill("How much of the job is presenting?")
    page.get_by_role("button", name="Add question").click()
    page.get_by_label("Status after this review").select_option("promising")
    page.get_by_label("What you decided and why").fill(
        "Storytelling came up in every conversation."
    )
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_text("Exploring → Promising")).to_be_visible()
    screenshot("reflection")

    # The evidence link opens the conversation at the cited note.
    evidence.click()
    expect(page.locator(f"#note-{ben_note.pk}")).to_contain_text(ben_note.text)

    page.goto(f"{page.base_url}/paths/compare/")
    table = page.locator("table.compare")
    expect(table.locator("thead")).to_contain_text("UX research")
    expect(table.locator("thead")).to_contain_text("Data journalism")
    expect(table).to_contain_text("3.7")
    screenshot("compare-paths")

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/paths/{ux.pk}/reflect/")
    screenshot("reflection-phone")


def test_the_self_reflection_guide_fills_the_profile(signed_in_page, screenshot):
    page = signed_in_page
    page.goto(f"{page.base_url}/profile/reflect/")
    page.get_by_label("What energises you?").fill("Explaining data to people\nWriting: 5")
    page.get_by_label("Which skills do you enjoy using?").fill("Interviewing\nSQL: 3")
    page.get_by_label("Which skills do you want to grow?").fill("Statistics")
    page.get_by_label("What matters most in your work?").fill("Autonomy\nHelping people learn")
    page.get_by_role("button", name="Save to my profile").click()
    expect(page.get_by_text("Profile updated from your answers.")).to_be_visible()
    expect(page.get_by_text("Autonomy · 5")).to_be_visible()
    page.get_by_label("What matters most in your work?").fill("Helping people learn\nAutonomy")
    page.get_by_role("button", name="Save to my profile").click()
    expect(page.get_by_text("Autonomy 5 → 4")).to_be_visible()
    screenshot("self-reflection")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("self-reflection-phone")


def test_the_action_items_and_network_pages_with_the_sample_campaign(signed_in_page, screenshot):
    from coffeechat.sample.demo import load_demo

    page = signed_in_page
    load_demo(page.user, timezone.now(), contacts=0)
    page.goto(f"{page.base_url}/action-items/")
    expect(page.get_by_role("heading", name="Action items")).to_be_visible()
    expect(page.locator("article.action-item").first).to_be_visible()
    screenshot("action-items")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("action-items-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("article.action-item").first.get_by_role("button", name="Done").click()
    expect(page.get_by_text("Done:", exact=False).first).to_be_visible()

    nav = page.get_by_role("navigation", name="Main")
    nav.locator("summary").click()  # Network sits under "More"
    nav.get_by_role("link", name="Network").click()
    expect(page.get_by_role("heading", name="Network")).to_be_visible()
    screenshot("network")

    page.goto(f"{page.base_url}/paths/compare/")
    expect(page.locator("table.compare thead")).to_contain_text("Product management")
    screenshot("compare-paths-sample")
    page.locator("table.compare thead").get_by_role("link", name="UX research").click()
    expect(page.locator(".evidence").first).to_be_visible()
    screenshot("reflection-sample")

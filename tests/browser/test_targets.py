"""The target list and contacts in a real browser: inline ratings by keyboard, search as
you type, who-do-I-know, a delete confirmed without JavaScript dialogs, the Export page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _setup(user):
    from coffeechat.services.contacts import actions as crm

    crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    beta = crm.create_organization(user, {"name": "Beta Labs", "motivation": 1, "posting": 1})
    for first, last, title, source in [
        ("Ana", "Ruiz", "Senior UX Researcher", "alumni"),
        ("Bo", "Chen", "Account Executive", "linkedin"),
        ("Di", "Park", "Head of Design", "event"),
    ]:
        crm.create_contact(
            user,
            {
                "first_name": first,
                "last_name": last,
                "title": title,
                "source": source,
                "organization": beta.pk,
            },
        )
    return acme, beta


def test_rating_inline_with_the_keyboard_re_ranks_the_list(signed_in_page, screenshot):
    page = signed_in_page
    acme, beta = _setup(page.user)
    page.goto(f"{page.base_url}/organizations/")
    rows = page.locator("table.targets tbody tr")
    expect(rows.first).to_contain_text("Acme")

    motivation = page.get_by_label("Motivation for Beta Labs")
    motivation.focus()
    motivation.select_option("3")
    expect(rows.first).to_contain_text("Beta Labs")
    expect(page.locator("#rate-status")).to_contain_text("Beta Labs: motivation 3")
    # The swap keeps focus on the control the user was using.
    expect(page.get_by_label("Motivation for Beta Labs")).to_be_focused()
    expect(rows.first).to_contain_text("3 contacts")
    screenshot("targets-organizations")

    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("targets-organizations-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Beta Labs").click()
    people = page.locator(".who-list li strong")
    expect(people.first).to_have_text("Ana Ruiz")
    expect(page.locator(".who-list li").first).to_contain_text("alumni of your school")
    screenshot("targets-who-do-i-know")


def test_searching_contacts_as_you_type_and_deleting_with_confirmation(signed_in_page, screenshot):
    page = signed_in_page
    _setup(page.user)
    page.goto(f"{page.base_url}/contacts/")
    page.get_by_label("Search").fill("resea")
    expect(page.locator("#contact-results tbody tr")).to_have_count(1)
    expect(page.locator("#contact-results")).to_contain_text("Ana Ruiz")
    assert "q=resea" in page.url  # the search is in the address, to share or reload
    page.get_by_label("Search").fill("")
    page.get_by_label("Source").select_option("event")
    expect(page.locator("#contact-results tbody tr")).to_have_count(1)
    expect(page.locator("#contact-results")).to_contain_text("Di Park")
    screenshot("targets-contacts-search")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("targets-contacts-search-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Di Park").click()
    page.get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", name="Move this contact to the trash?")).to_be_visible()
    screenshot("targets-delete-confirm")
    page.get_by_role("button", name="Move to trash").click()
    expect(page.get_by_text("moved to the trash")).to_be_visible()
    page.get_by_role("link", name="Trash").click()
    expect(page.locator("table.list")).to_contain_text("Di Park")
    expect(page.locator("table.list")).to_contain_text("30 days left")
    screenshot("targets-trash")


def test_the_export_page(signed_in_page, screenshot):
    page = signed_in_page
    _setup(page.user)
    page.goto(f"{page.base_url}/export/")
    expect(
        page.get_by_role("heading", name="Restore from a coffeechat JSON export")
    ).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download JSON").click()
    assert download.value.suggested_filename.startswith("coffeechat-")
    screenshot("targets-export")

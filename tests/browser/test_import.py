"""Importing a LinkedIn export in a real browser: preview, confirm, search, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SAMPLE = Path(__file__).resolve().parents[1] / "importers" / "samples" / "linkedin_connections.csv"


def open_in_more(page, name):
    """Import sits in the navigation's "More" group."""
    nav = page.get_by_role("navigation", name="Main")
    nav.locator("summary").click()
    nav.get_by_role("link", name=name).click()


def test_a_linkedin_export_is_previewed_imported_found_and_undone(signed_in_page, screenshot):
    page = signed_in_page
    open_in_more(page, "Import")
    expect(page.get_by_role("heading", name="Import contacts")).to_be_visible()
    page.get_by_label("LinkedIn connections").check()
    page.get_by_label("File", exact=True).set_input_files(str(SAMPLE))
    screenshot("import-upload")
    page.get_by_role("button", name="Preview").click()

    expect(page.get_by_role("heading", name="Preview: linkedin_connections.csv")).to_be_visible()
    summary = page.get_by_role("list", name="Summary")
    expect(summary).to_contain_text("4 new")
    rows = page.locator("table.import-rows tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first).to_contain_text("Priya Raman")
    expect(rows.first).to_contain_text("Acme, Inc.")
    screenshot("import-preview")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("import-preview-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("button", name="Import 4 contacts").click()
    expect(page.get_by_text("Imported linkedin_connections.csv: 4 new")).to_be_visible()

    # The imported people are real contacts: find one by a word from her title.
    page.get_by_role("link", name="Contacts").click()
    page.get_by_label("Search", exact=True).fill("Researcher")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Priya Raman")).to_be_visible()
    expect(page.get_by_role("link", name="Mei Chen")).to_have_count(0)

    open_in_more(page, "Import")
    screenshot("import-batches")
    page.get_by_role("link", name="Undo…").click()
    page.get_by_role("button", name="Undo this import").click()
    expect(page.get_by_text("4 contacts removed")).to_be_visible()
    page.get_by_role("link", name="Contacts").click()
    expect(page.get_by_text("No contacts yet.")).to_be_visible()


def test_the_preview_shows_updates_duplicates_and_problems_for_a_decision(
    signed_in_page, screenshot, tmp_path
):
    from coffeechat.core.models import Contact
    from coffeechat.services.contacts import actions as crm

    page = signed_in_page
    user = page.user
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    crm.create_contact(
        user, {"first_name": "Pria", "last_name": "Raman", "organization": acme.pk,
               "source": "alumni"},
    )  # fmt: skip
    crm.create_contact(
        user, {"first_name": "Tomás", "email": "tomas@example.org", "source": "friend-family"}
    )
    extra = (
        "Bo,Kim,,not-an-email,Globex,Analyst,1 Jan 2024\r\n"
        "Mei,Chen,https://www.linkedin.com/in/mei-chen-42,,Initech,Staff Engineer,7 Nov 2021\r\n"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(SAMPLE.read_bytes() + extra.encode())

    page.goto(f"{page.base_url}/import/")
    page.get_by_label("LinkedIn connections").check()
    page.get_by_label("File", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Preview").click()
    summary = page.get_by_role("list", name="Summary")
    expect(summary).to_contain_text("2 new")
    expect(summary).to_contain_text("1 update")
    expect(summary).to_contain_text("2 duplicates")
    expect(summary).to_contain_text("1 problem")
    expect(page.get_by_text("possibly the same person as your contact Pria Raman")).to_be_visible()
    screenshot("import-preview-decisions")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("import-preview-decisions-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_label("Line 5").select_option("merge")
    page.get_by_role("button", name="Import 3 contacts").click()
    expect(
        page.get_by_text("2 new, 2 updated, 1 skipped, 1 with problems left out")
    ).to_be_visible()
    pria = Contact.objects.get(first_name="Pria")
    assert (pria.source, pria.linkedin_url) == (
        "alumni",
        "https://www.linkedin.com/in/priya-raman-ux",
    )


def test_any_csv_goes_through_the_column_step(signed_in_page, screenshot, tmp_path):
    page = signed_in_page
    path = tmp_path / "alumni.csv"
    path.write_text(
        "Given;Family;Mail;Employer;Class year\r\n"
        "Ada;Lovelace;ada@example.org;Analytical Engines;1835\r\n"
        "Grace;Hopper;grace@example.org;US Navy;1928\r\n"
    )
    page.goto(f"{page.base_url}/import/?kind=csv")
    page.get_by_label("File", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Which column is which?")).to_be_visible()
    expect(page.get_by_label("First name")).to_have_value("Given")
    expect(page.get_by_label("Organization")).to_have_value("Employer")
    page.get_by_label("Notes").select_option("Class year")
    screenshot("import-columns")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("list", name="Summary")).to_contain_text("2 new")
    page.get_by_role("button", name="Import 2 contacts").click()
    expect(page.get_by_text("Imported alumni.csv: 2 new")).to_be_visible()

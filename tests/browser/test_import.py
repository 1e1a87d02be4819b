"""Importing a LinkedIn export in a real browser: preview, confirm, search, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SAMPLE = Path(__file__).resolve().parents[1] / "importers" / "samples" / "linkedin_connections.csv"


def test_a_linkedin_export_is_previewed_imported_found_and_undone(signed_in_page, screenshot):
    page = signed_in_page
    page.get_by_role("link", name="Import").click()
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
    page.get_by_label("Search contacts").fill("Researcher")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Priya Raman")).to_be_visible()
    expect(page.get_by_role("link", name="Mei Chen")).to_have_count(0)

    page.get_by_role("link", name="Import").click()
    screenshot("import-batches")
    page.get_by_role("link", name="Undo…").click()
    page.get_by_role("button", name="Undo this import").click()
    expect(page.get_by_text("4 contacts removed")).to_be_visible()
    page.get_by_role("link", name="Contacts").click()
    expect(page.get_by_text("No contacts yet.")).to_be_visible()

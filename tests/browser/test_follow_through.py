"""The follow-through half in a real browser: thank the introducer from Today, then the
Network and Templates pages at desktop and phone width."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _network(user):
    """Ana introduced Sam; Sam was interviewed yesterday. Two more contacts, amber and red."""
    from coffeechat.core.models import Contact, Conversation, Message, Referral

    user.profile.name = "Ada Student"
    user.profile.save()
    now = timezone.now()
    ana = Contact.objects.create(
        owner=user, first_name="Ana", last_name="Ruiz", email="ana@example.com", title="Designer"
    )
    Conversation.objects.create(
        owner=user,
        contact=ana,
        stage="thanked",
        held_at=now - timedelta(days=20),
        thanked_at=now - timedelta(days=19),
        report_back_at=now - timedelta(days=12),
    )
    Message.objects.create(
        owner=user,
        contact=ana,
        direction="out",
        kind="report-back",
        sent_at=now - timedelta(days=12),
    )
    sam = Contact.objects.create(owner=user, first_name="Sam", last_name="Lee")
    Conversation.objects.create(
        owner=user, contact=sam, stage="held", held_at=now - timedelta(days=1)
    )
    Referral.objects.create(owner=user, from_contact=ana, to_contact=sam)
    for first, days, cadence in (("Amber", 31, None), ("Ruby", 16, 10)):
        person = Contact.objects.create(
            owner=user, first_name=first, last_name="Okafor", cadence_days=cadence
        )
        Conversation.objects.create(
            owner=user,
            contact=person,
            stage="thanked",
            held_at=now - timedelta(days=days),
            thanked_at=now - timedelta(days=days),
            report_back_at=now - timedelta(days=days),
        )
        Message.objects.create(
            owner=user,
            contact=person,
            direction="in",
            kind="reply",
            sent_at=now - timedelta(days=days),
        )
    return ana


def test_thank_the_introducer_from_today_then_the_network_page(
    signed_in_page, screenshot, live_server
):
    page = signed_in_page
    _network(page.user)
    page.goto(f"{live_server.url}/")
    card = page.locator(
        'article[data-kind="thank_introducer"]', has_text="Thank Ana Ruiz for introducing you"
    )
    card.get_by_role("link", name="Write thank-you").click()
    expect(page.locator("#draft-subject")).to_have_value("Thank you for introducing me to Sam Lee")
    expect(page.locator("#draft-body")).to_contain_text("Thank you for introducing me to Sam Lee.")
    expect(page.locator('#checks li[data-check="no-job-ask"]')).to_have_attribute(
        "data-passed", "true"
    )
    page.route("mailto:*", lambda route: route.abort())
    page.get_by_role("button", name="Mark sent").click()
    expect(page.get_by_text("Recorded:")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.locator('article[data-kind="thank_introducer"]')).to_have_count(0)

    # Today's updates and the Network colours agree: Amber and Ruby are due, Ana is not.
    updates = page.locator('article[data-kind="stay_in_touch"] .title')
    expect(updates).to_have_text(["Send Ruby Okafor an update", "Send Amber Okafor an update"])
    page.goto(f"{live_server.url}/network/")
    cards = page.locator("article.cadence-card strong")
    expect(cards).to_have_text(["Ruby Okafor", "Amber Okafor"])
    expect(page.locator(".cadence-card .badge")).to_have_text(["red", "amber"])
    expect(page.get_by_role("link", name="Ana Ruiz")).to_be_visible()  # on track
    screenshot("network-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("network-phone")
    # Each due contact has its update one click away, listing recent progress.
    page.locator(".cadence-card", has_text="Amber Okafor").get_by_role(
        "link", name="Write update"
    ).click()
    expect(page.locator("#draft-kind")).to_have_value("update")
    expect(page.locator("#draft-subject")).to_have_value("An update from Ada")


def test_the_templates_page_at_desktop_and_phone_width(signed_in_page, screenshot, live_server):
    page = signed_in_page
    page.goto(f"{live_server.url}/templates/")
    expect(page.get_by_role("link", name="Thank the introducer")).to_be_visible()
    screenshot("templates-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot("templates-phone-all")

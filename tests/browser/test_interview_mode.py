"""Interview mode on a 375 px phone, in a real browser: notes survive a reload and a
dropped connection, a highlight, a referral and advice are captured, and ending the
interview puts the thank-you and the referral on Today. Also screenshots the brief."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser


def _booked(user):
    """A 30-minute video call with Ana Ruiz that started two minutes ago, with a plan."""
    from coffeechat.core.models import Question
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations import actions as conversations
    from coffeechat.services.prep import plans
    from coffeechat.services.prep.questions import ensure_question_bank

    profile = user.profile
    profile.time_zone = "America/New_York"
    profile.elevator_pitch = (
        "I taught secondary maths for six years and led our school's research on how "
        "students use feedback. I want to do that work for products."
    )
    profile.why_this_field = "Research is the part of teaching I loved most."
    profile.save()
    org = crm.create_organization(
        user,
        {"name": "Acme Health", "motivation": 3, "posting": 2, "website": "https://acme.example"},
    )
    ana = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "organization": org.pk,
            "title": "Senior UX Researcher",
            "time_zone": "Europe/Berlin",
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "research_notes": "Moved from teaching to research in 2019. Led the patient portal "
            "redesign; wrote about diary studies with nurses.",
            "connection": "We both studied education at Leeds.",
        },
    )
    conv = conversations.start_conversation(
        user,
        {
            "contact": ana.pk,
            "planned_minutes": 30,
            "purpose": "Learn how a teacher becomes a researcher.",
        },
    )
    now = timezone.now()
    conversations.record_event(user, conv.pk, {"type": "request_sent"}, now - timedelta(days=3))
    start = timezone.localtime(now - timedelta(minutes=2), timezone=profile.zone)
    conversations.record_event(
        user,
        conv.pk,
        {
            "type": "scheduled",
            "starts_at": start.replace(tzinfo=None).isoformat(timespec="minutes"),
            "time_zone": "America/New_York",
            "minutes": 30,
        },
        now - timedelta(days=1),
    )
    conversations.update_conversation(
        user, conv.pk, {"location": "https://meet.example/ana"}, partial=True
    )
    ensure_question_bank(user)
    for key in ("day-last-week", "path-changer", "skill-my-gap", "trend-automation"):
        plans.add_question(user, conv.pk, Question.objects.get(owner=user, key=key).pk)
    return conv


def test_interview_mode_on_a_phone_loses_nothing_and_ends_held(signed_in_page, screenshot):
    from coffeechat.core.models import ActionItem, Contact, Conversation, Note

    page = signed_in_page
    conv = _booked(page.user)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/interview/")
    expect(page.get_by_role("heading", name=re.compile("Ana Ruiz"))).to_be_visible()

    page.get_by_role("button", name="Start the clock").click()
    expect(page.locator("#iv-phase")).to_have_text("Small talk")
    expect(page.locator("#iv-now-text")).to_contain_text("what you do now")

    # Type in the second question's box and reload before the autosave fires.
    box = page.get_by_label(re.compile("Notes on: Could you walk me through"))
    box.press_sequentially("Mondays are planning; diary studies run for two weeks")
    page.reload()
    box = page.get_by_label(re.compile("Notes on: Could you walk me through"))
    expect(box).to_have_value("Mondays are planning; diary studies run for two weeks")
    card = page.locator(".iv-q", has=box)
    expect(card.locator(".iv-status")).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))
    note = Note.objects.get(conversation=conv, text__startswith="Mondays")
    assert note.text == "Mondays are planning; diary studies run for two weeks"

    # A dropped connection: the box says so, keeps the text, and sends it when back.
    page.context.set_offline(True)
    box.press_sequentially(". Nurses were the best diarists.")
    box.blur()
    expect(card.locator(".iv-status")).to_have_text(
        "Offline — kept on this device, will send when online"
    )
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(card.locator(".iv-status")).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))
    note.refresh_from_db()
    assert note.text.endswith("Nurses were the best diarists.")

    # Check the opener off; the current question moves on.
    page.locator(".iv-q").first.get_by_role("button", name=re.compile("^Asked")).click()
    expect(page.locator("#iv-now-text")).to_contain_text("Could you walk me through")

    # One tap marks the note as a specific point for the thank-you.
    highlight = card.get_by_role("button", name=re.compile("^Specific point for the thank-you"))
    highlight.click()
    expect(highlight).to_have_attribute("aria-pressed", "true")
    note.refresh_from_db()
    assert note.highlight

    # "Talk to Sam Lee at Acme Health."
    page.get_by_text("+ Someone to talk to (referral)").click()
    page.get_by_label("Name").fill("Sam Lee")
    page.get_by_label("Organization").fill("Acme Health")
    page.get_by_label("Role or title").fill("Head of Research")
    page.get_by_label("Why talk to them").fill("Hires career changers into research")
    page.get_by_role("button", name="Add referral").click()
    expect(page.get_by_text("Sam Lee added, introduced by Ana Ruiz")).to_be_visible()

    page.get_by_text("+ Advice to act on").click()
    page.get_by_label("Advice to act on").fill("Take a course on survey design")
    page.get_by_label("Kind").select_option("course")
    page.get_by_role("button", name="Add action item").click()
    expect(page.get_by_text(re.compile(r"Action item added \(Course, due"))).to_be_visible()
    assert ActionItem.objects.get(conversation=conv).text == "Take a course on survey design"
    sam = Contact.objects.get(first_name="Sam", last_name="Lee")
    assert sam.referred_by_id == conv.contact_id

    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"interview mode scrolls sideways ({wide}px wide)"
    page.goto(f"{page.base_url}/conversations/{conv.pk}/interview/")
    screenshot("interview-phone")
    # What the phone shows at a glance, mid-page: the clock stays on top.
    page.locator(".iv-q").nth(2).scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "interview-phone-viewport.png"))

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="End interview").click()
    expect(page.get_by_text("Interview held.")).to_be_visible()
    conv.refresh_from_db()
    assert conv.stage == "held" and conv.held_at is not None
    # Ending opens the thank-you: the highlight is a point to say in your own words,
    # shown beside the draft and never pasted into it.
    expect(page.locator("#draft-body")).to_have_value(
        re.compile(r"Your point about \{point 1 in your words\} stayed with me")
    )
    expect(page.locator("#draft-body")).not_to_have_value(re.compile("Mondays are planning"))
    expect(page.locator("#points-to-mention")).to_contain_text("Mondays are planning")
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the thank-you composer scrolls sideways ({wide}px wide)"
    screenshot("thank-you-after-interview-phone")

    page.goto(page.base_url + "/")
    expect(page.locator('article[data-kind="thank"]')).to_contain_text("Thank Ana Ruiz")
    expect(page.locator('article[data-kind="referral"]')).to_contain_text(
        "Contact Sam Lee (introduced by Ana Ruiz)"
    )
    screenshot("today-after-interview-phone")
    assert Conversation.objects.get(pk=conv.pk).stage == "held"


def test_the_overtime_warning_suggests_asking_for_more_time(signed_in_page):
    page = signed_in_page
    conv = _booked(page.user)
    conv.interview_started_at = timezone.now() - timedelta(minutes=33)
    conv.save()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/interview/")
    expect(page.locator("#iv-phase")).to_have_text("Over time")
    expect(page.locator("#iv-overtime")).to_contain_text("3 min over the agreed 30 minutes")
    expect(page.locator("#iv-overtime")).to_contain_text("a few more minutes")


def test_the_plan_editor_reorders_with_the_keyboard(signed_in_page, screenshot):
    page = signed_in_page
    conv = _booked(page.user)
    page.goto(f"{page.base_url}/conversations/{conv.pk}/#plan")
    page.locator("#plan").screenshot(path=str(SCREENSHOTS / "plan-editor.png"))
    picks = page.locator(".plan-lines .role-pick .text")
    first, second = picks.nth(0).inner_text(), picks.nth(1).inner_text()
    page.locator(".plan-lines .role-pick").nth(1).get_by_role(
        "button", name=re.compile("^Move up")
    ).focus()
    page.keyboard.press("Enter")
    expect(picks.nth(0)).to_have_text(second)
    expect(picks.nth(1)).to_have_text(first)
    # The focus stays on the moved question's button, so it can be moved again.
    focused = page.evaluate("document.activeElement && document.activeElement.id")
    assert focused and focused.startswith("up-")
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the plan editor scrolls sideways ({wide}px wide)"
    page.locator("#plan").screenshot(path=str(SCREENSHOTS / "plan-editor-phone.png"))
    page.goto(page.base_url + "/questions/?category=challenges")
    screenshot("question-bank-phone")


def test_the_brief_on_screen_and_in_print(signed_in_page, screenshot):
    page = signed_in_page
    conv = _booked(page.user)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/brief/")
    expect(page.get_by_role("heading", name="Brief: Ana Ruiz")).to_be_visible()
    expect(page.get_by_text("Their time")).to_be_visible()
    screenshot("brief")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.locator(".print-only").first).to_be_visible()
    screenshot("brief-print")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375, f"the brief scrolls sideways ({wide}px wide)"
    screenshot("brief-phone")


def test_interview_mode_by_keyboard_alone(signed_in_page):
    from coffeechat.core.models import Note, PlannedQuestion

    page = signed_in_page
    conv = _booked(page.user)
    page.goto(f"{page.base_url}/conversations/{conv.pk}/interview/")
    page.get_by_role("button", name="Start the clock").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#iv-phase")).to_have_text("Small talk")
    opener = page.locator(".iv-q").first
    opener.locator("textarea").focus()
    page.keyboard.type("Came from teaching; the portal project was her first research lead")
    page.keyboard.press("Alt+KeyH")
    expect(opener.locator(".iv-highlight button")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Control+Enter")
    expect(opener.locator(".iv-asked button")).to_have_attribute("aria-pressed", "true")
    focused = page.evaluate("document.activeElement.closest('.iv-q').dataset.line")
    second = page.locator(".iv-q").nth(1).get_attribute("data-line")
    assert focused == second
    expect(page.locator("#iv-now-text")).to_contain_text("Could you walk me through")
    note = Note.objects.get(conversation=conv, text__startswith="Came from teaching")
    assert note.highlight
    assert PlannedQuestion.objects.get(pk=int(opener.get_attribute("data-line"))).asked


def test_an_incomplete_brief_says_what_is_missing(signed_in_page, screenshot):
    from coffeechat.core.models import PlannedQuestion

    page = signed_in_page
    conv = _booked(page.user)
    PlannedQuestion.objects.filter(conversation=conv).delete()
    contact = conv.contact
    contact.research_notes = ""
    contact.save()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{page.base_url}/conversations/{conv.pk}/brief/")
    missing = page.locator("#missing")
    expect(missing).to_contain_text("No research")
    expect(missing).to_contain_text("No question plan")
    missing.get_by_role("link", name="edit the plan").click()
    expect(page.get_by_label("Add a question from your bank")).to_be_visible()
    page.goto(f"{page.base_url}/conversations/{conv.pk}/brief/")
    screenshot("brief-missing-phone")


def _worker_keeps(page, path: str, containing: str = "") -> None:
    """Wait until the service worker controls the page and has kept a copy of ``path``
    (with ``containing`` in it)."""
    page.wait_for_function(
        "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)"
    )
    page.wait_for_function(
        """async ([path, containing]) => {
            const cache = await caches.open("coffeechat-pages");
            const copy = await cache.match(new URL(path, location.href).href);
            return !!copy && (await copy.text()).includes(containing);
        }""",
        arg=[path, containing],
    )


def test_interview_mode_opens_and_autosaves_offline_and_sends_when_back(signed_in_page, screenshot):
    """The service worker keeps interview mode (and the brief) when opened; with no
    network the page still opens from that copy, notes typed are kept on the device,
    and they reach the server once it is back."""
    from coffeechat.core.models import Note

    page = signed_in_page
    conv = _booked(page.user)
    interview = f"/conversations/{conv.pk}/interview/"
    brief = f"/conversations/{conv.pk}/brief/"
    # The page the sign-in link opened installed the worker; from now on it answers.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(page.base_url + brief)
    _worker_keeps(page, brief)
    page.goto(page.base_url + interview)
    _worker_keeps(page, interview)
    page.get_by_role("button", name="Start the clock").click()
    expect(page.locator("#iv-phase")).to_have_text("Small talk")
    # Starting the clock has the worker keep a fresh copy, with the start in it.
    _worker_keeps(page, interview, containing="&quot;started&quot;: &quot;")

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name=re.compile("Ana Ruiz"))).to_be_visible()
    banner = page.locator(".offline-banner")
    expect(banner).to_contain_text("copy of this page kept on this device")
    # The clock kept running in the copy: the copy kept after "Start" knows it started.
    expect(page.locator("#iv-phase")).to_have_text("Small talk")

    box = page.get_by_label(re.compile("Notes on: Could you walk me through"))
    box.press_sequentially("Written with no network")
    box.blur()
    card = page.locator(".iv-q", has=box)
    status = card.locator(".iv-status")
    expect(status).to_have_text("Offline — kept on this device, will send when online")
    assert not Note.objects.filter(conversation=conv).exists()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"interview-offline-{width}")

    # Reloaded again while still offline: the text comes back from the device.
    page.reload()
    box = page.get_by_label(re.compile("Notes on: Could you walk me through"))
    expect(box).to_have_value("Written with no network")
    status = page.locator(".iv-q", has=box).locator(".iv-status")
    expect(status).to_have_text("Offline — kept on this device, will send when online")

    # The brief opens offline too; a page never opened gets the offline page.
    page.goto(page.base_url + brief)
    expect(page.get_by_role("heading", name="Brief: Ana Ruiz")).to_be_visible()
    page.goto(page.base_url + "/insights/")
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"offline-page-{width}")
    page.goto(page.base_url + interview)
    box = page.get_by_label(re.compile("Notes on: Could you walk me through"))
    status = page.locator(".iv-q", has=box).locator(".iv-status")

    page.context.set_offline(False)
    expect(status).to_have_text(re.compile(r"^Saved \d\d:\d\d$"), timeout=40_000)
    note = Note.objects.get(conversation=conv)
    assert note.text == "Written with no network"

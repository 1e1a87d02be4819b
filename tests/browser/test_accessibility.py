"""axe-core on every page of a seeded account, at 1280 and 375 px: no serious or
critical violation anywhere (issue #12 item 7).

axe-core comes from the npm registry, pinned in tests/browser/package-lock.json and
installed by ``scripts/test`` (``npm ci --prefix tests/browser``); nothing is fetched
at run time. The pages are every GET route of the web URL conf that answers with an
HTML page, filled in with one object of each kind from the sample campaign, plus a
conversation in each other stage (its page and composer) and a few states a route
shows only after a click (interview mode started, an import preview, a form with
errors, the signed-out pages).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.routes import web_pages

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SAMPLE = HERE.parent / "importers" / "samples" / "linkedin_connections.csv"
BLOCKING = {"serious", "critical"}
WIDTHS = [(1280, "desktop"), (375, "phone")]
# Pages saved as screenshots (test-artifacts/screenshots/a11y-*.png) to look at.
PICTURED = {
    "web:today",
    "web:contact",
    "web:conversation",
    "web:composer",
    "web:organization",
    "web:statistics",
}

# Web routes not scanned at their bare URL, each with the reason. Every other
# route is requested with a GET (its parameters filled in by _objects()) and
# scanned when it answers with an HTML page. A new route whose parameter has no
# value, or that answers an error, fails test_every_page_route_is_scanned until
# it is filled in or named here.
NOT_SCANNED = {
    "web:contact_merge_undo": "needs a merge; the page is a POST-only undo",
    "web:message_import_undo": "POST-only undo of a pasted-message import",
    "web:calendar_feed_ics": "an .ics file, not a page",
    "web:import_mapping": "scanned after an upload, in _import_pages()",
    "web:import_preview": "scanned after an upload, in _import_pages()",
    "web:import_confirm": "POST only",
    "web:import_decide": "POST only (keeps a page of duplicate choices, then redirects)",
    "web:import_cancel": "POST only",
    "web:sign_in_link": "signs in; its expired page is scanned signed out",
    "web:trash_move": "scanned per kind below (contact, conversation, organization)",
    "web:trash_restore": "POST only",
    "web:open_question_answered": "POST only",
    "web:undo_set_aside": "POST only",
    "web:import_undo": "scanned after an import, in _import_pages()",
}


def _axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is not installed: run `npm ci --prefix tests/browser`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _routes() -> list[tuple[str, str]]:
    """(name, route) of every named page under the web namespace."""
    return [(f"web:{name}", route) for name, route in web_pages()]


def _seed(user):
    from django.utils import timezone

    from coffeechat.sample.demo import load_demo
    from coffeechat.services.outreach.templates import seed_templates

    load_demo(user, timezone.now(), contacts=0)
    seed_templates(user)


def _objects(user) -> dict[str, int]:
    """One object of each kind, keyed by the route segment before its <int:pk>."""
    from coffeechat.core.models import (
        ActionItem,
        CareerPath,
        Contact,
        Organization,
        PlannedQuestion,
        Question,
        Template,
    )

    planned = PlannedQuestion.objects.for_user(user).filter(conversation__stage="scheduled")
    conversation = planned.values_list("conversation_id", flat=True).first()
    contact = Contact.objects.for_user(user).get(conversations=conversation)
    other = Contact.objects.for_user(user).exclude(pk=contact.pk).order_by("pk").first()
    org = contact.organization_id or Organization.objects.for_user(user).values("pk")[0]["pk"]
    return {
        "conversations": conversation,
        "contacts": contact.pk,
        "other": other.pk,
        "organizations": org,
        "paths": CareerPath.objects.for_user(user).order_by("pk").first().pk,
        "templates": Template.objects.for_user(user).order_by("pk").first().pk,
        "questions": Question.objects.for_user(user).order_by("pk").first().pk,
        "action-items": ActionItem.objects.for_user(user).order_by("pk").first().pk,
        "actions": ActionItem.objects.for_user(user).order_by("pk").first().pk,
        "line": 1,
    }


def _fill(route: str, objects: dict[str, int]) -> str | None:
    """The route with its parameters filled in, or None when one has no value."""
    missing = False

    def value(match: re.Match) -> str:
        nonlocal missing
        name = match.group(2)
        before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
        key = {"pk": before, "other": "other", "line": "line"}.get(name, name)
        if key not in objects:
            missing = True
            return ""
        if name == "line":
            return str(objects["line"])
        return str(objects[key])

    filled = re.sub(r"<(?:(\w+):)?(\w+)>", value, route)
    return None if missing else "/" + filled


def _pages(client, objects) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, url) of the routes that answer a GET with an HTML page, and the names
    of routes left unscanned without a reason."""
    pages, unexplained = [], []
    for name, route in _routes():
        if name in NOT_SCANNED:
            continue
        url = _fill(route, objects)
        if url is None:
            unexplained.append(f"{name} ({route})")
            continue
        response = client.get(url)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 200 and is_html:
            pages.append((name, url))
        elif response.status_code not in (301, 302, 405) and not (
            response.status_code == 200 and not is_html
        ):
            unexplained.append(f"{name} ({url}): {response.status_code}")
    for kind in ("contact", "conversation", "organization"):
        pk = objects[f"{kind}s"]
        pages.append((f"web:trash_move[{kind}]", f"/trash/{kind}/{pk}/"))
    return pages, unexplained


def _scan(page, source: str, label: str) -> list[str]:
    # Evaluated through the DevTools protocol, not added as a <script>: the pages'
    # Content-Security-Policy (script-src 'self') refuses an inline script tag.
    page.evaluate(source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            const version = r.testEngine.version;
            if (!version.startsWith('4.')) throw new Error('axe-core ' + version);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => {
                    const data = (n.any[0] || n.all[0] || {}).data || {};
                    const colours = data.fgColor
                        ? ` (${data.fgColor} on ${data.bgColor}, ${data.contrastRatio}:1)` : '';
                    return n.target.join(' ') + colours;
                }),
            }));
        }"""
    )
    return [
        f"{label}: {v['impact']} {v['id']} ({v['help']}) at {target}"
        for v in result
        if v["impact"] in BLOCKING
        for target in v["nodes"]
    ]


def _other_stages(user, scanned: int) -> list[tuple[str, str]]:
    """The conversation page and composer of one conversation in each other stage:
    each stage shows its own forms (reply, classify, book, thank, close)."""
    from coffeechat.core.models import Conversation

    chosen: dict[str, int] = {}
    for pk, stage in Conversation.objects.for_user(user).order_by("pk").values_list("pk", "stage"):
        if pk != scanned:
            chosen.setdefault(stage, pk)
    return [
        (f"web:{name}[{stage}]", f"/conversations/{pk}/{suffix}")
        for stage, pk in sorted(chosen.items())
        for name, suffix in (("conversation", ""), ("composer", "compose/"))
    ]


def _visit(page, url: str, source: str, label: str) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.ok, f"{label}: {response and response.status}"
    return _scan(page, source, label)


def _import_pages(page, source: str) -> list[str]:
    """Upload → preview → columns → import → undo: the pages behind an upload."""
    found = []
    page.goto(page.base_url + "/import/")
    page.get_by_label("LinkedIn connections").check()
    page.get_by_label("File", exact=True).set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Preview").click()
    page.wait_for_url(re.compile(r"/import/[^/]+/$"))
    found += _scan(page, source, "web:import_preview")
    preview = page.url
    found += _visit(page, preview + "columns/", source, "web:import_mapping")
    page.goto(preview)
    page.get_by_role("button", name=re.compile("^Import ")).click()
    page.wait_for_url(re.compile(r"/import/$"))
    found += _scan(page, source, "web:imports[message]")
    undo = page.locator('a[href*="/import/batches/"][href$="/undo/"]').first.get_attribute("href")
    found += _visit(page, page.base_url + undo, source, "web:import_undo")
    return found


def _interview_started(page, url: str, source: str) -> list[str]:
    """Interview mode after Start, one ★ Specific point pressed."""
    from playwright.sync_api import expect

    page.goto(url)
    page.get_by_role("button", name="Start the clock").click()
    expect(page.get_by_role("button", name="Start the clock")).to_have_count(0)
    card = page.locator(".iv-q[data-line]").first
    card.locator("textarea").fill("Diary studies with nurses.")
    star = card.get_by_role("button", name=re.compile("^Specific point"))
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    return _scan(page, source, "web:interview[started]")


def _form_errors(page, base_url: str, source: str) -> list[str]:
    """A form sent back with its errors (New contact, sent empty)."""
    page.goto(base_url + "/contacts/new/")
    form = page.locator("main form.form, main form").first
    form.evaluate("f => { f.noValidate = true; }")
    form.locator('button[type="submit"]').last.click()
    page.wait_for_load_state()
    assert page.locator(".errorlist, .errorbox").count(), "the empty form was accepted"
    return _scan(page, source, "web:contact_create[errors]")


def _signed_out(browser, base_url: str, source: str, width: int) -> list[str]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        found = _visit(page, base_url + "/login/", source, "web:login")
        page.goto(base_url + "/signin/not-a-real-secret/")
        found += _scan(page, source, "web:sign_in_link[expired]")
        return found
    finally:
        context.close()


def test_every_page_route_is_scanned(db, user):
    """Each web route is scanned, or named in NOT_SCANNED with the reason."""
    from django.test import Client

    _seed(user)
    client = Client()
    client.force_login(user)
    pages, unexplained = _pages(client, _objects(user))
    assert not unexplained, "Routes neither scanned nor in NOT_SCANNED:\n" + "\n".join(unexplained)
    assert len(pages) > 40


@pytest.mark.parametrize(("width", "name"), WIDTHS)
def test_no_serious_or_critical_axe_violation_on_any_page(
    signed_in_page, browser, screenshot, width, name
):
    from django.test import Client

    source = _axe_source()
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    base = page.base_url

    # The empty account first: the first-day Today and the welcome page.
    found = _visit(page, base + "/", source, "web:today[empty]")
    found += _visit(page, base + "/welcome/", source, "web:welcome[empty]")

    _seed(page.user)
    client = Client()
    client.force_login(page.user)
    objects = _objects(page.user)
    pages, _ = _pages(client, objects)
    pages += _other_stages(page.user, objects["conversations"])
    for label, url in pages:
        found += _visit(page, base + url, source, label)
        if label in PICTURED:
            screenshot(f"a11y-{label.removeprefix('web:')}-{name}")
    found += _interview_started(
        page, f"{base}/conversations/{objects['conversations']}/interview/", source
    )
    screenshot(f"a11y-interview-{name}")
    found += _import_pages(page, source)
    found += _form_errors(page, base, source)
    found += _signed_out(browser, base, source, width)

    print(f"\naxe-core {width} px: {len(pages) + 10} pages, {len(found)} serious/critical")
    assert not found, f"{len(found)} serious or critical axe-core violations:\n" + "\n".join(found)

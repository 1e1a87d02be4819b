"""Every page of a sample account, at 1280 and 375 px, under the Content-Security-Policy.

The pages are found the way a person finds them: starting from Today, the API docs and
the footer, every same-origin link is followed, one page per URL pattern. On each page
the browser must report no CSP violation (neither the securitypolicyviolation event
nor a console error) and make no request to any origin but the live server.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.browser

# Downloads and one-off links: not pages to look at.
SKIP = re.compile(r"\.(ics|json|zip|vcf|md|csv)$|^/(logout|signin)/")

# Registered before any page script: counts what the browser refused.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI || "inline"} at ${where}`);
});
"""

# Pages a person reaches by a link: found by the crawl, each must be among them.
MUST_VISIT = {
    "/",
    "contacts/",
    "contacts/<int:pk>/",
    "organizations/",
    "conversations/",
    "conversations/<int:pk>/",
    "paths/",
    "paths/<int:pk>/",
    "settings/calendar-feed/",
    "trash/",
    "/api/v1/docs",
}


def route_of(path: str) -> str | None:
    if path.startswith("/api/v1/docs"):
        return "/api/v1/docs"
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route or "/"


@pytest.fixture
def sample_page(signed_in_page):
    from django.utils import timezone

    from coffeechat.sample.demo import load_demo

    load_demo(signed_in_page.user, timezone.now(), contacts=0)
    return signed_in_page


@pytest.mark.parametrize("width", [1280, 375])
def test_every_page_keeps_to_its_own_origin_and_breaks_no_rule_of_the_policy(sample_page, width):
    page = sample_page
    base = page.base_url
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(WATCH_CSP)

    foreign: list[str] = []
    console: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and "{0.scheme}://{0.netloc}".format(urlsplit(request.url)) != origin
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )

    queue = deque(["/", "/api/v1/docs", "/trash/", "/settings/calendar-feed/"])
    seen_routes: dict[str, str] = {}
    violations: dict[str, list[str]] = {}
    while queue:
        path = queue.popleft()
        route = route_of(urlsplit(path).path)
        if route is None or route in seen_routes or SKIP.search(urlsplit(path).path):
            continue
        seen_routes[route] = path
        response = page.goto(base + path, wait_until="networkidle")
        assert response is not None and response.ok, (path, response and response.status)
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp, path
        if path.startswith("/api/v1/docs"):
            page.wait_for_selector(".swagger-ui .info", timeout=10_000)
            # Open an operation and "Try it out": Swagger UI draws more as you use it.
            page.locator(".opblock-summary").first.click()
            page.get_by_role("button", name="Try it out").first.click()
            page.get_by_role("button", name="Execute").first.click()
            page.wait_for_selector(".responses-wrapper .live-responses-table", timeout=10_000)
        found = page.evaluate("window.__csp")
        if found:
            violations[path] = found
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target = urlsplit(urljoin(page.url, href))
            if f"{target.scheme}://{target.netloc}" != origin:
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))

    assert not violations, violations
    assert not console, console
    assert not foreign, foreign
    missing = MUST_VISIT - set(seen_routes)
    assert not missing, (missing, sorted(seen_routes))
    assert len(seen_routes) >= 30, sorted(seen_routes)


def test_the_confirmations_the_buttons_and_the_bars_work_with_no_inline_script(sample_page):
    from playwright.sync_api import expect

    from coffeechat.core.models import ActionItem, CareerPath

    page = sample_page
    base = page.base_url
    page.add_init_script(WATCH_CSP)

    # Search as you type: htmx swaps the list in, and nothing it does is refused.
    page.goto(base + "/contacts/")
    with page.expect_response(
        lambda r: "/contacts/" in r.url and r.request.headers.get("hx-request")
    ):
        page.locator("#q").fill("a")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []

    item = ActionItem.objects.filter(owner=page.user, done_at__isnull=True).first()
    page.goto(base + "/action-items/")
    delete = page.get_by_role("button", name=f"Delete: {item.text}")
    asked: list[str] = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    delete.click()
    page.wait_for_timeout(300)
    assert asked == ["Move this action item to the trash? You can restore it from the trash."]
    assert ActionItem.objects.filter(pk=item.pk, deleted_at__isnull=True).exists()
    page.once("dialog", lambda dialog: dialog.accept())
    delete.click()
    expect(page.get_by_role("button", name=f"Delete: {item.text}")).to_have_count(0)

    # The stage menu sends its form on change.
    page.goto(base + "/conversations/")
    page.select_option("#stage", index=1)
    expect(page).to_have_url(re.compile(r"\?stage=\w+"))

    # The fit meter's width comes from data-pct through page.js.
    path = next(p for p in CareerPath.objects.filter(owner=page.user) if p.fit_ratings.exists())
    page.goto(f"{base}/paths/{path.pk}/reflect/")
    fill = page.locator(".fit-score .meter span")
    pct = float(fill.get_attribute("data-pct"))
    width = fill.evaluate(
        "el => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width"
    )
    assert pct > 0 and abs(width * 100 - pct) < 1.5

    # The feed address: select on focus, copy or say how to.
    page.goto(base + "/settings/calendar-feed/")
    page.get_by_role("button", name="Create my feed address").click()
    page.locator("#feed-url").focus()
    selected = page.locator("#feed-url").evaluate(
        "box => box.value.slice(box.selectionStart, box.selectionEnd)"
    )
    assert selected.startswith("http") and selected.endswith(".ics")
    page.get_by_role("button", name="Copy address").click()
    expect(page.locator("#copy-feed-status")).to_have_text(
        re.compile(r"^(Copied\.|Press Ctrl\+C \(⌘C\) to copy the selected address\.)$")
    )

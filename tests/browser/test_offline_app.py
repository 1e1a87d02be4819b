"""The service worker in a real browser: which pages it keeps, which it never keeps,
and that signing out empties the copies (interview mode offline is in
test_interview_mode.py)."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.urls import path

from coffeechat.urls import urlpatterns as site

pytestmark = pytest.mark.browser


def _no_store(request):
    response = HttpResponse("<!doctype html><html><head></head><body>secret</body></html>")
    response["Cache-Control"] = "private, no-store"
    return response


# The site plus one HTML page that says no-store (no real page does yet).
urlpatterns = [path("no-store-page/", _no_store), *site]

KEPT = """async () => {
    const cache = await caches.open("coffeechat-pages");
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
}"""
# True when the copy of ``path`` is kept (``wanted``) or gone (not ``wanted``).
HAS = """async ([path, wanted]) => {
    const cache = await caches.open("coffeechat-pages");
    const paths = (await cache.keys()).map((request) => new URL(request.url).pathname);
    return paths.includes(path) === wanted;
}"""


def _kept(page, path: str) -> None:
    page.wait_for_function(
        "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)"
    )
    page.wait_for_function(HAS, arg=[path, True])


def test_pages_are_kept_but_never_the_api_exports_sign_in_or_no_store(signed_in_page, settings):
    from coffeechat.web.views.pwa import static_version

    settings.ROOT_URLCONF = __name__
    page = signed_in_page
    # The worker installed by the page the sign-in link opened; from now on it answers.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(page.base_url + "/profile/")
    _kept(page, "/profile/")
    for url in ("/export/", "/api/v1/docs", "/no-store-page/", "/conversations/"):
        page.goto(page.base_url + url)
    _kept(page, "/conversations/")
    page.wait_for_timeout(500)
    kept = page.evaluate(KEPT)
    assert "/profile/" in kept and "/conversations/" in kept
    for never in ("/export/", "/api/v1/docs", "/no-store-page/"):
        assert never not in kept
    assert not [p for p in kept if p.startswith(("/signin/", "/login/", "/api/"))]
    caches = page.evaluate("caches.keys()")
    assert f"coffeechat-static-{static_version()}" in caches

    # Signing out empties the copies: offline, the next person gets the offline page.
    page.goto(page.base_url + "/profile/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/login/**")
    page.wait_for_function(HAS, arg=["/profile/", False])
    page.context.set_offline(True)
    page.goto(page.base_url + "/profile/")
    assert page.get_by_role("heading", name="You are offline").is_visible()
    page.context.set_offline(False)

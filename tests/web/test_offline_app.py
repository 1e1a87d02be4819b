"""The installable, offline app: the manifest, the service worker at /sw.js, the
offline page, and every page linking them with no inline script."""

from __future__ import annotations

import json
import re
import struct

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from coffeechat.web.views.pwa import static_version


def _static(name: str) -> bytes:
    found = finders.find(name)
    assert found, f"{name} is not a static file"
    with open(str(found), "rb") as handle:
        return handle.read()


def _worker(client) -> tuple[object, str]:
    response = client.get("/sw.js")
    return response, response.content.decode()


def test_the_service_worker_is_served_at_the_root_for_the_whole_site(client, db):
    response, script = _worker(client)
    assert response.status_code == 200
    assert reverse("web:service_worker") == "/sw.js"
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    # Signed out too: the worker is the same for everyone and carries no data.
    assert "Set-Cookie" not in response


def test_the_worker_is_named_for_the_static_files_and_precaches_the_offline_page(client, db):
    _, script = _worker(client)
    assert "__COFFEECHAT_" not in script
    version = static_version()
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    assert f'var VERSION = "{version}";' in script
    precache = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", script).group(1))
    assert precache[0] == "/static/web/offline.html"
    assert "/static/web/app.css" in precache and "/static/web/interview.js" in precache
    for url in precache:
        _static(url.removeprefix("/static/"))


def test_the_worker_never_keeps_the_api_sign_in_links_exports_or_no_store(client, db):
    _, script = _worker(client)
    never = re.search(r"var NEVER = /(.*)/;", script).group(1)
    for path in (
        "/api/v1/contacts",
        "/signin/abc/",
        "/export/",
        "/export/coffeechat.json",
        "/import/x/",
        "/login/",
        "/logout/",
        "/sw.js",
    ):
        assert re.search(never, path), path
    for path in ("/", "/conversations/3/interview/", "/conversations/3/brief/", "/contacts/"):
        assert not re.search(never, path), path
    assert "no-store" in script and 'request.method !== "GET"' in script


def test_the_manifest_names_the_app_its_start_colours_and_icons():
    manifest = json.loads(_static("web/manifest.webmanifest"))
    assert manifest["name"] == manifest["short_name"] == "coffeechat"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    css = _static("web/app.css").decode()
    assert f"--brand: {manifest['theme_color']};" in css
    assert f"--bg: {manifest['background_color']};" in css
    sizes = {icon["sizes"]: icon for icon in manifest["icons"]}
    assert sizes["any"]["src"] == "/static/web/icon.svg"
    for size in (192, 512):
        icon = sizes[f"{size}x{size}"]
        assert icon["type"] == "image/png"
        png = _static(icon["src"].removeprefix("/static/"))
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)


@pytest.mark.parametrize("url", ["web:profile", "web:conversations", "web:login"])
def test_every_page_links_the_manifest_and_registers_the_worker_from_a_file(signed_in, url):
    client = Client() if url == "web:login" else signed_in
    response = client.get(reverse(url))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<link rel="manifest" href="/static/web/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#7a4b2a">' in page
    assert '<script src="/static/web/pwa.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_the_offline_page_says_what_still_works_and_needs_no_inline_code():
    page = _static("web/offline.html").decode()
    assert "You are offline" in page
    assert "Pages you opened before still open" in page
    assert "kept on this device and sent when you are back online" in page
    assert not re.search(r"<script|\son[a-z]+\s*=|\sstyle\s*=|<style", page)
    for url in re.findall(r'(?:href|src)="(/static/[^"]+)"', page):
        _static(url.removeprefix("/static/"))


def test_the_general_note_box_knows_the_text_last_saved(signed_in, user, now):
    from tests.prep_fixtures import booked_interview

    conv = booked_interview(user, now)
    note_url = reverse("web:interview_note", args=[conv.pk])
    signed_in.post(note_url, {"question": "general", "text": "Said outside the plan"})
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert 'data-question="general" data-saved="Said outside the plan"' in page

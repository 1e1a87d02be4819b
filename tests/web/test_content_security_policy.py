"""Every response carries a Content-Security-Policy that names no other origin,
and no template needs an exception to it (no inline script, handler or style)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "coffeechat" / "web" / "templates"
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


@pytest.mark.parametrize(
    "url",
    [
        "web:today",
        "web:contacts",
        "web:calendar_feed",
        "web:export",
        "/api/v1/docs",
        "/api/v1/openapi.json",
        "/no-such-page/",
    ],
)
def test_the_policy_is_on_every_response_and_names_no_other_origin(signed_in, url):
    response = signed_in.get(url if url.startswith("/") else reverse(url))
    header = response["Content-Security-Policy"]
    assert directives(header) == POLICY
    assert "http" not in header and "*" not in header and "unsafe" not in header


def test_the_sign_in_page_has_it_too(client, db):
    assert directives(client.get(reverse("web:login"))["Content-Security-Policy"]) == POLICY


def test_the_api_docs_load_swagger_from_this_server_with_no_inline_script(signed_in):
    page = signed_in.get("/api/v1/docs").content.decode()
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all('src="/static/' in s or 'type="application/json"' in s for s in scripts)


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_no_template_has_an_inline_script_handler_or_style(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"\sstyle\s*=|<style", text), "style attribute or element"
    assert "javascript:" not in text

"""The web app's pages as the URL configuration declares them, for tests that
must cover every page (accessibility, isolation) without keeping a list."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def web_pages() -> list[tuple[str, str]]:
    """(name, route) of every named page in the ``web`` namespace, in URL order."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name and namespace == "web":
                found.append((entry.name, prefix + str(entry.pattern)))

    walk(get_resolver().url_patterns, "", "")
    return found

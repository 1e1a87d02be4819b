"""Template context shared by every page: the navigation."""

from __future__ import annotations

from django.http import HttpRequest

NAVIGATION = (
    ("web:today", "Today"),
    ("web:contacts", "Contacts"),
    ("web:organizations", "Organizations"),
    ("web:paths", "Career paths"),
    ("web:conversations", "Conversations"),
    ("web:profile", "Profile"),
    # Insights and statistics
    ("web:insights", "Insights"),
    ("web:statistics", "Statistics"),
)


def navigation(request: HttpRequest) -> dict[str, object]:
    match = getattr(request, "resolver_match", None)
    current = f"web:{match.url_name}" if match and match.namespace == "web" else ""
    return {"navigation": NAVIGATION, "current_view": current}

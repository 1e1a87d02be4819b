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
    # reflection and nurture (issue 6)
    ("web:action_items", "Action items"),
    ("web:network", "Network"),
    ("web:templates", "Templates"),  # outreach
    # targets area (issue 3); may become a shared "Import/Export" entry
    ("web:export", "Export"),
)
# -- prep area ------------------------------------------------------------------
NAVIGATION += (("web:questions", "Question bank"),)
# imports: the Import page.
NAVIGATION += (("web:imports", "Import"),)


def navigation(request: HttpRequest) -> dict[str, object]:
    match = getattr(request, "resolver_match", None)
    current = f"web:{match.url_name}" if match and match.namespace == "web" else ""
    return {"navigation": NAVIGATION, "current_view": current}

"""Template context shared by every page: the navigation.

The main navigation is data. An entry with no group is **primary**: always in
view, the five places a user goes every day. Every other entry sits in its
group inside the "More" disclosure (a <details>, so it works without
JavaScript and with the keyboard). Groups appear in the order of ``GROUPS``;
a group not listed there comes after them, in the order first used.

To add a page, append one ``NavEntry`` to ``NAVIGATION`` naming its group, e.g.
``NavEntry("web:imports", "Import", DATA)``. A plain ``(view, label)`` pair
still works and lands in "More" under ``OTHER``.
"""

from __future__ import annotations

from typing import NamedTuple

from django.http import HttpRequest

PRIMARY = ""
PREPARE = "Prepare"
FOLLOW_THROUGH = "Follow through"
REFLECT = "See and reflect"
DATA = "Your data"
SETTINGS = "Settings"
OTHER = "Other"

# The order of the groups in "More"; empty groups are not shown.
GROUPS = (PREPARE, FOLLOW_THROUGH, REFLECT, DATA, SETTINGS, OTHER)


class NavEntry(NamedTuple):
    view: str
    label: str
    group: str = OTHER


NAVIGATION: tuple[NavEntry | tuple[str, str], ...] = (
    NavEntry("web:today", "Today", PRIMARY),
    NavEntry("web:contacts", "Contacts", PRIMARY),
    NavEntry("web:organizations", "Organizations", PRIMARY),
    NavEntry("web:conversations", "Conversations", PRIMARY),
    NavEntry("web:paths", "Career paths", PRIMARY),
    NavEntry("web:questions", "Question bank", PREPARE),
    NavEntry("web:templates", "Templates", PREPARE),
    NavEntry("web:action_items", "Action items", FOLLOW_THROUGH),
    NavEntry("web:network", "Network", FOLLOW_THROUGH),
    NavEntry("web:insights", "Insights", REFLECT),
    NavEntry("web:statistics", "Statistics", REFLECT),
    NavEntry("web:imports", "Import", DATA),
    NavEntry("web:export", "Export", DATA),
    NavEntry("web:trash", "Trash", DATA),
    NavEntry("web:profile", "Profile and rules", SETTINGS),
    NavEntry("web:availability", "Availability", SETTINGS),  # scheduling
    NavEntry("web:email_settings", "Email", SETTINGS),
    NavEntry("web:password", "Password", SETTINGS),
    NavEntry("web:calendar_feed", "Calendar feed", SETTINGS),  # scheduling
)


class NavGroup(NamedTuple):
    label: str
    entries: tuple[NavEntry, ...]


def primary_and_groups(
    entries: tuple[NavEntry | tuple[str, str], ...],
) -> tuple[tuple[NavEntry, ...], tuple[NavGroup, ...]]:
    """The always-visible entries, then the "More" groups in ``GROUPS`` order.

    >>> primary, groups = primary_and_groups(
    ...     (NavEntry("a", "A", PRIMARY), ("b", "B"), NavEntry("c", "C", SETTINGS))
    ... )
    >>> [e.label for e in primary], [(g.label, [e.label for e in g.entries]) for g in groups]
    (['A'], [('Settings', ['C']), ('Other', ['B'])])
    """
    normalised = [NavEntry(*entry) for entry in entries]
    primary = tuple(entry for entry in normalised if entry.group == PRIMARY)
    order = list(GROUPS)
    order += [e.group for e in normalised if e.group and e.group not in order]
    order = list(dict.fromkeys(order))
    groups = tuple(
        NavGroup(name, tuple(e for e in normalised if e.group == name)) for name in order
    )
    return primary, tuple(group for group in groups if group.entries)


def navigation(request: HttpRequest) -> dict[str, object]:
    match = getattr(request, "resolver_match", None)
    current = f"web:{match.url_name}" if match and match.namespace == "web" else ""
    # Built per request (a few tuples), so entries appended to NAVIGATION anywhere count.
    primary, groups = primary_and_groups(NAVIGATION)
    return {
        "navigation": primary,
        "navigation_groups": groups,
        "current_view": current,
    }

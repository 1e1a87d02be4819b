"""The navigation data: primary entries, then groups under "More", in a fixed order."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.web.context import (
    NAVIGATION,
    PRIMARY,
    SETTINGS,
    NavEntry,
    primary_and_groups,
)


def test_five_primary_entries_and_every_other_page_in_a_group():
    primary, groups = primary_and_groups(NAVIGATION)
    assert [e.label for e in primary] == [
        "Today",
        "Contacts",
        "Organizations",
        "Conversations",
        "Career paths",
    ]
    grouped = [e for g in groups for e in g.entries]
    assert len(primary) + len(grouped) == len(NAVIGATION)
    assert all(g.entries for g in groups)


def test_a_plain_pair_lands_in_other_and_new_groups_follow_the_known_ones():
    entries = (
        NavEntry("web:today", "Today", PRIMARY),
        ("web:trash", "Trash"),
        NavEntry("web:profile", "Profile", "Brand new"),
        NavEntry("web:availability", "Availability", SETTINGS),
    )
    primary, groups = primary_and_groups(entries)
    assert [e.view for e in primary] == ["web:today"]
    assert [(g.label, [e.label for e in g.entries]) for g in groups] == [
        ("Settings", ["Availability"]),
        ("Other", ["Trash"]),
        ("Brand new", ["Profile"]),
    ]


def test_every_page_shows_every_entry_and_marks_the_current_one(signed_in):
    page = signed_in.get(reverse("web:availability")).content.decode()
    for entry in NAVIGATION:
        assert f'href="{reverse(NavEntry(*entry).view)}"' in page
    assert f'<a href="{reverse("web:availability")}" aria-current="page">' in page
    assert "<summary>More</summary>" in page

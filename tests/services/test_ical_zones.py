"""VTIMEZONE onsets: one per transition, at the local wall time of the old offset."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from coffeechat.services.scheduling.ical_zones import vtimezone


def onsets(zone: str, year: int) -> list[tuple[str, datetime, timedelta, timedelta]]:
    component = vtimezone(ZoneInfo(zone), year, year)
    return [
        (
            sub.name,
            sub.decoded("dtstart"),
            sub.decoded("tzoffsetfrom"),
            sub.decoded("tzoffsetto"),
        )
        for sub in component.subcomponents
    ]


def test_chicago_has_its_two_changes_at_two_in_the_morning():
    hour = timedelta(hours=1)
    assert onsets("America/Chicago", 2026)[1:] == [
        ("DAYLIGHT", datetime(2026, 3, 8, 2, 0), -6 * hour, -5 * hour),
        ("STANDARD", datetime(2026, 11, 1, 2, 0), -5 * hour, -6 * hour),
    ]


def test_a_zone_without_dst_is_one_standard_onset():
    assert onsets("Asia/Tokyo", 2026) == [
        ("STANDARD", datetime(2026, 1, 1, 9, 0), timedelta(hours=9), timedelta(hours=9))
    ]


def test_a_half_hour_change_is_found_to_the_minute():
    # Lord Howe Island moves by 30 minutes, at 02:00 local time in early April.
    changes = onsets("Australia/Lord_Howe", 2026)[1:]
    assert changes[0][1] == datetime(2026, 4, 5, 2, 0)
    assert changes[0][2] - changes[0][3] == timedelta(minutes=30)

"""Slot proposals: the user's windows, the contact's business hours, holidays, buffers, DST."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.profile import Window
from coffeechat.domain.scheduling import (
    Busy,
    SlotRequest,
    describe_slot,
    propose_slots,
    snippet,
)

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
LA = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
MON, TUE, WED, THU, FRI = range(5)


def window(day: int, start: str, end: str) -> Window:
    return Window(day, time.fromisoformat(start), time.fromisoformat(end))


def moment(text: str, zone: ZoneInfo) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def starts(proposal, zone: ZoneInfo) -> list[str]:
    return [slot.start.astimezone(zone).strftime("%Y-%m-%d %H:%M") for slot in proposal.slots]


def request(**overrides) -> SlotRequest:
    fields = {
        "now": moment("2026-11-30 09:00", NY),
        "user_zone": NY,
        "windows": [window(TUE, "10:00", "12:00")],
        "minutes": 30,
        "contact_zone": BERLIN,
        "count": 20,
    }
    return SlotRequest(**(fields | overrides))


def test_slots_lie_in_the_users_window_and_end_by_five_in_the_contacts_zone():
    # 10:00 New York is 16:00 Berlin: 10:00 and 10:30 end by 17:00 there, 11:00 would not.
    proposal = propose_slots(request())
    assert starts(proposal, NY) == [
        "2026-12-01 10:00",
        "2026-12-01 10:30",
        "2026-12-08 10:00",
        "2026-12-08 10:30",
    ]
    assert all(slot.end - slot.start == timedelta(minutes=30) for slot in proposal.slots)


def test_slots_start_no_sooner_than_a_day_ahead():
    at_the_boundary = propose_slots(request(now=moment("2026-11-30 10:00", NY)))
    just_after = propose_slots(request(now=moment("2026-11-30 10:01", NY)))
    assert starts(at_the_boundary, NY)[0] == "2026-12-01 10:00"
    assert starts(just_after, NY)[0] == "2026-12-01 10:30"


def test_the_snippet_gives_the_contacts_time_first_and_the_users_in_brackets():
    proposal = propose_slots(request(count=2))
    assert snippet(proposal).splitlines() == [
        "Would one of these times work for you? (30 minutes)",
        "- Tue 1 Dec, 16:00–16:30 your time (10:00 for me)",
        "- Tue 8 Dec, 16:00–16:30 your time (10:00 for me)",
    ]


def test_when_the_us_springs_forward_before_europe_the_overlap_grows_by_an_hour():
    # 2027: the US changes on 14 March, the EU on 28 March; in between New York is
    # only five hours behind Berlin, so 11:00 and 11:30 New York still end by 17:00.
    proposal = propose_slots(request(now=moment("2027-03-08 09:00", NY)))
    assert starts(proposal, NY) == [
        "2027-03-09 10:00",
        "2027-03-09 10:30",
        "2027-03-16 10:00",
        "2027-03-16 10:30",
        "2027-03-16 11:00",
        "2027-03-16 11:30",
    ]
    last = proposal.slots[-1]
    assert describe_slot(last, NY, BERLIN) == "Tue 16 Mar, 16:30–17:00 your time (11:30 for me)"


def test_when_europe_falls_back_before_the_us_the_contacts_morning_moves():
    # 2026: Berlin leaves summer time on 25 October, New York on 1 November.
    proposal = propose_slots(
        request(
            now=moment("2026-10-18 12:00", BERLIN),
            user_zone=BERLIN,
            contact_zone=NY,
            windows=[window(MON, "14:00", "16:00")],
            days=16,
        )
    )
    assert starts(proposal, BERLIN) == [
        "2026-10-19 15:00",  # six hours apart: 14:00 Berlin is 08:00 in New York
        "2026-10-19 15:30",
        "2026-10-26 14:00",  # five hours apart for one week
        "2026-10-26 14:30",
        "2026-10-26 15:00",
        "2026-10-26 15:30",
        "2026-11-02 15:00",  # six hours apart again
        "2026-11-02 15:30",
    ]


def test_the_users_public_holidays_are_skipped():
    proposal = propose_slots(
        request(
            now=moment("2026-11-23 09:00", NY),
            windows=[window(THU, "10:00", "10:30")],
            user_holidays=holiday_dates("US", [2026]),
        )
    )
    assert starts(proposal, NY) == ["2026-12-03 10:00"]  # not Thanksgiving, 26 November


def test_the_contacts_public_holidays_are_skipped():
    # Easter Monday is a holiday in Germany but not in the United States.
    proposal = propose_slots(
        request(
            now=moment("2026-03-30 09:00", NY),
            windows=[window(MON, "10:00", "10:30")],
            user_holidays=holiday_dates("US", [2026]),
            contact_holidays=holiday_dates("DE", [2026]),
            days=15,
        )
    )
    assert starts(proposal, NY) == ["2026-04-13 10:00"]


def test_booked_interviews_block_their_time_plus_a_buffer_on_both_sides():
    busy = [Busy(moment("2026-12-02 10:00", NY), moment("2026-12-02 10:30", NY))]
    base = request(windows=[window(WED, "09:00", "12:00")], contact_zone=None, days=3, busy=busy)
    with_buffer = propose_slots(base)
    without_buffer = propose_slots(replace(base, buffer=timedelta(0)))
    assert starts(with_buffer, NY) == ["2026-12-02 09:00", "2026-12-02 11:00", "2026-12-02 11:30"]
    assert starts(without_buffer, NY) == [
        "2026-12-02 09:00",
        "2026-12-02 09:30",
        "2026-12-02 10:30",
        "2026-12-02 11:00",
        "2026-12-02 11:30",
    ]


def test_a_window_that_is_the_next_morning_in_the_contacts_zone_uses_that_day():
    # 16:00 Monday in Los Angeles is 09:00 Tuesday in Tokyo; Friday 16:00 is a Tokyo Saturday.
    base = request(
        now=moment("2026-11-30 09:00", LA),
        user_zone=LA,
        contact_zone=TOKYO,
        windows=[window(MON, "16:00", "17:00"), window(FRI, "16:00", "17:00")],
    )
    proposal = propose_slots(base)
    assert starts(proposal, LA) == ["2026-12-07 16:00", "2026-12-07 16:30"]
    assert describe_slot(proposal.slots[0], LA, TOKYO) == (
        "Tue 8 Dec, 09:00–09:30 your time (Mon 7 Dec 16:00 for me)"
    )
    # The contact's holiday is looked up on the contact's own date.
    on_holiday = propose_slots(replace(base, contact_holidays={date(2026, 12, 8)}))
    assert on_holiday.slots == ()


def test_slots_are_spread_over_different_days_first():
    proposal = propose_slots(
        request(windows=[window(TUE, "09:00", "12:00"), window(WED, "09:00", "12:00")], count=3)
    )
    days = [slot.start.astimezone(NY).date() for slot in proposal.slots]
    assert len(set(days)) == 3
    assert days == sorted(days)


def test_no_matching_slot_gives_a_message_that_says_why():
    proposal = propose_slots(request(windows=[window(TUE, "13:00", "15:00")]))  # 19:00 Berlin
    assert proposal.slots == ()
    assert "09:00–17:00 on a weekday in Europe/Berlin" in proposal.message
    assert snippet(proposal) == proposal.message


def test_no_availability_at_all_points_to_the_settings():
    proposal = propose_slots(request(windows=[]))
    assert proposal.slots == ()
    assert "Settings → Availability" in proposal.message


def test_without_the_contacts_zone_the_users_zone_is_assumed_and_said():
    proposal = propose_slots(request(contact_zone=None, count=1))
    assert not proposal.contact_zone_known
    assert "no time zone on file" in proposal.notes[0]
    assert snippet(proposal).splitlines()[1] == "- Tue 1 Dec, 10:00–10:30 (America/New_York time)"


def test_the_docstring_example_holds():
    import doctest

    from coffeechat.domain import scheduling

    assert doctest.testmod(scheduling).failed == 0


def test_a_start_already_taken_is_not_offered_again():
    taken = moment("2026-12-01 10:00", NY)
    proposal = propose_slots(request(taken=frozenset({taken})))
    assert "2026-12-01 10:00" not in starts(proposal, NY)
    assert "2026-12-01 10:30" in starts(proposal, NY)

"""The stay-in-touch colours at their boundaries: a 30-day cadence goes amber on day 30
and red on day 45."""

from datetime import date

import pytest

from coffeechat.domain.nurture import (
    CadenceState,
    Relationship,
    cadence_status,
    maximum_days,
    stay_in_touch_status,
)

LAST = date(2026, 10, 1)
TODAY = date(2026, 11, 3)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 10, 1), CadenceState.ON_TRACK),
        (date(2026, 10, 30), CadenceState.ON_TRACK),  # day 29
        (date(2026, 10, 31), CadenceState.DUE),  # day 30: the ideal
        (date(2026, 11, 14), CadenceState.DUE),  # day 44
        (date(2026, 11, 15), CadenceState.OVERDUE),  # day 45: the maximum
        (date(2027, 3, 1), CadenceState.OVERDUE),
    ],
)
def test_a_thirty_day_cadence_turns_amber_at_the_ideal_and_red_at_the_maximum(today, state):
    assert cadence_status(LAST, 30, today=today).state is state


def test_the_dates_and_days_since_are_given_for_the_page():
    cadence = cadence_status(LAST, 30, today=date(2026, 11, 3))
    assert (cadence.ideal_due, cadence.max_due) == (date(2026, 10, 31), date(2026, 11, 15))
    assert cadence.days_since == 33


def test_nothing_runs_before_the_first_exchange():
    cadence = cadence_status(None, 30, today=date(2026, 11, 3))
    assert cadence.state is CadenceState.NEVER and cadence.ideal_due is None
    assert cadence.label == "No exchange yet"


@pytest.mark.parametrize(("ideal", "most"), [(1, 2), (7, 11), (10, 15), (30, 45), (365, 548)])
def test_the_maximum_is_one_and_a_half_times_the_ideal_rounded_up(ideal, most):
    assert maximum_days(ideal) == most


def test_a_cadence_below_one_day_is_refused():
    with pytest.raises(ValueError, match="not a cadence"):
        cadence_status(LAST, 0, today=LAST)


def test_labels_say_how_long_it_has_been():
    assert cadence_status(LAST, 30, today=date(2026, 11, 20)).label.startswith("Overdue: 50 days")
    assert cadence_status(LAST, 30, today=date(2026, 10, 2)).label == (
        "On track: next update by Sat 31 Oct 2026"
    )


# stay_in_touch_status: the one rule behind Today's update and the Network colours


def _relationship(**changes: object) -> Relationship:
    fields: dict[str, object] = {
        "in_network": True,
        "do_not_contact": False,
        "cadence_days": None,
        "last_exchange": date(2026, 10, 1),
    }
    return Relationship(**(fields | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 10, 30), CadenceState.ON_TRACK),  # day 29
        (date(2026, 10, 31), CadenceState.DUE),  # day 30: amber
        (date(2026, 11, 14), CadenceState.DUE),  # day 44
        (date(2026, 11, 15), CadenceState.OVERDUE),  # day 45: red
    ],
)
def test_the_default_cadence_turns_amber_at_30_days_and_red_at_45(
    today: date, state: CadenceState
) -> None:
    status = stay_in_touch_status(_relationship(), default_days=30, today=today)
    assert status is not None and status.state is state
    assert (status.ideal_due, status.max_due) == (date(2026, 10, 31), date(2026, 11, 15))


@pytest.mark.parametrize("own", [None, 0, -3])
def test_no_positive_cadence_of_their_own_falls_back_to_the_default(own: int | None) -> None:
    status = stay_in_touch_status(_relationship(cadence_days=own), default_days=10, today=TODAY)
    assert status is not None and status.ideal_days == 10


def test_their_own_cadence_wins() -> None:
    status = stay_in_touch_status(_relationship(cadence_days=7), default_days=30, today=TODAY)
    assert status is not None and (status.ideal_days, status.max_days) == (7, 11)


@pytest.mark.parametrize(
    "changes",
    [{"in_network": False}, {"do_not_contact": True}, {"last_exchange": None}],
    ids=["not in network", "do not contact", "nothing exchanged"],
)
def test_no_clock_runs_outside_the_network(changes: dict[str, object]) -> None:
    assert stay_in_touch_status(_relationship(**changes), default_days=30, today=TODAY) is None

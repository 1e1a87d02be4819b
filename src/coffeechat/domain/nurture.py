"""The stay-in-touch cadence of one contact: on track, amber past the ideal, red past the maximum.

The ideal is the contact's own cadence, else the user's default
(``stay_in_touch_days``); the maximum is one and a half times the ideal,
rounded up, the point where a warm contact starts to go cold. Both count from
the last real exchange in either direction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from coffeechat.domain.dates import long_day

MAXIMUM_FACTOR = 1.5


class CadenceState(StrEnum):
    ON_TRACK = "on_track"
    DUE = "due"  # amber: the ideal has passed
    OVERDUE = "overdue"  # red: the maximum has passed
    NEVER = "never"  # nothing exchanged yet: no clock running


@dataclass(frozen=True, slots=True)
class Cadence:
    ideal_days: int
    max_days: int
    last_exchange: date | None
    state: CadenceState
    ideal_due: date | None
    max_due: date | None
    days_since: int | None

    @property
    def label(self) -> str:
        """
        >>> cadence_status(date(2026, 10, 1), 30, today=date(2026, 11, 3)).label
        'Update due: 33 days since your last exchange (ideal every 30 days)'
        """
        if self.state is CadenceState.NEVER:
            return "No exchange yet"
        since = f"{self.days_since} day{'s' if self.days_since != 1 else ''}"
        if self.state is CadenceState.OVERDUE:
            return f"Overdue: {since} since your last exchange (at most {self.max_days} days)"
        if self.state is CadenceState.DUE:
            return (
                f"Update due: {since} since your last exchange (ideal every {self.ideal_days} days)"
            )
        if self.ideal_due is None:  # on track always has a date; said plainly if not
            return "On track"
        return f"On track: next update by {long_day(self.ideal_due)}"


def maximum_days(ideal_days: int) -> int:
    """
    >>> maximum_days(30), maximum_days(7), maximum_days(1)
    (45, 11, 2)
    """
    return math.ceil(ideal_days * MAXIMUM_FACTOR)


def cadence_status(last_exchange: date | None, ideal_days: int, *, today: date) -> Cadence:
    """Where a contact stands on ``today``, from the local date of the last exchange.

    Amber from the day the ideal is reached, red from the day the maximum is.
    """
    if ideal_days < 1:
        raise ValueError(f"a cadence of {ideal_days} days is not a cadence")
    most = maximum_days(ideal_days)
    if last_exchange is None:
        return Cadence(ideal_days, most, None, CadenceState.NEVER, None, None, None)
    ideal_due = last_exchange + timedelta(days=ideal_days)
    max_due = last_exchange + timedelta(days=most)
    if today >= max_due:
        state = CadenceState.OVERDUE
    elif today >= ideal_due:
        state = CadenceState.DUE
    else:
        state = CadenceState.ON_TRACK
    since = (today - last_exchange).days
    return Cadence(ideal_days, most, last_exchange, state, ideal_due, max_due, since)


@dataclass(frozen=True, slots=True, kw_only=True)
class Relationship:
    """What the stay-in-touch clock needs to know about one contact.

    ``in_network``: an interview was held with them, or they answered yes (or
    pointed you to someone). ``last_exchange``: the local date of the last
    message sent or received, or interview held (drafts do not count).
    """

    in_network: bool
    do_not_contact: bool
    cadence_days: int | None
    last_exchange: date | None


def stay_in_touch_status(
    relationship: Relationship, *, default_days: int, today: date
) -> Cadence | None:
    """The one rule behind both Today's update action and the Network colours.

    None when no clock runs: the person is not in your network, asked not to
    be contacted, or nothing was exchanged yet. Otherwise the ideal is their
    own cadence (when positive), else ``default_days``; an update is due on
    ``ideal_due`` (amber) and overdue from ``max_due`` (red).

    >>> rel = Relationship(in_network=True, do_not_contact=False, cadence_days=None,
    ...                    last_exchange=date(2026, 10, 1))
    >>> stay_in_touch_status(rel, default_days=30, today=date(2026, 10, 31)).state.value
    'due'
    >>> stay_in_touch_status(rel, default_days=30, today=date(2026, 10, 30)).state.value
    'on_track'
    """
    if not relationship.in_network or relationship.do_not_contact:
        return None
    if relationship.last_exchange is None:
        return None
    own = relationship.cadence_days
    ideal = own if own is not None and own > 0 else default_days
    return cadence_status(relationship.last_exchange, max(ideal, 1), today=today)

"""The user's weekly availability, edited as rows of weekday, from and to.

Rows are validated one by one so a message names the row ("Row 2: ..."); a
row left completely empty is ignored, which is also how a row is removed
without JavaScript. Overlapping rows on one day are refused rather than
silently merged, so what the user sees is what slots are built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coffeechat.core.models import Profile
from coffeechat.domain.profile import WEEKDAYS, ProfileParseError, Window, parse_availability_lines
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Row:
    weekday: str
    start: str
    end: str

    @property
    def blank(self) -> bool:
        return not (self.start.strip() or self.end.strip())


def rows_from_post(data: Any) -> list[Row]:
    """The parallel ``weekday``/``start``/``end`` lists a form posts, as rows."""
    days, starts, ends = (data.getlist(name) for name in ("weekday", "start", "end"))
    size = max(len(days), len(starts), len(ends))
    pad = [""] * size
    return [Row(*values) for values in zip(days + pad, starts + pad, ends + pad, strict=False)][
        :size
    ]


def rows_of(profile: Profile) -> list[Row]:
    return [Row(str(w["weekday"]), str(w["start"]), str(w["end"])) for w in profile.availability]


def update_availability(user: Any, rows: Sequence[Row]) -> list[Window]:
    """Replace the weekly windows; refuse bad rows by number, changing nothing."""
    windows: list[tuple[int, Window]] = []
    errors: list[str] = []
    for number, row in enumerate(rows, start=1):
        if row.blank:
            continue
        try:
            windows.append((number, _window(row)))
        except ProfileParseError as exc:
            errors.append(f"Row {number}: {exc.args[0].split(': ', 1)[1]}.")
    errors += _overlaps(windows)
    if errors:
        raise InvalidInput({"availability": errors})
    profile = ensure_profile(user)
    ordered = sorted((window for _, window in windows), key=lambda w: (w.weekday, w.start))
    profile.availability = [window.as_dict() for window in ordered]
    profile.save(update_fields=["availability", "updated_at"])
    return ordered


def _window(row: Row) -> Window:
    try:
        day = int(row.weekday)
    except ValueError:
        day = -1
    if not 0 <= day <= 6:
        raise ProfileParseError(1, "choose a weekday")
    if not row.start.strip() or not row.end.strip():
        raise ProfileParseError(1, "give both a start and an end time")
    start, end = row.start.strip()[:5], row.end.strip()[:5]
    return parse_availability_lines(f"{WEEKDAYS[day]} {start}-{end}")[0]


def _overlaps(windows: list[tuple[int, Window]]) -> list[str]:
    found = []
    for index, (number, window) in enumerate(windows):
        for other_number, other in windows[:index]:
            same_day = other.weekday == window.weekday
            if same_day and window.start < other.end and other.start < window.end:
                found.append(
                    f"Row {number} overlaps row {other_number} "
                    f"({DAY_NAMES[other.weekday]} {other.start:%H:%M}–{other.end:%H:%M})."
                )
    return found

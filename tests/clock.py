"""Instants for tests of pages that read the real clock.

Pages count days on the user's local calendar, so "n days ago" measured as
n × 24 hours from the real clock lands on the day before when the run is near
local midnight or a daylight-saving change lies between. These helpers give
noon local time on the calendar day wanted, which is n local days ago at any
hour of any run. Compute each instant with ``local_days_ago`` rather than
subtracting days from one of them, which would bring daylight saving back.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

# The ``user`` fixture's time zone (tests/conftest.py).
USER_ZONE = ZoneInfo("America/New_York")


def local_days_ago(days: int, zone: ZoneInfo = USER_ZONE) -> datetime:
    """Noon in ``zone`` on the local day ``days`` before today, never later than now
    (before noon, "0 days ago" is now itself)."""
    now = timezone.now()
    today = now.astimezone(zone).date()
    return min(now, datetime.combine(today - timedelta(days=days), time(12), tzinfo=zone))

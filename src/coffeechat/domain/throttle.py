"""Sign-in throttling: from the recent failures, ``now`` and a limit, may one more
attempt be made, or how many seconds must the caller wait?

A limit is N failures within a sliding window. The first N wrong tries are
answered as usual; the next one is refused (the right password too) until the
oldest failure that keeps the count at N has left the window. Refused attempts
are not failures themselves, so waiting the window out always works.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limit:
    failures: int
    window: timedelta


def retry_after(failures: Iterable[datetime], now: datetime, limit: Limit) -> int | None:
    """None when another attempt is allowed now; else whole seconds to wait (at least 1).

    >>> from datetime import UTC
    >>> t = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    >>> five = Limit(5, timedelta(minutes=15))
    >>> retry_after([t] * 4, t, five) is None  # four wrong: the fifth try is answered
    True
    >>> retry_after([t] * 5, t, five)  # five wrong: the sixth waits the window out
    900
    >>> retry_after([t] * 5, t + timedelta(minutes=15), five) is None
    True
    """
    recent = sorted(at for at in failures if at > now - limit.window)
    if len(recent) < limit.failures:
        return None
    # Allowed again once enough of them have left the window to be under the limit.
    frees_at = recent[len(recent) - limit.failures] + limit.window
    return max(1, math.ceil((frees_at - now).total_seconds()))


def longest_wait(waits: Iterable[int | None]) -> int | None:
    """The longest of several limits' waits; None when every limit allows.

    >>> longest_wait([None, 60, 900]), longest_wait([None, None])
    (900, None)
    """
    found = [wait for wait in waits if wait is not None]
    return max(found) if found else None


def address_key(address: str) -> str:
    """The client address a limit counts by: an IPv6 client by its /64 (one
    machine can use a whole /64), an IPv4-mapped address as IPv4.

    >>> address_key("203.0.113.7"), address_key("::ffff:203.0.113.7")
    ('203.0.113.7', '203.0.113.7')
    >>> address_key("2001:db8:1:2:aaaa::1")
    '2001:db8:1:2::/64'
    >>> address_key("not an address")
    'not an address'
    """
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed)


def username_key(username: str) -> str:
    """Usernames are counted without case or surrounding spaces: "Ada " is "ada".

    >>> username_key("  Ada ")
    'ada'
    """
    return username.strip().casefold()[:150]


def wait_wording(seconds: int) -> str:
    """How long, in words, for the refusal message.

    >>> wait_wording(900), wait_wording(61), wait_wording(45), wait_wording(1)
    ('15 minutes', '2 minutes', '45 seconds', '1 second')
    """
    if seconds >= 60:
        minutes = math.ceil(seconds / 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"

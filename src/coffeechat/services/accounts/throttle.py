"""Sign-in throttling, kept in the database so every app process sees every failure.

The rule is ``domain.throttle``; this module reads the recent failures, records
new ones and prunes those older than the window. Limits come from the
COFFEECHAT_SIGN_IN_* and COFFEECHAT_TOKEN_* settings (``settings.SIGN_IN_LIMITS``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from coffeechat.core.models import SignInFailure
from coffeechat.domain.throttle import (
    Limit,
    address_key,
    longest_wait,
    retry_after,
    username_key,
    wait_wording,
)


class TooManyAttempts(Exception):
    """Refused before the credentials were checked: wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int, what: str) -> None:
        self.retry_after = retry_after
        super().__init__(f"Too many failed {what}. Try again in {wait_wording(retry_after)}.")


def _limits() -> dict[str, Limit]:
    numbers = settings.SIGN_IN_LIMITS
    window = timedelta(minutes=numbers["window_minutes"])
    return {
        name: Limit(numbers[name], window)
        for name in ("per_username", "per_address", "tokens_per_address")
    }


def _wait(limit: Limit, now: datetime, **match: str) -> int | None:
    # The latest ``failures`` in the window are all the rule needs.
    times = (
        SignInFailure.objects.filter(failed_at__gt=now - limit.window, **match)
        .order_by("-failed_at")
        .values_list("failed_at", flat=True)[: limit.failures]
    )
    return retry_after(list(times), now, limit)


def check_password_attempt(username: str, address: str, now: datetime) -> None:
    """Raise TooManyAttempts when this username, or this address, failed too often."""
    limits = _limits()
    kind = SignInFailure.Kind.PASSWORD
    wait = longest_wait(
        [
            _wait(limits["per_username"], now, kind=kind, username=username_key(username)),
            _wait(limits["per_address"], now, kind=kind, address=address_key(address)),
        ]
    )
    if wait is not None:
        raise TooManyAttempts(wait, "sign-ins for this username or from this address")


def record_password_failure(username: str, address: str, now: datetime) -> None:
    _record(SignInFailure.Kind.PASSWORD, now, username_key(username), address)


def forget_password_failures(username: str) -> None:
    """A successful sign-in clears the username's count (not the address's: one
    good account must not reset the count of guesses at others)."""
    SignInFailure.objects.filter(
        kind=SignInFailure.Kind.PASSWORD, username=username_key(username)
    ).delete()


def check_token_attempt(address: str, now: datetime) -> None:
    """Raise TooManyAttempts when this address sent too many invalid API tokens."""
    limit = _limits()["tokens_per_address"]
    wait = _wait(limit, now, kind=SignInFailure.Kind.TOKEN, address=address_key(address))
    if wait is not None:
        raise TooManyAttempts(wait, "API token checks from this address")


def record_token_failure(address: str, now: datetime) -> None:
    _record(SignInFailure.Kind.TOKEN, now, "", address)


def _record(kind: str, now: datetime, username: str, address: str) -> None:
    window = timedelta(minutes=settings.SIGN_IN_LIMITS["window_minutes"])
    SignInFailure.objects.filter(failed_at__lte=now - window).delete()
    SignInFailure.objects.create(
        kind=kind, username=username, address=address_key(address), failed_at=now
    )

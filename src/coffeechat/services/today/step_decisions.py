"""Setting a Today action aside: snooze it to a day, or dismiss it with a reason; undo either.

Decisions are kept (undoing stamps ``undone_at``), so the history shows what
was set aside, when and why. They name the step by its key, which survives
recomputation of the due index.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from coffeechat.core.models import NextStep, StepDecision
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput, NotFound

REASON_LIMIT = 300


def snooze(user: Any, key: str, until: date | None, now: datetime) -> StepDecision:
    """Hide the action until ``until`` (a day after today in the user's zone)."""
    row = _step(user, key)
    today = now.astimezone(ZoneInfo(ensure_profile(user).time_zone)).date()
    if until is None:
        raise InvalidInput({"until": ["Choose the day it should come back."]})
    if until <= today:
        raise InvalidInput({"until": [f"Choose a day after today ({today.isoformat()})."]})
    return _decide(user, row, StepDecision.SNOOZE, now, until=until)


def dismiss(user: Any, key: str, reason: str, now: datetime) -> StepDecision:
    """Drop the action for its current due date; the rule's next occurrence shows again."""
    reason = (reason or "").strip()
    if len(reason) > REASON_LIMIT:
        raise InvalidInput({"reason": [f"Keep the reason under {REASON_LIMIT} characters."]})
    return _decide(user, _step(user, key), StepDecision.DISMISS, now, reason=reason)


def undo(user: Any, decision_id: object, now: datetime) -> StepDecision:
    """Bring a snoozed or dismissed action back at once."""
    decision = StepDecision.objects.filter(owner=user, pk=_pk(decision_id)).first()
    if decision is None:
        raise NotFound("No such snooze or dismissal.")
    if decision.undone_at is None:
        decision.undone_at = now
        decision.save(update_fields=["undone_at"])
    return decision


def history(user: Any, limit: int = 100) -> list[StepDecision]:
    """The user's decisions, newest first, undone ones included."""
    return list(StepDecision.objects.filter(owner=user).order_by("-created_at", "-pk")[:limit])


def _decide(user: Any, row: NextStep, choice: str, now: datetime, **values: Any) -> StepDecision:
    with transaction.atomic():
        # One live decision per step: a new one replaces the last.
        StepDecision.objects.filter(owner=user, key=row.key, undone_at__isnull=True).update(
            undone_at=now
        )
        return StepDecision.objects.create(
            owner=user,
            key=row.key,
            choice=choice,
            title=row.title,
            due=row.due,
            created_at=now,
            **values,
        )


def _step(user: Any, key: str) -> NextStep:
    row = NextStep.objects.filter(owner_id=user.pk, key=str(key or "")).first()
    if row is None:
        raise InvalidInput({"key": [f"No action {key!r} is on your list."]})
    return row


def _pk(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise NotFound("No such snooze or dismissal.") from None

"""The Today list: the rows of the due index that are due at ``now``, paged.

The rules are pure (domain.followup) and their steps are kept in the due
index (services.due_index); this module reads the part due by the horizon and
applies ``now`` to it. What a full recompute would give, only cheaper: the
cost follows what is due, not what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.core.models import (
    ActionItem,
    Profile,
)
from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.followup import as_of_problem
from coffeechat.domain.types import (
    Action,
    Bucket,
    RuleSettings,
    RuleSettingsError,
)
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput
from coffeechat.services.owned import get_owned
from coffeechat.services.today import due_index
from coffeechat.services.today.window import DueWindow


@dataclass(frozen=True, eq=False)
class TodayItem:
    """One Today action; the web layer (``web.links``) turns its door into a link."""

    action: Action

    def as_dict(self) -> dict[str, object]:
        a = self.action
        return {
            "key": a.key,
            "kind": a.kind.value,
            "door": a.door,
            "title": a.title,
            "due": a.due.isoformat(),
            "due_at": a.due_at.isoformat() if a.due_at else None,
            "overdue": a.overdue,
            "bucket": a.bucket.value,
            "reason": a.reason,
            "contact_id": a.contact_id,
            "organization_id": a.organization_id,
            "conversation_id": a.conversation_id,
            "career_path_id": a.career_path_id,
            "action_item_id": a.action_item_id,
            "referral_id": a.referral_id,
        }


@dataclass(frozen=True)
class TodayList:
    """A page of the Today list, with the size of every bucket."""

    as_of: date
    now: datetime
    items: list[TodayItem]
    counts: dict[str, int] = field(default_factory=dict)

    def bucket(self, name: str) -> list[TodayItem]:
        return [item for item in self.items if item.action.bucket.value == name]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def rule_settings(profile: Profile) -> RuleSettings:
    """The profile's overrides on top of the defaults; stored values were validated on save."""
    return RuleSettings.from_overrides(profile.rule_settings or {})


def moment_for(as_of: date, zone: ZoneInfo) -> datetime:
    """``--as-of DATE`` means the start of that day in the user's zone.

    The one check of the day asked for, shared by the page, the API and the CLI.
    """
    problem = as_of_problem(as_of)
    if problem:
        raise InvalidInput({"as_of": [problem]})
    return datetime.combine(as_of, time.min, tzinfo=zone)


def today_for(
    user: Any,
    now: datetime,
    *,
    bucket: Bucket | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> TodayList:
    """What is due at ``now``, read from the due index: only rows due by the horizon,
    and of those only the page asked for (all of them without ``limit``)."""
    zone, window = _window(user, now)
    rows = window.rows(user)
    counts = window.counts(rows)
    end = offset + limit if limit is not None else None
    if bucket is None and end is not None:
        found = window.page(rows, counts, due_index.STEP_FIELDS, offset, end)
    else:  # one bucket, or the whole list: one query either way
        found = list(window.ordered(rows, bucket).values(*due_index.STEP_FIELDS)[offset:end])
    return TodayList(as_of=window.today, now=now, items=_items(found, now, zone), counts=counts)


def today_by_bucket(user: Any, now: datetime, per_bucket: int | None) -> TodayList:
    """The first ``per_bucket`` actions of each bucket (all with None): the Today page."""
    if per_bucket is None:
        return today_for(user, now)
    zone, window = _window(user, now)
    rows = window.rows(user)
    found = window.first_of_each_bucket(rows, per_bucket, due_index.STEP_FIELDS)
    return TodayList(
        as_of=window.today, now=now, items=_items(found, now, zone), counts=window.counts(rows)
    )


def _window(user: Any, now: datetime) -> tuple[ZoneInfo, DueWindow]:
    profile = ensure_profile(user)
    zone = ZoneInfo(profile.time_zone)
    due_index.ensure_built(user, profile, now)
    return zone, DueWindow.at(now, zone, rule_settings(profile).upcoming_days)


def _items(found: list[dict[str, Any]], now: datetime, zone: ZoneInfo) -> list[TodayItem]:
    return [TodayItem(due_index.step_of(row).as_action(now, zone)) for row in found]


def holidays_for(profile: Profile, now: datetime) -> frozenset[date]:
    """The public holidays the business-day rules skip, around ``now``."""
    return holidays_around(
        profile.holiday_country, now.astimezone(ZoneInfo(profile.time_zone)).year
    )


@lru_cache(maxsize=64)
def holidays_around(country: str, year: int) -> frozenset[date]:
    # Windows reach a few weeks either side of today, so three years cover them.
    return holiday_dates(country or None, range(year - 1, year + 2))


def complete_action_item(user: Any, pk: object, now: datetime) -> ActionItem:
    item: ActionItem = get_owned(user, ActionItem, pk)
    item.done_at = item.done_at or now
    item.save(update_fields=["done_at", "updated_at"])
    return item


def update_rule_settings(user: Any, data: dict[str, Any]) -> RuleSettings:
    """Store the rule numbers that differ from the defaults; refuse bad ones by field."""
    profile = ensure_profile(user)
    defaults = RuleSettings()
    submitted = {name: value for name, value in data.items() if name in RuleSettings.field_help()}
    unknown = sorted(set(data) - set(submitted) - {"csrfmiddlewaretoken"})
    if unknown:
        raise InvalidInput({name: ["This is not a rule setting."] for name in unknown})
    try:
        settings = RuleSettings.from_overrides({**(profile.rule_settings or {}), **submitted})
    except RuleSettingsError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from exc
    profile.rule_settings = {
        name: getattr(settings, name)
        for name in RuleSettings.field_help()
        if getattr(settings, name) != getattr(defaults, name)
    }
    profile.save(update_fields=["rule_settings", "updated_at"])
    return settings

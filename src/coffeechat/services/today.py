"""The Today list: the user's facts (today_facts) through the pure rules, with links.

The rules are pure (domain.followup); this module applies the user's rule
settings and holidays to them and turns each action into the link that does it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse

from coffeechat.core.models import (
    ActionItem,
    Profile,
)
from coffeechat.domain.businessdays import holiday_dates
from coffeechat.domain.followup import compute_today
from coffeechat.domain.types import (
    Action,
    ActionKind,
    RuleSettings,
    RuleSettingsError,
)
from coffeechat.services.accounts import ensure_profile
from coffeechat.services.crm import get_owned
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today_facts import load_snapshot


@dataclass(frozen=True, eq=False)
class TodayItem:
    """An action with the link that does it (built on first use: a long list shows only
    its first rows, and reversing a URL for every hidden row would dominate the page)."""

    action: Action

    @cached_property
    def url(self) -> str:
        return url_for(self.action)

    def as_dict(self) -> dict[str, object]:
        a = self.action
        return {
            "kind": a.kind.value,
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
            "url": self.url,
        }


@dataclass(frozen=True)
class TodayList:
    as_of: date
    now: datetime
    items: list[TodayItem]

    def bucket(self, name: str) -> list[TodayItem]:
        return [item for item in self.items if item.action.bucket.value == name]


def rule_settings(profile: Profile) -> RuleSettings:
    """The profile's overrides on top of the defaults; stored values were validated on save."""
    return RuleSettings.from_overrides(profile.rule_settings or {})


def moment_for(as_of: date, zone: ZoneInfo) -> datetime:
    """``--as-of DATE`` means the start of that day in the user's zone."""
    return datetime.combine(as_of, time.min, tzinfo=zone)


def today_for(user: Any, now: datetime) -> TodayList:
    profile = ensure_profile(user)
    zone = ZoneInfo(profile.time_zone)
    settings = rule_settings(profile)
    holidays = _holidays(profile.holiday_country, now.astimezone(zone).year)
    actions = compute_today(
        load_snapshot(user, now), now=now, zone=zone, holidays=holidays, settings=settings
    )
    items = [TodayItem(action) for action in actions]
    return TodayList(as_of=now.astimezone(zone).date(), now=now, items=items)


def holidays_for(profile: Profile, now: datetime) -> frozenset[date]:
    """The public holidays the business-day rules skip, around ``now``."""
    return _holidays(profile.holiday_country, now.astimezone(ZoneInfo(profile.time_zone)).year)


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    # Windows reach a few weeks either side of today, so three years cover them.
    return holiday_dates(country or None, range(year - 1, year + 2))


_CONVERSATION_ANCHORS = {
    ActionKind.SEND: "outreach",
    ActionKind.FOLLOW_UP: "progress",
    ActionKind.LET_GO: "progress",
    ActionKind.SCHEDULE: "progress",
    ActionKind.PREPARE: "prepare",
    ActionKind.ATTEND: "progress",
    ActionKind.CAPTURE: "notes",
    ActionKind.THANK: "progress",
    ActionKind.STAY_IN_TOUCH: "progress",
}


def url_for(action: Action) -> str:
    """Where the button of a Today action leads: the page that does it."""
    kind = action.kind
    outreach_url = _outreach_url(action)  # outreach: the composer and its routes
    if outreach_url:
        return outreach_url
    if kind is ActionKind.RESEARCH and action.contact_id:
        return reverse("web:contact_edit", args=[action.contact_id]) + "#id_research_notes"
    if kind is ActionKind.TRY_ANOTHER and action.organization_id:
        return reverse("web:organization", args=[action.organization_id])
    if kind is ActionKind.REFERRAL and action.contact_id:
        return reverse("web:contact", args=[action.contact_id])
    if kind is ActionKind.REFLECT and action.career_path_id:
        return reverse("web:path_reflection", args=[action.career_path_id])
    if kind is ActionKind.SCHEDULE and action.conversation_id:  # scheduling
        return reverse("web:conversation_propose", args=[action.conversation_id])
    # -- prep area: prepare opens the brief, attend and capture interview mode --------
    if kind is ActionKind.PREPARE and action.conversation_id:
        return reverse("web:brief", args=[action.conversation_id])
    if kind in (ActionKind.ATTEND, ActionKind.CAPTURE) and action.conversation_id:
        return reverse("web:interview", args=[action.conversation_id])
    if action.conversation_id:
        anchor = _CONVERSATION_ANCHORS.get(kind, "progress")
        return reverse("web:conversation", args=[action.conversation_id]) + f"#{anchor}"
    if action.contact_id:
        return reverse("web:contact", args=[action.contact_id])
    return reverse("web:today")


# outreach: the actions the composer does, and the message kind each one drafts.
_COMPOSER_KINDS = {
    ActionKind.SEND: "",
    ActionKind.FOLLOW_UP: "follow-up",
    ActionKind.THANK: "thank-you",
}


def _outreach_url(action: Action) -> str:
    kind, conversation_id = action.kind, action.conversation_id
    if kind in _COMPOSER_KINDS and conversation_id:
        query = f"?kind={_COMPOSER_KINDS[kind]}" if _COMPOSER_KINDS[kind] else ""
        return reverse("web:composer", args=[conversation_id]) + query
    if kind is ActionKind.TRY_ANOTHER and action.organization_id:
        return reverse("web:compose_next", args=[action.organization_id])
    if kind is ActionKind.LET_GO and conversation_id:
        return reverse("web:let_go", args=[conversation_id])
    if kind is ActionKind.STAY_IN_TOUCH and conversation_id:
        return reverse("web:composer", args=[conversation_id]) + "?kind=report-back"
    if kind is ActionKind.STAY_IN_TOUCH and action.contact_id:
        return reverse("web:compose_for", args=[action.contact_id]) + "?kind=update"
    if kind is ActionKind.THANK_INTRODUCER and action.contact_id:  # nurture (issue 6)
        url = reverse("web:compose_for", args=[action.contact_id])
        return url + "?kind=update&template=thank-introducer"
    return ""


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

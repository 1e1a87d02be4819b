"""Plain builders for domain test data: sensible defaults, override what the test is about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.domain.followup import compute_today
from coffeechat.domain.types import (
    Action,
    ActionItemFacts,
    ActionKind,
    CareerPathFacts,
    ContactFacts,
    ConversationFacts,
    ReferralFacts,
    RuleSettings,
    Snapshot,
    Stage,
)

NY = ZoneInfo("America/New_York")
NO_HOLIDAYS: frozenset[date] = frozenset()


def at(day: str, clock: str = "09:00", zone: ZoneInfo = NY) -> datetime:
    """An aware datetime on a wall clock in ``zone``: ``at("2026-11-02", "10:30")``."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone)


def d(day: str) -> date:
    return date.fromisoformat(day)


def contact(**overrides: Any) -> ContactFacts:
    fields: dict[str, Any] = {
        "id": 1,
        "name": "Ana Ruiz",
        "organization_id": 10,
        "organization_name": "Acme",
        "has_research": True,
        "do_not_contact": False,
        "cadence_days": None,
        "last_exchange_at": None,
    }
    return ContactFacts(**(fields | overrides))


def conversation(**overrides: Any) -> ConversationFacts:
    fields: dict[str, Any] = {
        "id": 100,
        "contact_id": 1,
        "career_path_id": None,
        "stage": Stage.PLANNED,
        "created_at": at("2026-11-02"),
    }
    return ConversationFacts(**(fields | overrides))


def requested(on: str = "2026-11-02", **overrides: Any) -> ConversationFacts:
    return conversation(**({"stage": Stage.REQUESTED, "requested_at": at(on)} | overrides))


def followed_up(on: str = "2026-11-02", **overrides: Any) -> ConversationFacts:
    fields = {
        "stage": Stage.FOLLOWED_UP,
        "requested_at": at("2026-10-20"),
        "followed_up_at": at(on),
    }
    return conversation(**(fields | overrides))


def referral(**overrides: Any) -> ReferralFacts:
    fields: dict[str, Any] = {
        "id": 500,
        "from_contact_id": 1,
        "to_contact_id": 2,
        "created_at": at("2026-11-02"),
    }
    return ReferralFacts(**(fields | overrides))


def action_item(**overrides: Any) -> ActionItemFacts:
    fields: dict[str, Any] = {
        "id": 700,
        "text": "Take the SQL course",
        "due": d("2026-11-05"),
        "done": False,
    }
    return ActionItemFacts(**(fields | overrides))


def career_path(**overrides: Any) -> CareerPathFacts:
    fields: dict[str, Any] = {"id": 900, "title": "Data journalism", "last_reviewed_at": None}
    return CareerPathFacts(**(fields | overrides))


def snapshot(
    *,
    contacts: Sequence[ContactFacts] | None = None,
    conversations: Sequence[ConversationFacts] = (),
    referrals: Sequence[ReferralFacts] = (),
    action_items: Sequence[ActionItemFacts] = (),
    career_paths: Sequence[CareerPathFacts] = (),
) -> Snapshot:
    """A snapshot holding Ana Ruiz (contact 1) unless ``contacts`` says otherwise."""
    return Snapshot(
        contacts=tuple(contacts if contacts is not None else [contact()]),
        conversations=tuple(conversations),
        referrals=tuple(referrals),
        action_items=tuple(action_items),
        career_paths=tuple(career_paths),
    )


def today_list(
    snap: Snapshot,
    now: datetime,
    *,
    holidays: frozenset[date] = NO_HOLIDAYS,
    settings: RuleSettings | None = None,
    zone: ZoneInfo = NY,
) -> list[Action]:
    return compute_today(
        snap, now=now, zone=zone, holidays=holidays, settings=settings or RuleSettings()
    )


def of_kind(actions: list[Action], kind: ActionKind) -> list[Action]:
    return [action for action in actions if action.kind is kind]


def single(actions: list[Action], kind: ActionKind) -> Action:
    """The one action of ``kind``; fails the test when there are none or several."""
    found = of_kind(actions, kind)
    assert len(found) == 1, f"expected one {kind} action, got {found}"
    return found[0]

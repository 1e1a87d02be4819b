"""The due index: every next step of a user, stored, so Today reads what is due, not
everything stored.

The engine (``domain.followup.next_steps``) decides steps from facts alone, with
no clock; this module stores its output per user and keeps it equal to a full
recompute. A change to a person's facts recomputes the steps *anchored* on
that person, their organization, the people they introduced or were
introduced by, the career paths and their action items, inside the
transaction that made the change (``due_index_signals`` calls ``refresh``).
``rebuild`` redoes a user in full; ``check`` compares the two.

Beside the steps it keeps each network person's stay-in-touch ``Standing``
(what the Network and contact pages colour), decided from the same facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import wraps
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    DueIndexState,
    NetworkStanding,
    NextStep,
    Profile,
    Referral,
)
from coffeechat.domain.followup import network_standings, next_steps
from coffeechat.domain.followup_network import Standing
from coffeechat.domain.steps import Door, Step
from coffeechat.domain.types import ActionKind, RuleSettings
from coffeechat.services.today.facts import Scope, load_snapshot

T = TypeVar("T")

# Raise when a rule changes what it decides: every index is then rebuilt on its next read.
ENGINE_VERSION = 3

STEP_FIELDS = (
    "kind",
    "door",
    "title",
    "reason",
    "due",
    "due_at",
    "shows_from",
    "shows_until",
    "contact_id",
    "organization_id",
    "conversation_id",
    "career_path_id",
    "action_item_id",
    "referral_id",
)
STANDING_FIELDS = (
    "contact_id",
    "last_exchange_at",
    "last_exchange",
    "ideal_days",
    "ideal_due",
    "max_due",
)


@dataclass
class Changes:
    """What a write touched, gathered until the index is refreshed."""

    contacts: set[int] = field(default_factory=set)
    organizations: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    paths: bool = False
    everything: bool = False

    def __bool__(self) -> bool:
        return bool(self.contacts or self.organizations or self.items or self.paths)


# While a batch is open, changes wait in it (per owner id) instead of refreshing at once.
_batch: ContextVar[dict[int, Changes] | None] = ContextVar("due_index_batch", default=None)


@contextmanager
def batch() -> Iterator[None]:
    """Refresh once at the end for everything changed inside, in the same transaction.

    For the services that write many rows at once (imports, restores, the
    sample campaign): one refresh instead of one per saved row.
    """
    if _batch.get() is not None:
        yield
        return
    pending: dict[int, Changes] = {}
    token = _batch.set(pending)
    try:
        with transaction.atomic():
            yield
            _batch.set(None)
            for owner_id, changes in pending.items():
                _apply(owner_id, changes)
    finally:
        _batch.reset(token)


def rebuilds_index(func: Callable[..., T]) -> Callable[..., T]:
    """For services that write in bulk (``bulk_create`` and ``update`` send no signals):
    rebuild the user's index in full at the end, in the same transaction."""

    @wraps(func)
    def wrapper(user: Any, *args: Any, **kwargs: Any) -> T:
        with batch():
            result = func(user, *args, **kwargs)
            note(user.pk, Changes(everything=True))
        return result

    return wrapper


def note(owner_id: int, changes: Changes) -> None:
    """Record a change: refresh now, or at the end of the open batch."""
    pending = _batch.get()
    if pending is None:
        _apply(owner_id, changes)
        return
    gathered = pending.setdefault(owner_id, Changes())
    gathered.contacts |= changes.contacts
    gathered.organizations |= changes.organizations
    gathered.items |= changes.items
    gathered.paths |= changes.paths
    gathered.everything |= changes.everything


def _apply(owner_id: int, changes: Changes) -> None:
    state = DueIndexState.objects.filter(owner_id=owner_id).first()
    if state is None:
        return  # never built: the first read builds it in full
    if changes.everything:
        rebuild(_user(owner_id))
    elif changes:
        refresh(_user(owner_id), changes, state)


def _user(owner_id: int) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model()(pk=owner_id)


# -- computing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    zone: ZoneInfo
    holidays: frozenset[date]
    settings: RuleSettings
    year: int


def calendar_for(profile: Profile, now: datetime) -> Calendar:
    from coffeechat.services.today.due_list import holidays_around, rule_settings

    zone = ZoneInfo(profile.time_zone)
    year = now.astimezone(zone).year
    return Calendar(
        zone, holidays_around(profile.holiday_country, year), rule_settings(profile), year
    )


@dataclass(frozen=True)
class Derived:
    """What the engine decides from one load of facts."""

    steps: list[Step]
    standings: list[Standing]


def _derive(user: Any, calendar: Calendar, scope: Scope | None) -> Derived:
    snapshot = load_snapshot(user, scope=scope)
    zone, rules = calendar.zone, calendar.settings
    return Derived(
        next_steps(snapshot, zone=zone, holidays=calendar.holidays, settings=rules),
        network_standings(snapshot, zone=zone, settings=rules),
    )


def _standing_rows(user: Any, standings: Iterable[Standing]) -> list[NetworkStanding]:
    return [
        NetworkStanding(owner_id=user.pk, **{name: getattr(s, name) for name in STANDING_FIELDS})
        for s in standings
    ]


def _rows(user: Any, steps: Iterable[Step]) -> list[NextStep]:
    return [
        NextStep(
            owner_id=user.pk,
            anchor=step.anchor,
            key=step.key,
            **{name: getattr(step, name) for name in STEP_FIELDS},
        )
        for step in steps
    ]


def rebuild(user: Any, now: datetime | None = None) -> int:
    """Recompute every step of ``user`` from their facts; returns how many there are."""
    from django.utils import timezone

    from coffeechat.services.accounts.signin import ensure_profile

    now = now or timezone.now()
    calendar = calendar_for(ensure_profile(user), now)
    with transaction.atomic():
        derived = _derive(user, calendar, None)
        rows = _rows(user, derived.steps)
        NextStep.objects.filter(owner_id=user.pk).delete()
        NextStep.objects.bulk_create(rows, batch_size=500)
        NetworkStanding.objects.filter(owner_id=user.pk).delete()
        NetworkStanding.objects.bulk_create(_standing_rows(user, derived.standings), batch_size=500)
        DueIndexState.objects.update_or_create(
            owner_id=user.pk,
            defaults={"version": ENGINE_VERSION, "holiday_year": calendar.year, "built_at": now},
        )
    return len(rows)


def ensure_built(user: Any, profile: Profile, now: datetime) -> None:
    """Build the index on first use, after an upgrade of the rules, or in a new year."""
    state = DueIndexState.objects.filter(owner_id=user.pk).first()
    year = now.astimezone(ZoneInfo(profile.time_zone)).year
    if state is None or state.version != ENGINE_VERSION or state.holiday_year != year:
        rebuild(user, now)


def refresh(user: Any, changes: Changes, state: DueIndexState | None = None) -> None:
    """Recompute the steps anchored where ``changes`` reach, and only those."""
    from django.utils import timezone

    from coffeechat.services.accounts.signin import ensure_profile

    state = state or DueIndexState.objects.filter(owner_id=user.pk).first()
    now = timezone.now()
    calendar = calendar_for(ensure_profile(user), now)
    if state is None or state.holiday_year != calendar.year or state.version != ENGINE_VERSION:
        rebuild(user, now)  # a part recomputed with other holidays or rules would not match
        return
    anchors, scope = _reach(user, changes)
    derived = _derive(user, calendar, scope)
    kept = [s for s in derived.steps if s.anchor in anchors]
    NextStep.objects.filter(owner_id=user.pk, anchor__in=anchors).delete()
    NextStep.objects.bulk_create(_rows(user, kept), batch_size=500)
    people = {int(a.removeprefix("contact:")) for a in anchors if a.startswith("contact:")}
    standings = [s for s in derived.standings if s.contact_id in people]
    NetworkStanding.objects.filter(owner_id=user.pk, contact_id__in=people).delete()
    NetworkStanding.objects.bulk_create(_standing_rows(user, standings), batch_size=500)


def _reach(user: Any, changes: Changes) -> tuple[set[str], Scope]:
    """The anchors a change reaches, and the facts needed to decide them in full.

    A person's own steps read their conversations; the referral step to them
    reads who introduced them, the thanks to an introducer reads whom they
    introduced: so the people on either side of a referral are anchors too.
    An organization's try-another step reads everyone there.
    """
    people = set(changes.contacts)
    organizations = set(changes.organizations)
    organizations |= _organizations_of(user, people)
    anchored = people | _partners(user, people)
    loaded = anchored | _partners(user, anchored) | _people_at(user, organizations)
    items = set(changes.items) | _items_of(user, anchored)
    anchors = {f"contact:{pk}" for pk in anchored}
    anchors |= {f"organization:{pk}" for pk in organizations}
    anchors |= {f"item:{pk}" for pk in items}
    anchors |= {f"path:{pk}" for pk in _paths(user)}
    return anchors, Scope(contacts=frozenset(loaded), items=frozenset(items))


def _organizations_of(user: Any, people: set[int]) -> set[int]:
    rows = Contact.objects.filter(owner_id=user.pk, pk__in=people, organization__isnull=False)
    return set(rows.values_list("organization_id", flat=True))


def _partners(user: Any, people: set[int]) -> set[int]:
    if not people:
        return set()
    rows = Referral.objects.filter(owner_id=user.pk).filter(
        Q(from_contact_id__in=people) | Q(to_contact_id__in=people)
    )
    found: set[int] = set()
    for a, b in rows.values_list("from_contact_id", "to_contact_id"):
        found.update((a, b))
    return found


def _people_at(user: Any, organizations: set[int]) -> set[int]:
    if not organizations:
        return set()
    rows = Contact.objects.filter(owner_id=user.pk, organization_id__in=organizations)
    return set(rows.values_list("pk", flat=True))


def _items_of(user: Any, people: set[int]) -> set[int]:
    if not people:
        return set()
    rows = ActionItem.objects.filter(owner_id=user.pk, conversation__contact_id__in=people)
    return set(rows.values_list("pk", flat=True))


def _paths(user: Any) -> set[int]:
    return set(CareerPath.objects.filter(owner_id=user.pk).values_list("pk", flat=True))


# -- checking ----------------------------------------------------------------------------


def stored_steps(user: Any, **filters: Any) -> list[Step]:
    rows = NextStep.objects.filter(owner_id=user.pk, **filters).values(*STEP_FIELDS)
    return [step_of(row) for row in rows]


def step_of(row: dict[str, Any]) -> Step:
    """A stored row (``.values(*STEP_FIELDS)``) back as the engine's Step."""
    values = {name: row[name] for name in STEP_FIELDS}
    return Step(**{**values, "kind": ActionKind(row["kind"]), "door": Door(row["door"])})


def check(user: Any, now: datetime | None = None) -> list[str]:
    """How the stored steps differ from a full recompute, one line per difference."""
    from django.utils import timezone

    from coffeechat.services.accounts.signin import ensure_profile

    now = now or timezone.now()
    state = DueIndexState.objects.filter(owner_id=user.pk).first()
    if state is None:
        return ["never built"]
    calendar = calendar_for(ensure_profile(user), now)
    derived = _derive(user, calendar, None)
    fresh = {_identity(s) for s in derived.steps}
    stored = {_identity(s) for s in stored_steps(user)}
    missing = [f"missing: {key} due {due}" for key, due, *_ in sorted(fresh - stored)]
    extra = [f"stale: {key} due {due}" for key, due, *_ in sorted(stored - fresh)]
    return missing + extra + _standing_differences(user, derived.standings)


def _standing_differences(user: Any, fresh_standings: list[Standing]) -> list[str]:
    fresh = {_standing_identity(s) for s in fresh_standings}
    rows = NetworkStanding.objects.filter(owner_id=user.pk).values_list(*STANDING_FIELDS)
    stored = {_standing_identity(stored_standing(row)) for row in rows}
    missing = [f"missing: standing of contact:{s[0]} due {s[4]}" for s in sorted(fresh - stored)]
    extra = [f"stale: standing of contact:{s[0]} due {s[4]}" for s in sorted(stored - fresh)]
    return missing + extra


def stored_standing(row: tuple[Any, ...]) -> Standing:
    """A stored row (``.values_list(*STANDING_FIELDS)``) back as the engine's Standing."""
    return Standing(*row)


def _standing_identity(standing: Standing) -> tuple[Any, ...]:
    # Instants compared in UTC: PostgreSQL gives them back in UTC, SQLite as stored.
    moment = standing.last_exchange_at.astimezone(UTC).isoformat()
    return (standing.contact_id, moment, *(str(getattr(standing, n)) for n in STANDING_FIELDS[2:]))


def _identity(step: Step) -> tuple[Any, ...]:
    return (step.key, step.due.isoformat(), *(str(getattr(step, n)) for n in STEP_FIELDS))

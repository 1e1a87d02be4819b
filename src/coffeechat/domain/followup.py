"""The next-step engine: which step is due for which person, from plain data.

``next_steps`` runs every rule over the facts and returns steps that do not
depend on the day; the services layer keeps them in the due index, and Today,
the conversation page and the calendar feed read them from there.
``compute_today`` applies a ``now`` to them in one go (what a full recompute
gives, and what the due index must always equal). The rules live in three
modules by phase (``followup_outreach``, ``followup_interviews``,
``followup_network``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

from coffeechat.domain import followup_interviews as interviews
from coffeechat.domain import followup_network as network
from coffeechat.domain import followup_outreach as outreach
from coffeechat.domain.businessdays import business_days_between, local_date
from coffeechat.domain.followup_context import RuleContext, build_context
from coffeechat.domain.steps import Step, due_actions
from coffeechat.domain.types import (
    Action,
    Bucket,
    ContactFacts,
    ConversationFacts,
    ResponseSpeed,
    RuleSettings,
    Sentiment,
    Snapshot,
)

ConversationRule = Callable[[ConversationFacts, ContactFacts, RuleContext], Step | None]
SnapshotRule = Callable[[RuleContext], Iterable[Step]]

# Frozen, so one shared instance is a safe default argument.
DEFAULT_SETTINGS = RuleSettings()

# Rules that look at one open conversation of a contactable person at a time.
CONVERSATION_RULES: tuple[ConversationRule, ...] = (
    outreach.send,
    outreach.follow_up,
    outreach.let_go,
    outreach.classify_reply,
    outreach.schedule,
    interviews.prepare,
    interviews.attend,
    interviews.capture,
    interviews.thank,
    network.report_back,
)

# Rules that need to see across conversations, contacts, referrals, items or paths.
SNAPSHOT_RULES: tuple[SnapshotRule, ...] = (
    outreach.research,
    outreach.try_another,
    network.referrals,
    network.stay_in_touch,
    network.action_items,
    network.reflect,
    network.thank_introducer,
)


# The days Today can be read at: wide enough for any plan, narrow enough that the
# horizon and the holiday calendar stay within what dates and the calendars hold.
AS_OF_FIRST, AS_OF_LAST = date(1970, 1, 1), date(2199, 12, 31)


def as_of_problem(day: date) -> str | None:
    """Why Today cannot be read as at ``day``, or None when it can.

    >>> as_of_problem(date(2026, 12, 1)) is None, as_of_problem(date(9999, 12, 31))
    (True, 'Choose a date between 1970-01-01 and 2199-12-31.')
    """
    if AS_OF_FIRST <= day <= AS_OF_LAST:
        return None
    return f"Choose a date between {AS_OF_FIRST.isoformat()} and {AS_OF_LAST.isoformat()}."


def next_steps(
    snapshot: Snapshot,
    *,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Step]:
    """Every next step the facts call for, whatever the day: the one rule set.

    Today, the conversation page, the Network page and the calendar feed all
    read these (through the due index). A closed conversation or a
    do-not-contact person produces nothing, except action items, which are the
    user's own tasks.
    """
    ctx = build_context(snapshot, zone=zone, holidays=holidays, settings=settings)
    return list(_all_steps(ctx))


def compute_today(
    snapshot: Snapshot,
    *,
    now: datetime,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Action]:
    """Every action due up to ``settings.upcoming_days`` ahead, most pressing first.

    ``next_steps`` at ``now`` (see ``steps.due_actions``): overdue first, then
    by due date; on one date the actions with a time come first, in time
    order, then the all-day ones; then title. Anything overdue is kept however
    old; with ``upcoming_days=0`` the list holds only today and the overdue.
    """
    steps = next_steps(snapshot, zone=zone, holidays=holidays, settings=settings)
    return due_actions(steps, now=now, zone=zone, upcoming_days=settings.upcoming_days)


def network_standings(
    snapshot: Snapshot,
    *,
    zone: ZoneInfo,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[network.Standing]:
    """Where each person of your network stands on the stay-in-touch clock, whatever the
    day: what the Network page and the contact page colour (through the due index)."""
    ctx = build_context(snapshot, zone=zone, holidays=frozenset(), settings=settings)
    return list(network.standings(ctx))


def _all_steps(ctx: RuleContext) -> Iterator[Step]:
    for conversation, contact in ctx.open_conversations():
        for conversation_rule in CONVERSATION_RULES:
            step = conversation_rule(conversation, contact, ctx)
            if step is not None:
                yield step
    for snapshot_rule in SNAPSHOT_RULES:
        yield from snapshot_rule(ctx)


def group_by_bucket(actions: Iterable[Action]) -> dict[Bucket, list[Action]]:
    """The actions per bucket, keeping their order; every bucket is present, maybe empty.

    >>> {bucket.value: actions for bucket, actions in group_by_bucket([]).items()}
    {'overdue': [], 'today': [], 'upcoming': []}
    """
    groups: dict[Bucket, list[Action]] = {bucket: [] for bucket in Bucket}
    for action in actions:
        groups[action.bucket].append(action)
    return groups


def response_speed(
    requested_at: datetime | None,
    replied_at: datetime | None,
    *,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings = DEFAULT_SETTINGS,
    closed: bool = False,
    sentiment: Sentiment | None = None,
) -> ResponseSpeed:
    """How quickly a contact answered a request, for the statistics page.

    QUICK when the reply came within ``quick_reply_business_days`` business
    days of the request (local dates; a Monday request answered Thursday is
    quick, Friday is slow); SLOW when later; NONE when the conversation was
    closed without a reply; PENDING while still waiting, or when no request
    was ever sent. An out-of-office ``sentiment`` is not a reply.

    >>> from datetime import UTC
    >>> speed = lambda day: response_speed(
    ...     datetime(2026, 11, 2, 9, tzinfo=UTC), datetime(2026, 11, day, 9, tzinfo=UTC),
    ...     zone=ZoneInfo("UTC"), holidays=set())
    >>> speed(5), speed(6)
    (<ResponseSpeed.QUICK: 'quick'>, <ResponseSpeed.SLOW: 'slow'>)
    """
    if sentiment is Sentiment.OUT_OF_OFFICE:
        replied_at = None
    if requested_at is None:
        return ResponseSpeed.PENDING
    if replied_at is None:
        return ResponseSpeed.NONE if closed else ResponseSpeed.PENDING
    waited = business_days_between(
        local_date(requested_at, zone), local_date(replied_at, zone), holidays
    )
    quick = waited <= settings.quick_reply_business_days
    return ResponseSpeed.QUICK if quick else ResponseSpeed.SLOW

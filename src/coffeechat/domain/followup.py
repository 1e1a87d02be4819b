"""The Today engine: which step is due for which person, from plain data and a ``now``.

The web page, the CLI and the API all call ``compute_today`` with the same
snapshot and so show the same list. The rules live in three modules by phase
(``followup_outreach``, ``followup_interviews``, ``followup_network``); this
one runs them, keeps what falls within the horizon and puts it in order.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from coffeechat.domain import followup_interviews as interviews
from coffeechat.domain import followup_network as network
from coffeechat.domain import followup_outreach as outreach
from coffeechat.domain.businessdays import business_days_between, local_date
from coffeechat.domain.followup_context import RuleContext, build_context
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

ConversationRule = Callable[[ConversationFacts, ContactFacts, RuleContext], Action | None]
SnapshotRule = Callable[[RuleContext], Iterable[Action]]

# Frozen, so one shared instance is a safe default argument.
DEFAULT_SETTINGS = RuleSettings()

# Rules that look at one open conversation of a contactable person at a time.
CONVERSATION_RULES: tuple[ConversationRule, ...] = (
    outreach.send,
    outreach.follow_up,
    outreach.let_go,
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
    network.thank_introducer,  # nurture (issue 6)
)


def compute_today(
    snapshot: Snapshot,
    *,
    now: datetime,
    zone: ZoneInfo,
    holidays: Container[date],
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Action]:
    """Every action due up to ``settings.upcoming_days`` ahead, most pressing first.

    ``now`` must be aware; "today" is its date on a wall clock in ``zone``, so
    at 23:30 on Monday in New York it is still Monday although UTC says
    Tuesday. Order: overdue first, then by due date; on one date the actions
    with a time come first, in time order, then the all-day ones; then title.

    A closed conversation or a do-not-contact person produces nothing, except
    action items, which are the user's own tasks. Anything overdue is kept
    however old; nothing further ahead than the horizon is returned, so with
    ``upcoming_days=0`` the list holds only today and the overdue.
    """
    ctx = build_context(snapshot, now=now, zone=zone, holidays=holidays, settings=settings)
    horizon = ctx.today + timedelta(days=settings.upcoming_days)
    return sorted((a for a in _all_actions(ctx) if a.due <= horizon), key=_order)


def _all_actions(ctx: RuleContext) -> Iterator[Action]:
    for conversation, contact in ctx.open_conversations():
        for conversation_rule in CONVERSATION_RULES:
            action = conversation_rule(conversation, contact, ctx)
            if action is not None:
                yield action
    for snapshot_rule in SNAPSHOT_RULES:
        yield from snapshot_rule(ctx)


def _order(action: Action) -> tuple[bool, date, bool, float, str, str, int, int]:
    # An all-day action is due by the end of its day, so it follows the timed ones on that day.
    timed = action.due_at is not None
    moment = action.due_at.timestamp() if action.due_at is not None else 0.0
    # Kind and ids only break ties, so equal inputs always give the same order.
    return (
        not action.overdue,
        action.due,
        not timed,
        moment,
        action.title,
        action.kind.value,
        action.conversation_id or 0,
        action.contact_id or 0,
    )


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

"""The figures behind the statistics page, from plain facts and a ``today``.

Everything is counted in the user's local dates (the service converts), so a
request sent at 23:30 in New York counts on that day, not the next in UTC.
The funnel counts people, not conversations: a contact met twice is one
person held. Response rates count requests: each conversation whose request
was sent.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from coffeechat.domain.businessdays import business_days_between
from coffeechat.domain.stats_referrals import ReferralTree, referral_tree
from coffeechat.domain.vocabulary import Channel, Source, label

WEEKS = 12
NOT_RECORDED = "not-recorded"
TYPICAL_RATE = (0.20, 0.40)


@dataclass(frozen=True)
class ContactFact:
    id: int
    name: str
    source: str
    referred_by_id: int | None = None


@dataclass(frozen=True)
class ConversationFact:
    """One conversation, its stage dates in the user's zone."""

    contact_id: int
    source: str
    channel: str | None = None  # of the first request sent; None when none was logged
    career_path: str = ""
    requested_on: date | None = None
    replied_on: date | None = None
    out_of_office: bool = False
    held_on: date | None = None
    thanked_on: date | None = None
    closed: bool = False
    minutes: int = 0


@dataclass(frozen=True)
class ReferralFact:
    from_contact_id: int
    to_contact_id: int


@dataclass(frozen=True)
class FunnelStep:
    key: str
    label: str
    count: int
    share: float | None  # of the people identified


@dataclass(frozen=True)
class RateRow:
    """Requests of one source or channel and how many got a reply."""

    key: str
    label: str
    requested: int
    replied: int
    waiting: int  # sent too recently to count, still unanswered
    quick: int
    slow: int

    @property
    def counted(self) -> int:
        return self.requested - self.waiting

    @property
    def rate(self) -> float | None:
        return self.replied / self.counted if self.counted else None


@dataclass(frozen=True)
class WeekActivity:
    start: date  # a Monday
    messages_sent: int
    interviews_held: int


@dataclass(frozen=True)
class PathTime:
    label: str
    conversations: int
    minutes: int


@dataclass(frozen=True)
class Stats:
    today: date
    funnel: tuple[FunnelStep, ...]
    by_source: tuple[RateRow, ...]
    by_channel: tuple[RateRow, ...]
    median_reply_days: float | None
    replies_counted: int
    weekly: tuple[WeekActivity, ...]
    time_by_path: tuple[PathTime, ...]
    referrals: ReferralTree
    settle_days: int = 7
    typical_rate: tuple[float, float] = field(default=TYPICAL_RATE)

    @property
    def total_minutes(self) -> int:
        return sum(row.minutes for row in self.time_by_path)

    @property
    def held_count(self) -> int:
        return sum(row.conversations for row in self.time_by_path)


@dataclass(frozen=True)
class StatsInput:
    """The user's live rows: ``identified`` counts every contact; ``contacts`` need only
    be those in the referral tree; conversations and referrals only of live people."""

    identified: int
    contacts: Sequence[ContactFact]
    conversations: Sequence[ConversationFact]
    messages_sent_on: Sequence[date]
    referrals: Sequence[ReferralFact]
    holidays: Container[date] = frozenset()
    quick_reply_days: int = 3
    settle_days: int = 7  # business days before an unanswered request counts as unanswered


def compute_stats(facts: StatsInput, today: date) -> Stats:
    waits = [_waited(c, facts.holidays) for c in facts.conversations if _answered_request(c)]
    return Stats(
        today=today,
        funnel=funnel(facts.identified, facts.conversations, facts.referrals),
        by_source=_rates(facts, today, lambda c: c.source, [s.value for s in Source]),
        by_channel=_rates(
            facts,
            today,
            lambda c: c.channel or NOT_RECORDED,
            [ch.value for ch in Channel] + [NOT_RECORDED],
        ),
        median_reply_days=float(median(waits)) if waits else None,
        replies_counted=len(waits),
        weekly=weekly_activity(facts.messages_sent_on, facts.conversations, today),
        time_by_path=time_by_path(facts.conversations),
        referrals=referral_tree(facts.contacts, facts.referrals, _held_contacts(facts)),
        settle_days=facts.settle_days,
    )


def funnel(
    identified: int,
    conversations: Sequence[ConversationFact],
    referrals: Sequence[ReferralFact],
) -> tuple[FunnelStep, ...]:
    """People at each step: identified → requested → replied → held → thanked → referred.

    Someone who reached a step passed the ones before it, even where those went
    unrecorded (a meeting booked after a phone call has no request logged), so a
    step never counts fewer people than the next.

    >>> booked = ConversationFact(1, "event", replied_on=date(2026, 1, 5))
    >>> [step.count for step in funnel(1, [booked], [])]
    [1, 1, 1, 0, 0, 0]
    >>> steps = funnel(2, [ConversationFact(1, "alumni", requested_on=date(2026, 1, 5))], [])
    >>> [(step.key, step.count) for step in steps]
    [('identified', 2), ('requested', 1), ('replied', 0), ('held', 0), ('thanked', 0), \
('referred', 0)]
    """

    def people(test: Callable[[ConversationFact], bool]) -> int:
        return len({c.contact_id for c in conversations if test(c)})

    counts = [
        ("identified", "Identified", identified),
        ("requested", "Requested", people(_reached_request)),
        ("replied", "Replied", people(_reached_reply)),
        ("held", "Held", people(_reached_meeting)),
        ("thanked", "Thanked", people(_thanked)),
        ("referred", "Made a referral", len({r.from_contact_id for r in referrals})),
    ]
    return tuple(
        FunnelStep(key, text, count, count / identified if identified else None)
        for key, text, count in counts
    )


def _replied(conversation: ConversationFact) -> bool:
    return conversation.replied_on is not None and not conversation.out_of_office


def _thanked(conversation: ConversationFact) -> bool:
    return conversation.thanked_on is not None


def _reached_meeting(conversation: ConversationFact) -> bool:
    return conversation.held_on is not None or _thanked(conversation)


def _reached_reply(conversation: ConversationFact) -> bool:
    return _replied(conversation) or _reached_meeting(conversation)


def _reached_request(conversation: ConversationFact) -> bool:
    return conversation.requested_on is not None or _reached_reply(conversation)


def _answered_request(conversation: ConversationFact) -> bool:
    """A reply to a recorded request: only then is there a wait to measure."""
    return conversation.requested_on is not None and _replied(conversation)


def _waited(conversation: ConversationFact, holidays: Container[date]) -> int:
    assert conversation.requested_on and conversation.replied_on
    return max(
        0, business_days_between(conversation.requested_on, conversation.replied_on, holidays)
    )


def _rates(
    facts: StatsInput,
    today: date,
    key_of: Callable[[ConversationFact], str],
    order: list[str],
) -> tuple[RateRow, ...]:
    """One row per source (or channel) that has requests, in the vocabulary's order."""
    groups: dict[str, list[ConversationFact]] = {}
    for conversation in facts.conversations:
        if conversation.requested_on is not None:
            groups.setdefault(key_of(conversation), []).append(conversation)
    ranked = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    return tuple(_rate_row(key, groups[key], facts, today) for key in ranked)


def _rate_row(
    key: str, requests: list[ConversationFact], facts: StatsInput, today: date
) -> RateRow:
    replied = [c for c in requests if _replied(c)]
    waits = [_waited(c, facts.holidays) for c in replied]
    waiting = [
        c
        for c in requests
        if not _replied(c) and not c.closed and _recent(c.requested_on, today, facts)
    ]
    quick = sum(1 for days in waits if days <= facts.quick_reply_days)
    return RateRow(
        key=key,
        label="Not recorded" if key == NOT_RECORDED else label(key),
        requested=len(requests),
        replied=len(replied),
        waiting=len(waiting),
        quick=quick,
        slow=len(waits) - quick,
    )


def _recent(requested_on: date | None, today: date, facts: StatsInput) -> bool:
    """Sent fewer than ``settle_days`` business days ago."""
    if requested_on is None:
        return False
    # Counting business days walks day by day; an old request (most of a long
    # campaign) is settled by the calendar alone: 2 x settle + 14 calendar days
    # hold at least settle business days even after a generous share of holidays.
    if (today - requested_on).days > 2 * facts.settle_days + 14:
        return False
    return business_days_between(requested_on, today, facts.holidays) < facts.settle_days


def week_start(day: date) -> date:
    """The Monday of ``day``'s week.

    >>> week_start(date(2026, 11, 22))  # a Sunday
    datetime.date(2026, 11, 16)
    """
    return day - timedelta(days=day.weekday())


def weekly_activity(
    messages_sent_on: Iterable[date], conversations: Iterable[ConversationFact], today: date
) -> tuple[WeekActivity, ...]:
    """Messages sent and interviews held per week, the last ``WEEKS`` weeks up to this one."""
    first = week_start(today) - timedelta(weeks=WEEKS - 1)
    sent = [0] * WEEKS
    held = [0] * WEEKS
    for day in messages_sent_on:
        _count_in(sent, day, first, today)
    for conversation in conversations:
        if conversation.held_on is not None:
            _count_in(held, conversation.held_on, first, today)
    return tuple(WeekActivity(first + timedelta(weeks=i), sent[i], held[i]) for i in range(WEEKS))


def _count_in(weeks: list[int], day: date, first: date, today: date) -> None:
    if first <= day <= today:
        weeks[(day - first).days // 7] += 1


def time_by_path(conversations: Iterable[ConversationFact]) -> tuple[PathTime, ...]:
    """Minutes spent in held conversations per career path, most time first."""
    totals: dict[str, list[int]] = {}
    for conversation in conversations:
        if conversation.held_on is None:
            continue
        entry = totals.setdefault(conversation.career_path or "No career path", [0, 0])
        entry[0] += 1
        entry[1] += conversation.minutes
    rows = [PathTime(name, count, minutes) for name, (count, minutes) in totals.items()]
    return tuple(sorted(rows, key=lambda row: (-row.minutes, row.label)))


def _held_contacts(facts: StatsInput) -> frozenset[int]:
    return frozenset(c.contact_id for c in facts.conversations if c.held_on is not None)

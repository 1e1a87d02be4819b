"""The statistics figures: funnel, response rates, reply speed, weekly activity, time, referrals."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from coffeechat.domain import stats as stats_module
from coffeechat.domain.stats import (
    ContactFact,
    ConversationFact,
    ReferralFact,
    StatsInput,
    compute_stats,
    funnel,
    time_by_path,
    weekly_activity,
)
from coffeechat.domain.stats_referrals import referral_tree

TODAY = date(2026, 11, 20)  # a Friday
MON = date(2026, 11, 2)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def conv(contact_id=1, source="alumni", **kwargs) -> ConversationFact:
    return ConversationFact(contact_id=contact_id, source=source, **kwargs)


def people(*ids: int) -> list[ContactFact]:
    return [ContactFact(i, f"P{i}", "alumni") for i in ids]


def stats(conversations, *, contacts=None, messages=(), referrals=(), holidays=frozenset()):
    contacts = contacts if contacts is not None else people(1, 2, 3, 4, 5)
    facts = StatsInput(
        identified=len(contacts),
        contacts=contacts,
        conversations=conversations,
        messages_sent_on=list(messages),
        referrals=list(referrals),
        holidays=holidays,
    )
    return compute_stats(facts, TODAY)


# --- funnel ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("conversations", "referrals", "expected"),
    [
        ([], [], [3, 0, 0, 0, 0, 0]),
        ([conv(1, requested_on=MON)], [], [3, 1, 0, 0, 0, 0]),
        # a person with two conversations counts once
        ([conv(1, requested_on=MON), conv(1, requested_on=d(9))], [], [3, 1, 0, 0, 0, 0]),
        (
            [conv(1, requested_on=MON, replied_on=d(3), held_on=d(10), thanked_on=d(10))],
            [ReferralFact(1, 2)],
            [3, 1, 1, 1, 1, 1],
        ),
        # an out-of-office answer is not a reply
        ([conv(1, requested_on=MON, replied_on=d(3), out_of_office=True)], [], [3, 1, 0, 0, 0, 0]),
    ],
)
def test_the_funnel_counts_people_at_each_step(conversations, referrals, expected):
    steps = funnel(3, conversations, referrals)
    assert [step.count for step in steps] == expected
    assert [step.key for step in steps] == [
        "identified",
        "requested",
        "replied",
        "held",
        "thanked",
        "referred",
    ]


def test_funnel_shares_are_of_the_people_identified_and_empty_without_people():
    steps = funnel(4, [conv(1, requested_on=MON)], [])
    assert steps[1].share == 0.25
    assert all(step.share is None for step in funnel(0, [], []))


# --- response rates ---------------------------------------------------------


@pytest.mark.parametrize(
    ("conversation", "replied", "waiting", "rate"),
    [
        (conv(requested_on=MON, replied_on=d(4)), 1, 0, 1.0),
        (conv(requested_on=MON, closed=True), 0, 0, 0.0),
        # unanswered for 7 business days: counted as no reply
        (conv(requested_on=d(11)), 0, 0, 0.0),
        # unanswered for 6 business days: too early to count
        (conv(requested_on=d(12)), 0, 1, None),
        (conv(requested_on=d(19), closed=True), 0, 0, 0.0),
        (conv(requested_on=MON, replied_on=d(4), out_of_office=True), 0, 0, 0.0),
    ],
)
def test_a_request_counts_towards_the_rate_once_answered_closed_or_old_enough(
    conversation, replied, waiting, rate
):
    (row,) = stats([conversation]).by_source
    assert (row.requested, row.replied, row.waiting, row.rate) == (1, replied, waiting, rate)


def test_rates_are_grouped_by_source_in_vocabulary_order_and_only_where_requests_exist():
    rows = stats(
        [
            conv(1, "linkedin", requested_on=MON, replied_on=d(3)),
            conv(2, "linkedin", requested_on=MON),
            conv(3, "alumni", requested_on=MON, replied_on=d(3)),
            conv(4, "event"),  # never requested
        ]
    ).by_source
    assert [(r.key, r.label, r.requested, r.replied, r.rate) for r in rows] == [
        ("alumni", "Alumni", 1, 1, 1.0),
        ("linkedin", "LinkedIn", 2, 1, 0.5),
    ]


def test_rates_by_channel_name_the_requests_without_a_logged_message():
    rows = stats(
        [
            conv(1, channel="email", requested_on=MON, replied_on=d(3)),
            conv(2, channel="linkedin-note", requested_on=MON),
            conv(3, channel=None, requested_on=MON),
        ]
    ).by_channel
    assert [(r.key, r.label, r.rate) for r in rows] == [
        ("email", "Email", 1.0),
        ("linkedin-note", "LinkedIn connection note", 0.0),
        ("not-recorded", "Not recorded", 0.0),
    ]


# --- reply speed --------------------------------------------------------------


@pytest.mark.parametrize(
    ("replies", "holidays", "median", "quick", "slow"),
    [
        ([], frozenset(), None, 0, 0),
        ([d(2)], frozenset(), 0.0, 1, 0),  # same day
        ([d(5)], frozenset(), 3.0, 1, 0),  # Mon -> Thu: 3 business days, still quick
        ([d(6)], frozenset(), 4.0, 0, 1),
        ([d(9)], frozenset(), 5.0, 0, 1),  # the weekend does not count
        ([d(5)], frozenset({d(3)}), 2.0, 1, 0),  # nor does a holiday
        ([d(3), d(4), d(10)], frozenset(), 2.0, 2, 1),
        ([d(3), d(10)], frozenset(), 3.5, 1, 1),
    ],
)
def test_median_business_days_to_reply_and_quick_or_slow(replies, holidays, median, quick, slow):
    result = stats(
        [conv(i + 1, requested_on=MON, replied_on=day) for i, day in enumerate(replies)],
        holidays=holidays,
    )
    assert result.median_reply_days == median
    assert result.replies_counted == len(replies)
    assert sum(r.quick for r in result.by_source) == quick
    assert sum(r.slow for r in result.by_source) == slow


def test_a_meeting_booked_without_a_recorded_request_counts_in_the_funnel_not_the_rates():
    # They said yes on the phone: booking records the reply, no request was logged.
    booked = conv(1, source="event", replied_on=d(3), held_on=d(10))
    answered = conv(2, requested_on=MON, replied_on=d(5))

    result = stats([booked, answered])

    assert [step.count for step in result.funnel] == [5, 2, 2, 1, 0, 0]
    assert [(row.key, row.requested, row.replied) for row in result.by_source] == [("alumni", 1, 1)]
    assert (result.median_reply_days, result.replies_counted) == (3.0, 1)


def test_no_step_of_the_funnel_counts_fewer_people_than_the_next():
    conversations = [
        conv(1, thanked_on=d(12)),
        conv(2, held_on=d(10)),
        conv(3, replied_on=d(4), out_of_office=True),
    ]
    counts = [step.count for step in funnel(3, conversations, [])]
    assert counts == [3, 2, 2, 2, 1, 0]


def test_the_stats_docstring_examples_hold():
    assert doctest.testmod(stats_module).failed == 0


# --- weekly activity --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week_index"),
    [
        (TODAY, 11),  # this week is the last bar
        (d(16), 11),  # its Monday
        (d(15), 10),  # the Sunday before belongs to the previous week
        (d(31, 8), 0),  # the Monday twelve weeks back is the first bar
        (d(30, 8), None),  # the day before is too old
        (d(21), None),  # tomorrow is not counted
    ],
)
def test_weekly_activity_places_each_day_in_its_monday_week(day, week_index):
    weeks = weekly_activity([day], [conv(held_on=day)], TODAY)
    assert len(weeks) == 12
    assert weeks[0].start == d(31, 8) and weeks[-1].start == d(16)
    counted = [i for i, week in enumerate(weeks) if week.messages_sent]
    assert counted == ([] if week_index is None else [week_index])
    assert [i for i, w in enumerate(weeks) if w.interviews_held] == counted


# --- time spent -------------------------------------------------------------------


def test_time_counts_the_planned_minutes_of_held_conversations_per_path():
    rows = time_by_path(
        [
            conv(held_on=MON, minutes=30, career_path="UX research"),
            conv(held_on=MON, minutes=45, career_path="UX research"),
            conv(held_on=MON, minutes=20),
            conv(minutes=60, career_path="Data"),  # not held
        ]
    )
    assert [(r.label, r.conversations, r.minutes) for r in rows] == [
        ("UX research", 2, 75),
        ("No career path", 1, 20),
    ]
    result = stats([conv(held_on=MON, minutes=30), conv(2, held_on=MON, minutes=15)])
    assert (result.total_minutes, result.held_count) == (45, 2)


# --- referral tree ------------------------------------------------------------------


def test_the_referral_tree_merges_both_sources_and_lays_out_generations():
    contacts = [
        ContactFact(1, "Ana", "alumni"),
        ContactFact(2, "Bo", "referral", referred_by_id=1),
        ContactFact(3, "Cy", "referral"),
        ContactFact(4, "Di", "referral"),
        ContactFact(5, "Ed", "other"),  # nobody introduced, introduced nobody: not drawn
    ]
    tree = referral_tree(
        contacts, [ReferralFact(1, 2), ReferralFact(2, 3), ReferralFact(1, 4)], held={2}
    )
    assert [(n.name, n.depth, n.row, n.held) for n in tree.nodes] == [
        ("Ana", 0, 0.5, False),
        ("Bo", 1, 0.0, True),
        ("Di", 1, 1.0, False),
        ("Cy", 2, 0.0, False),
    ]
    assert len(tree.edges) == 3  # the duplicate Ana -> Bo is drawn once
    assert (tree.rows, tree.depth) == (2, 3)


def test_a_second_introducer_is_an_extra_edge_and_a_cycle_still_terminates():
    contacts = [ContactFact(i, name, "other") for i, name in enumerate("ABC", start=1)]
    tree = referral_tree(contacts, [ReferralFact(1, 3), ReferralFact(2, 3), ReferralFact(3, 1)])
    assert {n.name for n in tree.nodes} == {"A", "B", "C"}
    assert sorted((e.from_id, e.to_id, e.primary) for e in tree.edges) == [
        (1, 3, True),
        (2, 3, False),
        (3, 1, True),
    ]


def test_the_layout_does_not_depend_on_input_order():
    contacts = [ContactFact(i, f"N{i}", "other") for i in range(1, 7)]
    referrals = [ReferralFact(1, 2), ReferralFact(1, 3), ReferralFact(3, 4), ReferralFact(5, 6)]
    forward = referral_tree(contacts, referrals)
    backward = referral_tree(list(reversed(contacts)), list(reversed(referrals)))
    assert forward == backward
    assert referral_tree(contacts, []).nodes == ()

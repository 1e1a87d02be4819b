"""The question plan of a conversation: adding, ordering, what fits, and Today's Prepare rule."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.prep import plans
from coffeechat.services.today.due_list import today_for
from tests.prep_fixtures import bank_question, booked_interview


@pytest.fixture
def conv(user, now):
    return booked_interview(user, now)


def _texts(view):
    return [line.item.text for line in view.plan.lines]


def test_the_first_pick_brings_the_opener_and_the_who_else_question(user, conv):
    pick = bank_question(user, "day-last-week")
    plans.add_question(user, conv.pk, pick.pk)
    view = plans.get_plan(user, conv.pk)
    assert [line.role.value for line in view.plan.lines] == ["opener", "pick", "closer"]
    assert "who else" in _texts(view)[-1].lower()
    assert view.plan.used == 3 + 4 + 2


def test_a_question_is_planned_once(user, conv):
    pick = bank_question(user, "day-last-week")
    plans.add_question(user, conv.pk, pick.pk)
    with pytest.raises(InvalidInput, match="already in the plan"):
        plans.add_question(user, conv.pk, pick.pk)


def test_moving_up_and_down_swaps_neighbours_and_stops_at_the_ends(user, conv):
    a, b, c = (bank_question(user, k) for k in ("day-last-week", "trend-changing", "skill-my-gap"))
    for q in (a, b, c):
        plans.add_question(user, conv.pk, q.pk)
    line_c = plans.get_plan(user, conv.pk).picks[2]
    plans.move_line(user, conv.pk, line_c.pk, "up")
    assert [r.question_id for r in plans.get_plan(user, conv.pk).picks] == [a.pk, c.pk, b.pk]
    first = plans.get_plan(user, conv.pk).picks[0]
    plans.move_line(user, conv.pk, first.pk, "up")
    assert [r.question_id for r in plans.get_plan(user, conv.pk).picks] == [a.pk, c.pk, b.pk]


def test_picks_that_do_not_fit_are_named_and_today_calls_the_plan_too_long(user, conv, now):
    keys = [
        "day-recent-project",
        "skill-my-gap",
        "path-changer",
        "path-first-break",
        "advice-in-my-shoes",
        "skill-transferable",
    ]
    for key in keys:  # 5+5+4+4+4+4 = 26 of picks, only 20 fit beside opener and closer
        plans.add_question(user, conv.pk, bank_question(user, key).pk)
    view = plans.get_plan(user, conv.pk)
    assert view.plan.used <= 25
    assert [gap.item.text for gap in view.plan.left_out] == [
        bank_question(user, "advice-in-my-shoes").text,
        bank_question(user, "skill-transferable").text,
    ]
    reasons = [
        a.action.reason
        for a in today_for(user, now + timedelta(hours=5)).items
        if a.action.kind.value == "prepare"
    ]
    assert reasons and "question plan too long (31 min, fits 25)" in reasons[0]


def test_removing_a_line_keeps_the_question_in_the_bank(user, conv):
    pick = bank_question(user, "day-last-week")
    line = plans.add_question(user, conv.pk, pick.pk)
    plans.remove_line(user, conv.pk, line.pk)
    assert pick.pk not in {r.question_id for r in plans.get_plan(user, conv.pk).rows.values()}
    pick.refresh_from_db()
    assert pick.deleted_at is None


def test_replace_plan_sets_the_order_and_refuses_duplicates(user, conv):
    a, b = bank_question(user, "day-last-week"), bank_question(user, "trend-changing")
    closer = bank_question(user, "closer-who-else")
    view = plans.replace_plan(user, conv.pk, [b.pk, closer.pk, a.pk])
    assert [line.item.text for line in view.plan.lines] == [b.text, a.text, closer.text]
    with pytest.raises(InvalidInput, match="twice"):
        plans.replace_plan(user, conv.pk, [a.pk, a.pk])


def test_another_users_plan_and_questions_are_not_found(user, outsider, conv, now):
    other = booked_interview(outsider, now)
    theirs = bank_question(outsider, "day-last-week")
    with pytest.raises(NotFound):
        plans.get_plan(user, other.pk)
    with pytest.raises(InvalidInput, match="No question"):
        plans.add_question(user, conv.pk, theirs.pk)


def test_line_minutes_are_checked(user, conv):
    line = plans.add_question(user, conv.pk, bank_question(user, "day-last-week").pk)
    with pytest.raises(InvalidInput, match="between 1 and 20"):
        plans.set_line(user, conv.pk, line.pk, {"minutes": 45})
    plans.set_line(user, conv.pk, line.pk, {"minutes": "6"})
    assert plans.get_plan(user, conv.pk).plan.used == 3 + 6 + 2

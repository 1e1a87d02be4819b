"""The planner at its boundaries: exactly fits, one minute over, zero length, 15 minutes."""

from __future__ import annotations

import pytest

from coffeechat.domain.questions import PlanItem, Role, plan_questions

OPENER = PlanItem(id=1, text="How did you come to this work?", minutes=3)
CLOSER = PlanItem(id=99, text="Who else should I talk to?", minutes=2)


def q(id: int, minutes: int, *, online: bool = False) -> PlanItem:
    return PlanItem(id=id, text=f"Question {id}", minutes=minutes, findable_online=online)


def ids(plan) -> list[int]:
    return [line.item.id for line in plan.lines]


@pytest.mark.parametrize(
    ("length", "picks", "asked", "left_out"),
    [
        # 30 min: budget 25 = opener 3 + closer 2 + 20 of picks, exactly.
        (30, [q(2, 10), q(3, 10)], [1, 2, 3, 99], []),
        # One minute over: the last pick does not fit.
        (30, [q(2, 10), q(3, 11)], [1, 2, 99], [3]),
        # A later, shorter pick still fits after a long one was left out.
        (30, [q(2, 10), q(3, 11), q(4, 4)], [1, 2, 4, 99], [3]),
        # 15 minutes: budget 10 = 3 + 2 + 5.
        (15, [q(2, 5), q(3, 1)], [1, 2, 99], [3]),
        # Zero length: nothing fits, not even the closing question.
        (0, [q(2, 1)], [], [99, 1, 2]),
        # Shorter than the margin: same as zero.
        (5, [q(2, 1)], [], [99, 1, 2]),
        # Room for the closer only: it wins over the opener.
        (7, [], [99], [1]),
    ],
)
def test_the_plan_fits_the_budget(length, picks, asked, left_out):
    plan = plan_questions(length=length, opener=OPENER, picks=picks, closer=CLOSER)
    assert ids(plan) == asked
    assert [gap.item.id for gap in plan.left_out] == left_out
    assert plan.used <= plan.budget == max(0, length - 5)


def test_exactly_fitting_leaves_no_spare_minute():
    plan = plan_questions(length=30, opener=OPENER, picks=[q(2, 20)], closer=CLOSER)
    assert (plan.used, plan.spare) == (25, 0)
    assert plan.left_out == ()


def test_one_minute_over_says_how_much_was_needed_and_left():
    plan = plan_questions(length=30, opener=OPENER, picks=[q(2, 10), q(3, 11)], closer=CLOSER)
    (gap,) = plan.left_out
    assert gap.role is Role.PICK
    assert gap.reason == (
        "Needs 11 min; 10 min left of the 25-minute budget after the questions before it."
    )


def test_zero_length_explains_there_is_no_time_at_all():
    plan = plan_questions(length=0, opener=OPENER, picks=[q(2, 1)], closer=CLOSER)
    assert plan.budget == 0 and plan.lines == ()
    assert all("no time for questions" in gap.reason for gap in plan.left_out)


def test_the_order_is_opener_picks_in_the_users_order_then_closer():
    plan = plan_questions(length=45, opener=OPENER, picks=[q(5, 3), q(2, 3)], closer=CLOSER)
    assert [line.role for line in plan.lines] == [Role.OPENER, Role.PICK, Role.PICK, Role.CLOSER]
    assert ids(plan) == [1, 5, 2, 99]


def test_times_start_after_small_talk_and_the_closer_ends_the_budget():
    plan = plan_questions(length=30, opener=OPENER, picks=[q(2, 4)], closer=CLOSER)
    starts = [(line.item.id, line.start, line.end) for line in plan.lines]
    # 3 minutes of small talk, then the opener; the closer ends at minute 28 (2 for goodbye).
    assert starts == [(1, 3, 6), (2, 6, 10), (99, 26, 28)]


def test_a_plan_without_opener_or_closer_is_just_the_picks():
    plan = plan_questions(length=20, picks=[q(2, 5), q(3, 5)])
    assert ids(plan) == [2, 3] and plan.spare == 5


def test_findable_online_picks_are_flagged_but_kept():
    plan = plan_questions(length=30, picks=[q(2, 2, online=True), q(3, 3)])
    assert ids(plan) == [2, 3]
    assert len(plan.warnings) == 1 and "Question 2" in plan.warnings[0]
    assert "web search" in plan.warnings[0]


def test_a_custom_margin_changes_the_budget():
    plan = plan_questions(length=30, picks=[q(2, 28)], margin=2)
    assert plan.budget == 28 and ids(plan) == [2]

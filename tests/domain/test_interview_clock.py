"""Interview mode's phases and overtime, at their boundaries."""

from __future__ import annotations

import pytest

from coffeechat.domain.interview import Phase, clock_state, phase_spans
from coffeechat.domain.questions import PlanItem, plan_questions

OPENER = PlanItem(id=1, text="Opener", minutes=3)
CLOSER = PlanItem(id=9, text="Who else?", minutes=2)


def spans_for(length: int):
    plan = plan_questions(length=length, opener=OPENER, picks=[], closer=CLOSER)
    return phase_spans(plan)


def test_a_30_minute_call_has_about_five_minutes_of_small_talk_then_questions_then_close():
    spans = spans_for(30)
    assert [(s.phase, s.start, s.end) for s in spans] == [
        (Phase.SMALL_TALK, 0, 6),
        (Phase.QUESTIONS, 6, 26),
        (Phase.CLOSE, 26, 30),
    ]


@pytest.mark.parametrize(
    ("elapsed", "phase", "remaining", "over"),
    [
        (0, Phase.SMALL_TALK, 1800, 0),
        (6 * 60 - 1, Phase.SMALL_TALK, 1441, 0),
        (6 * 60, Phase.QUESTIONS, 1440, 0),
        (26 * 60 - 1, Phase.QUESTIONS, 241, 0),
        (26 * 60, Phase.CLOSE, 240, 0),
        (30 * 60 - 1, Phase.CLOSE, 1, 0),
        (30 * 60, Phase.OVERTIME, 0, 0),
        (33 * 60, Phase.OVERTIME, 0, 180),
        (-5, Phase.SMALL_TALK, 1800, 0),
    ],
)
def test_the_phase_at_each_boundary(elapsed, phase, remaining, over):
    state = clock_state(spans_for(30), 30, elapsed)
    assert (state.phase, state.remaining_seconds, state.over_seconds) == (phase, remaining, over)


def test_overtime_suggests_asking_for_a_few_more_minutes():
    state = clock_state(spans_for(30), 30, 31 * 60)
    assert state.overtime
    assert "a few more minutes" in state.hint


def test_a_15_minute_call_still_has_all_three_phases():
    spans = spans_for(15)
    assert [(s.start, s.end) for s in spans] == [(0, 6), (6, 11), (11, 15)]


def test_a_zero_minute_call_is_over_time_at_once():
    spans = spans_for(0)
    assert all(s.start == s.end == 0 for s in spans)
    assert clock_state(spans, 0, 0).phase is Phase.OVERTIME


def test_without_a_closing_question_the_close_is_the_goodbye():
    plan = plan_questions(length=20, opener=OPENER, picks=[])
    assert [(s.start, s.end) for s in phase_spans(plan)] == [(0, 6), (6, 18), (18, 20)]

"""Interview mode's clock: which phase the conversation is in, and when to wrap up.

The phases come from the question plan: small talk runs until the opener has
been answered (rapport plus the opener, about five minutes), the questions
follow, and the close starts with the closing question ("who else should I
talk to?") and ends at the agreed length. Past it the conversation is in
overtime, and the page suggests asking whether they have a few more minutes.

The browser's timer only looks up the elapsed time in these spans; every
decision about them is made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from coffeechat.domain.questions import GOODBYE_MINUTES, Plan, Role


class Phase(StrEnum):
    SMALL_TALK = "small_talk"
    QUESTIONS = "questions"
    CLOSE = "close"
    OVERTIME = "overtime"


PHASE_LABELS = {
    Phase.SMALL_TALK: "Small talk",
    Phase.QUESTIONS: "Questions",
    Phase.CLOSE: "Close",
    Phase.OVERTIME: "Over time",
}

HINTS = {
    Phase.SMALL_TALK: "Warm up: thank them for their time and say what you hope to learn.",
    Phase.QUESTIONS: "Listen more than you talk; follow what interests them.",
    Phase.CLOSE: "Time to close: ask who else you should talk to, then thank them.",
    Phase.OVERTIME: (
        "You are past the time you asked for. Ask whether they have a few more "
        "minutes, or thank them and wrap up."
    ),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    phase: Phase
    start: int  # minutes from the start of the call
    end: int

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.phase]

    @property
    def hint(self) -> str:
        return HINTS[self.phase]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClockState:
    phase: Phase
    elapsed_seconds: int
    remaining_seconds: int  # 0 once the agreed length is reached
    over_seconds: int  # how far past the agreed length

    @property
    def overtime(self) -> bool:
        return self.phase is Phase.OVERTIME

    @property
    def hint(self) -> str:
        return HINTS[self.phase]


def phase_spans(plan: Plan) -> tuple[Span, ...]:
    """Small talk, questions and close, covering ``0..plan.length`` without gaps.

    >>> from coffeechat.domain.questions import PlanItem, plan_questions
    >>> q = lambda i, m: PlanItem(id=i, text="?", minutes=m)
    >>> plan = plan_questions(length=30, opener=q(1, 3), picks=[q(2, 5)], closer=q(3, 2))
    >>> [(s.phase.value, s.start, s.end) for s in phase_spans(plan)]
    [('small_talk', 0, 6), ('questions', 6, 26), ('close', 26, 30)]
    """
    length = plan.length
    small_talk_end = plan.rapport
    close_start = length - GOODBYE_MINUTES
    for line in plan.lines:
        if line.role is Role.OPENER:
            small_talk_end = line.end
        if line.role is Role.CLOSER:
            # Spare minutes go to the questions: the close is the last question and goodbye.
            close_start = length - GOODBYE_MINUTES - line.minutes
    small_talk_end = max(0, min(small_talk_end, length))
    close_start = min(max(close_start, small_talk_end), length)
    return (
        Span(phase=Phase.SMALL_TALK, start=0, end=small_talk_end),
        Span(phase=Phase.QUESTIONS, start=small_talk_end, end=close_start),
        Span(phase=Phase.CLOSE, start=close_start, end=length),
    )


def clock_state(spans: tuple[Span, ...], length: int, elapsed_seconds: int) -> ClockState:
    """Where ``elapsed_seconds`` falls: a span's start is inside it, its end is not.

    >>> spans = (Span(phase=Phase.SMALL_TALK, start=0, end=5),
    ...          Span(phase=Phase.QUESTIONS, start=5, end=25),
    ...          Span(phase=Phase.CLOSE, start=25, end=30))
    >>> clock_state(spans, 30, 30 * 60).phase.value
    'overtime'
    >>> clock_state(spans, 30, 30 * 60 - 1).phase.value
    'close'
    """
    elapsed = max(0, elapsed_seconds)
    total = length * 60
    phase = Phase.OVERTIME
    if elapsed < total:
        phase = next(
            (s.phase for s in spans if s.start * 60 <= elapsed < s.end * 60), Phase.QUESTIONS
        )
    return ClockState(
        phase=phase,
        elapsed_seconds=elapsed,
        remaining_seconds=max(0, total - elapsed),
        over_seconds=max(0, elapsed - total),
    )

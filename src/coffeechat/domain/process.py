"""The seven steps of one conversation, as the conversation page draws them.

Which step a conversation is at follows from its stage (and, near a booked
interview, the clock); which step a message belongs to follows from its
kind. Pure, like the rest of ``domain``: the web page only renders this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import MessageKind

# The steps in order: (key, name). The key is the section's id on the page.
STEPS = (
    ("outreach", "Reach out"),
    ("reply", "Their reply"),
    ("schedule", "Schedule"),
    ("prepare", "Prepare"),
    ("call", "Interview"),  # not #interview: that id marks interview mode's page
    ("thanks", "Thank-you"),
    ("follow-through", "Follow through"),
)
_CURRENT_STEP = {
    Stage.PLANNED: "outreach",
    Stage.REQUESTED: "reply",
    Stage.FOLLOWED_UP: "reply",
    Stage.REPLIED: "schedule",
    Stage.SCHEDULED: "prepare",
    Stage.HELD: "thanks",
    Stage.THANKED: "follow-through",
}
# Where each message kind is shown: the step it belongs to.
_MESSAGE_STEP = {
    MessageKind.REQUEST: "outreach",
    MessageKind.FOLLOW_UP: "outreach",
    MessageKind.REPLY: "reply",
    MessageKind.CONFIRMATION: "schedule",
    MessageKind.THANK_YOU: "thanks",
    MessageKind.REPORT_BACK: "follow-through",
    MessageKind.UPDATE: "follow-through",
    MessageKind.INTRODUCTION_ASK: "follow-through",
}
# From this long before the start, the current step is the interview itself.
INTERVIEW_SOON = timedelta(hours=1)


class StepState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    LATER = "later"


@dataclass(frozen=True, slots=True)
class ProcessStep:
    key: str
    name: str
    number: int
    state: StepState


def process_steps(stage: Stage, starts_at: datetime | None, now: datetime) -> list[ProcessStep]:
    """Each step with its state; a closed conversation shows every step done as far as
    the stepper goes (it has no current step).

    >>> from datetime import UTC
    >>> start = datetime(2026, 11, 3, 15, tzinfo=UTC)
    >>> def states(now): return [s.state.value for s in process_steps(Stage.SCHEDULED, start, now)]
    >>> states(start - INTERVIEW_SOON)[3:5]
    ['done', 'current']
    >>> states(start - INTERVIEW_SOON - timedelta(seconds=1))[3:5]
    ['current', 'later']
    """
    current = current_step(stage, starts_at, now)
    keys = [key for key, _ in STEPS]
    position = keys.index(current) if current in keys else len(keys)
    return [
        ProcessStep(key, name, index + 1, _state(index, position))
        for index, (key, name) in enumerate(STEPS)
    ]


def current_step(stage: Stage, starts_at: datetime | None, now: datetime) -> str:
    """The key of the step to take now ("closed" once the conversation is closed)."""
    if stage is Stage.SCHEDULED and starts_at is not None and now >= starts_at - INTERVIEW_SOON:
        return "call"
    if stage is Stage.CLOSED:
        return "closed"
    return _CURRENT_STEP.get(stage, "outreach")


def step_of_message(kind: MessageKind) -> str:
    """
    >>> step_of_message(MessageKind.THANK_YOU)
    'thanks'
    """
    return _MESSAGE_STEP.get(kind, "outreach")


def _state(index: int, position: int) -> StepState:
    if index < position:
        return StepState.DONE
    return StepState.CURRENT if index == position else StepState.LATER

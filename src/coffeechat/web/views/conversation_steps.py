"""The conversation page as the process reads it: seven steps and the next one to take.

Each step has one home on the page, and each thing the user does has one way
to do it there (the composer writes every message, the propose page books,
interview mode ends the call). ``next_step`` picks what to do now, with the
reason, the same way Today would phrase it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coffeechat.core.models import Conversation, Message
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import MessageKind

# Where each message kind is shown: the step it belongs to.
MESSAGE_STEP = {
    MessageKind.REQUEST: "outreach",
    MessageKind.FOLLOW_UP: "outreach",
    MessageKind.REPLY: "reply",
    MessageKind.CONFIRMATION: "schedule",
    MessageKind.THANK_YOU: "thanks",
    MessageKind.REPORT_BACK: "follow-through",
    MessageKind.UPDATE: "follow-through",
    MessageKind.INTRODUCTION_ASK: "follow-through",
}

# The steps in order; a stage's position says which are done.
STEPS = (
    ("outreach", "Reach out"),
    ("reply", "Their reply"),
    ("schedule", "Schedule"),
    ("prepare", "Prepare"),
    ("call", "Interview"),  # not #interview: that id marks interview mode's page
    ("thanks", "Thank-you"),
    ("follow-through", "Follow through"),
)
CURRENT_STEP = {
    Stage.PLANNED: "outreach",
    Stage.REQUESTED: "reply",
    Stage.FOLLOWED_UP: "reply",
    Stage.REPLIED: "schedule",
    Stage.SCHEDULED: "prepare",
    Stage.HELD: "thanks",
    Stage.THANKED: "follow-through",
}
# From this long before the start, the next step is the interview itself.
INTERVIEW_SOON = timedelta(hours=1)


def step_states(conversation: Conversation, now: datetime) -> list[dict[str, str]]:
    """Each step's id, name and state: done, current or later (closed: as far as it got)."""
    current = _current_step(conversation, now)
    names = [key for key, _ in STEPS]
    position = names.index(current) if current in names else len(names)
    return [
        {
            "key": key,
            "name": name,
            "number": str(index + 1),
            "state": "done" if index < position else "current" if index == position else "later",
        }
        for index, (key, name) in enumerate(STEPS)
    ]


def _current_step(conversation: Conversation, now: datetime) -> str:
    stage = Stage(conversation.stage)
    start = conversation.starts_at
    if stage is Stage.SCHEDULED and start is not None and now >= start - INTERVIEW_SOON:
        return "call"
    if stage is Stage.CLOSED:
        return "closed"
    return CURRENT_STEP.get(stage, "outreach")


def messages_by_step(messages: list[Message]) -> dict[str, list[Message]]:
    """Sent and received messages under their step; keys use "_" for templates."""
    grouped: dict[str, list[Message]] = {key.replace("-", "_"): [] for key, _ in STEPS}
    for message in messages:
        step = MESSAGE_STEP.get(MessageKind(message.kind), "outreach")
        grouped[step.replace("-", "_")].append(message)
    return grouped

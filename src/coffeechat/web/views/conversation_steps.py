"""The conversation page's seven steps, as ``domain.process`` decides them.

Each step has one home on the page, and each thing the user does has one way
to do it there (the composer writes every message, the propose page books,
interview mode ends the call).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coffeechat.domain.process import STEPS, ProcessStep, process_steps, step_of_message
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import MessageKind


def step_states(conversation: Any, now: datetime) -> list[ProcessStep]:
    return process_steps(Stage(conversation.stage), conversation.starts_at, now)


def messages_by_step(messages: list[Any]) -> dict[str, list[Any]]:
    """Sent and received messages under their step; keys use "_" for templates."""
    grouped: dict[str, list[Any]] = {key.replace("-", "_"): [] for key, _ in STEPS}
    for message in messages:
        step = step_of_message(MessageKind(message.kind))
        grouped[step.replace("-", "_")].append(message)
    return grouped

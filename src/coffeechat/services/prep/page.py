"""The plan editor's data: the plan fitted to the call, and the questions it can still take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coffeechat.core.models import Conversation, Question
from coffeechat.domain.questions import Plan
from coffeechat.domain.vocabulary import QuestionCategory, label
from coffeechat.services.prep import plans
from coffeechat.services.prep.queries import offerable_questions
from coffeechat.services.prep.questions import ensure_question_bank


@dataclass(frozen=True)
class PlanEditor:
    view: plans.PlanView
    # (category label, questions) pairs, only the groups with something left to add
    offer: tuple[tuple[str, list[Question]], ...]

    @property
    def plan(self) -> Plan:
        return self.view.plan


def plan_editor(user: Any, conversation: Conversation) -> PlanEditor:
    """The conversation page includes the editor too, so both read it here."""
    ensure_question_bank(user)
    view = plans.plan_for(user, conversation)
    planned = {row.question_id for row in view.rows.values()}
    # Groups in the bank's order (path into the field first), not alphabetically.
    offer: dict[str, list[Question]] = {label(c.value): [] for c in QuestionCategory}
    for question in offerable_questions(user):
        if question.pk not in planned:
            offer.setdefault(label(question.category), []).append(question)
    groups = tuple((group, rows) for group, rows in offer.items() if rows)
    return PlanEditor(view=view, offer=groups)

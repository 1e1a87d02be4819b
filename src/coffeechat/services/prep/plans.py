"""A conversation's question plan: the lines the user picked, fitted by the planner.

Plan lines are ``PlannedQuestion`` rows. Their question's ``role`` says which
line is the opener and which the closing question; the rest are picks, asked
in ``position`` order. The domain planner decides what fits; nothing here
trims the user's picks, so the Prepare rule still sees a plan that is too long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from coffeechat.core.models import Conversation, PlannedQuestion, Question
from coffeechat.domain.question_bank import CLOSER, OPENER
from coffeechat.domain.questions import LeftOut, Plan, PlanItem, PlannedLine, plan_questions
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.owned import get_owned
from coffeechat.services.prep.questions import ensure_question_bank
from coffeechat.services.today.due_list import rule_settings


@dataclass(frozen=True)
class PlanView:
    """The planner's answer with the rows behind it, for pages and the API."""

    conversation: Conversation
    plan: Plan
    rows: dict[int, PlannedQuestion]  # by line id

    def row(self, line: PlannedLine | LeftOut) -> PlannedQuestion:
        return self.rows[line.item.id]

    @property
    def picks(self) -> list[PlannedQuestion]:
        """The picks in the user's order, fitted or not: what the editor moves."""
        return [row for row in self.rows.values() if row.question.role not in (OPENER, CLOSER)]

    @property
    def left_out_ids(self) -> set[int]:
        return {gap.item.id for gap in self.plan.left_out}

    @property
    def total_minutes(self) -> int:
        """Every line's minutes, fitted or not: what the Prepare rule compares."""
        return sum(_minutes(row) for row in self.rows.values())

    def as_dict(self) -> dict[str, Any]:
        """The plan as plain values: the API's answer and ``coffeechat brief --json``."""
        plan = self.plan

        def line(
            entry: PlannedLine | LeftOut, start: int | None, end: int | None, reason: str | None
        ) -> dict[str, Any]:
            row = self.row(entry)
            return {
                "id": row.pk,
                "question_id": row.question_id,
                "text": row.question.text,
                "role": entry.role.value,
                "minutes": entry.item.minutes,
                "start": start,
                "end": end,
                "asked": row.asked,
                "findable_online": row.question.findable_online,
                "left_out_reason": reason,
            }

        return {
            "conversation_id": self.conversation.pk,
            "length": plan.length,
            "margin": plan.margin,
            "budget": plan.budget,
            "used": plan.used,
            "spare": plan.spare,
            "lines": [line(entry, entry.start, entry.end, None) for entry in plan.lines],
            "left_out": [line(gap, None, None, gap.reason) for gap in plan.left_out],
            "warnings": list(plan.warnings),
        }


def _minutes(row: PlannedQuestion) -> int:
    return row.minutes or row.question.minutes


def _item(row: PlannedQuestion) -> PlanItem:
    q = row.question
    return PlanItem(
        id=row.pk, text=q.text, minutes=_minutes(row), findable_online=q.findable_online
    )


def plan_rows(conversation: Conversation) -> list[PlannedQuestion]:
    return list(
        PlannedQuestion.objects.filter(conversation=conversation, deleted_at__isnull=True)
        .select_related("question")
        .order_by("position", "id")
    )


def plan_for(user: Any, conversation: Conversation) -> PlanView:
    rows = plan_rows(conversation)
    opener = next((r for r in rows if r.question.role == OPENER), None)
    closer = next((r for r in rows if r.question.role == CLOSER), None)
    picks = [r for r in rows if r is not opener and r is not closer]
    margin = rule_settings(ensure_profile(user)).prepare_margin_minutes
    plan = plan_questions(
        length=conversation.planned_minutes,
        opener=_item(opener) if opener else None,
        closer=_item(closer) if closer else None,
        picks=[_item(r) for r in picks],
        margin=margin,
    )
    return PlanView(conversation=conversation, plan=plan, rows={r.pk: r for r in rows})


def get_plan(user: Any, conversation_id: object) -> PlanView:
    return plan_for(user, get_owned(user, Conversation, conversation_id))


def add_question(user: Any, conversation_id: object, question_id: object) -> PlannedQuestion:
    """Add a question to the end of the plan (an opener or closer replaces the current one).

    The first pick also brings the user's opener and closing question, so a
    plan always starts warm and ends asking who else to talk to.
    """
    conversation = get_owned(user, Conversation, conversation_id)
    question = _question(user, question_id)
    rows = plan_rows(conversation)
    if any(row.question_id == question.pk for row in rows):
        raise InvalidInput({"question": ["This question is already in the plan."]})
    with transaction.atomic():
        if question.role:
            _remove_role(rows, question.role)
        elif not rows:
            _add_frame(user, conversation)
        return _append(user, conversation, question)


def _question(user: Any, question_id: object) -> Question:
    if question_id in (None, ""):
        raise InvalidInput({"question": ["Choose a question to add."]})
    try:
        question: Question = get_owned(user, Question, question_id)
    except NotFound as exc:
        raise InvalidInput({"question": [f"No question with id {question_id}."]}) from exc
    return question


def _remove_role(rows: Sequence[PlannedQuestion], role: str) -> None:
    for row in rows:
        if row.question.role == role:
            row.delete()


def _add_frame(user: Any, conversation: Conversation) -> None:
    ensure_question_bank(user)
    for role in (OPENER, CLOSER):
        question = (
            Question.objects.for_user(user).filter(role=role, hidden=False).order_by("id").first()
        )
        if question is not None:
            _append(user, conversation, question)


def _append(user: Any, conversation: Conversation, question: Question) -> PlannedQuestion:
    last = (
        PlannedQuestion.objects.filter(conversation=conversation)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return PlannedQuestion.objects.create(
        owner=user,
        conversation=conversation,
        question=question,
        position=(last if last is not None else -1) + 1,
    )


def _line(user: Any, conversation_id: object, line_id: object) -> PlannedQuestion:
    conversation = get_owned(user, Conversation, conversation_id)
    try:
        row: PlannedQuestion = PlannedQuestion.objects.select_related("question").get(
            pk=line_id, conversation=conversation, owner=user, deleted_at__isnull=True
        )
    except (PlannedQuestion.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(f"No line {line_id} in this plan.") from exc
    return row


def remove_line(user: Any, conversation_id: object, line_id: object) -> PlannedQuestion:
    """Take a question out of the plan; the question stays in the bank."""
    row = _line(user, conversation_id, line_id)
    row.delete()
    return row


def move_line(user: Any, conversation_id: object, line_id: object, direction: str) -> None:
    """Swap a pick with its neighbour ``up`` or ``down``; at either end nothing moves."""
    row = _line(user, conversation_id, line_id)
    if direction not in ("up", "down"):
        raise InvalidInput({"direction": ["Move a question up or down."]})
    view = plan_for(user, row.conversation)
    picks = view.picks
    if row not in picks:
        raise InvalidInput({"direction": ["The opener and closing question keep their places."]})
    index = picks.index(row)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(picks):
        picks[index], picks[other] = picks[other], picks[index]
        _renumber(picks)


def _renumber(picks: Sequence[PlannedQuestion]) -> None:
    with transaction.atomic():
        for position, pick in enumerate(picks, start=1):
            if pick.position != position:
                pick.position = position
                pick.save(update_fields=["position", "updated_at"])


def replace_plan(user: Any, conversation_id: object, question_ids: Sequence[object]) -> PlanView:
    """Set the whole plan to these questions in this order (the API's PUT).

    Questions already planned keep their line (and its asked mark); the
    opener and closer are recognised by their role wherever they are listed.
    """
    conversation = get_owned(user, Conversation, conversation_id)
    questions = [_question(user, qid) for qid in question_ids]
    if len({q.pk for q in questions}) != len(questions):
        raise InvalidInput({"question_ids": ["A question is listed twice."]})
    for role in (OPENER, CLOSER):
        if sum(q.role == role for q in questions) > 1:
            raise InvalidInput({"question_ids": [f"A plan has at most one {role}."]})
    existing = {row.question_id: row for row in plan_rows(conversation)}
    with transaction.atomic():
        for question_id, row in existing.items():
            if question_id not in {q.pk for q in questions}:
                row.delete()
        for position, question in enumerate(questions, start=1):
            row = existing.get(question.pk) or PlannedQuestion(
                owner=user, conversation=conversation, question=question
            )
            row.position = position
            row.save()
    return plan_for(user, conversation)


def set_line(user: Any, conversation_id: object, line_id: object, data: dict[str, Any]) -> None:
    """Change a line's minutes (empty = the question's own) or its asked mark."""
    row = _line(user, conversation_id, line_id)
    fields = ["updated_at"]
    if "minutes" in data:
        row.minutes = _checked_minutes(data["minutes"])
        fields.append("minutes")
    if "asked" in data:
        row.asked = str(data["asked"]).lower() in ("1", "true", "on", "yes")
        fields.append("asked")
    row.save(update_fields=fields)


def _checked_minutes(raw: object) -> int | None:
    if raw in (None, ""):
        return None
    try:
        minutes = int(str(raw))
    except ValueError as exc:
        raise InvalidInput({"minutes": [f"{raw!r} is not a whole number of minutes."]}) from exc
    if not 1 <= minutes <= 20:
        raise InvalidInput({"minutes": ["A question takes between 1 and 20 minutes."]})
    return minutes

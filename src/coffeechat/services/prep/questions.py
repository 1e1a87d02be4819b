"""The question bank: the shipped questions seeded per user, and the user's own.

Built-in questions can be edited and hidden but not deleted, so an update of
coffeechat can always recognise them by ``key``; the user's own questions go
to the trash like any other row.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from coffeechat.core.models import Question
from coffeechat.domain.question_bank import QUESTIONS
from coffeechat.domain.vocabulary import QuestionCategory, Tiara
from coffeechat.services.errors import InvalidInput
from coffeechat.services.owned import get_owned
from coffeechat.services.prep.forms import QuestionForm

SHOW = ("visible", "hidden", "all")


def ensure_question_bank(user: Any) -> int:
    """Give the user every built-in question they do not have yet; returns how many.

    Idempotent and safe to call on every visit: a key the user already has
    (edited, hidden or trashed) is never added again, and two requests racing
    here are settled by the unique (owner, key) constraint.
    """
    have = set(Question.objects.filter(owner=user).exclude(key="").values_list("key", flat=True))
    missing = [
        Question(
            owner=user,
            key=spec.key,
            text=spec.text,
            category=spec.category.value,
            tiara=spec.tiara.value,
            minutes=spec.minutes,
            findable_online=spec.findable_online,
            role=spec.role,
            builtin=True,
        )
        for spec in QUESTIONS
        if spec.key not in have
    ]
    if missing:
        Question.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def bank(
    user: Any, *, category: str = "", tiara: str = "", query: str = "", show: str = "visible"
) -> QuerySet[Question]:
    """The user's questions, filtered; unknown filter values are ignored."""
    rows = Question.objects.for_user(user)
    if category in {c.value for c in QuestionCategory}:
        rows = rows.filter(category=category)
    if tiara in {t.value for t in Tiara}:
        rows = rows.filter(tiara=tiara)
    if show == "visible":
        rows = rows.filter(hidden=False)
    elif show == "hidden":
        rows = rows.filter(hidden=True)
    for word in query.split():
        rows = rows.filter(Q(text__icontains=word))
    return rows.order_by("category", "-role", "builtin", "id")


def get_question(user: Any, pk: object) -> Question:
    question: Question = get_owned(user, Question, pk)
    return question


def create_question(user: Any, data: dict[str, Any]) -> Question:
    form = QuestionForm(data)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    question: Question = form.save(commit=False)
    question.owner = user
    question.save()
    return question


def update_question(user: Any, pk: object, data: dict[str, Any]) -> Question:
    question: Question = get_owned(user, Question, pk)
    form = QuestionForm(data, instance=question)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    return form.save()


def set_hidden(user: Any, pk: object, hidden: bool) -> Question:
    """Hide a question from the bank and the plan picker; plans keep it."""
    question: Question = get_owned(user, Question, pk)
    question.hidden = hidden
    question.save(update_fields=["hidden", "updated_at"])
    return question


def trash_question(user: Any, pk: object, now: datetime) -> Question:
    question: Question = get_owned(user, Question, pk)
    if question.builtin:
        raise InvalidInput(
            {"__all__": ["Built-in questions are hidden, not deleted: use Hide instead."]}
        )
    question.deleted_at = now
    question.save(update_fields=["deleted_at", "updated_at"])
    return question


def patch_question(user: Any, pk: object, data: dict[str, Any]) -> Question:
    """Change some fields and maybe ``hidden``, all or nothing (the API's PATCH)."""
    changes = dict(data)
    hidden = changes.pop("hidden", None)
    with transaction.atomic():
        question: Question = get_owned(user, Question, pk)
        if changes:
            current = {
                "text": question.text,
                "category": question.category,
                "tiara": question.tiara,
                "minutes": question.minutes,
                "findable_online": question.findable_online,
            }
            question = update_question(user, pk, {**current, **changes})
        if hidden is not None:
            question = set_hidden(user, pk, hidden)
    return question

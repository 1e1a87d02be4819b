"""What the prep area reads beyond the plan itself: the questions a plan may take."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from coffeechat.core.models import Question


def offerable_questions(user: Any) -> QuerySet[Question]:
    """The bank's visible questions in the order they were added (the bank's own order)."""
    return Question.objects.for_user(user).filter(hidden=False).order_by("id")

"""Seeding the bank per user, the user's own questions, hiding and the trash."""

from __future__ import annotations

import pytest

from coffeechat.core.models import Question
from coffeechat.domain.question_bank import QUESTIONS
from coffeechat.services.errors import InvalidInput
from coffeechat.services.prep import questions


def test_seeding_is_idempotent_and_per_user(user, outsider):
    assert questions.ensure_question_bank(user) == len(QUESTIONS)
    assert questions.ensure_question_bank(user) == 0
    assert Question.objects.filter(owner=user).count() == len(QUESTIONS)
    assert questions.ensure_question_bank(outsider) == len(QUESTIONS)


def test_an_edited_builtin_is_not_seeded_again(user):
    questions.ensure_question_bank(user)
    first = Question.objects.get(owner=user, key="day-last-week")
    questions.update_question(
        user,
        first.pk,
        {
            "text": "What did you do last Tuesday?",
            "category": "day-to-day",
            "tiara": "insights",
            "minutes": 3,
        },
    )
    questions.ensure_question_bank(user)
    assert Question.objects.filter(owner=user, key="day-last-week").count() == 1
    assert Question.objects.get(pk=first.pk).text == "What did you do last Tuesday?"


def test_hidden_builtins_leave_the_bank_but_are_not_deleted(user, now):
    questions.ensure_question_bank(user)
    q = Question.objects.get(owner=user, key="trend-salary")
    questions.set_hidden(user, q.pk, True)
    assert q.pk not in {row.pk for row in questions.bank(user)}
    assert q.pk in {row.pk for row in questions.bank(user, show="hidden")}
    with pytest.raises(InvalidInput, match="hidden, not deleted"):
        questions.trash_question(user, q.pk, now)
    questions.ensure_question_bank(user)
    assert Question.objects.filter(owner=user, key="trend-salary").count() == 1


def test_own_questions_go_to_the_trash(user, now):
    own = questions.create_question(
        user,
        {
            "text": "How do you pick which studies to run?",
            "category": "day-to-day",
            "tiara": "insights",
            "minutes": 4,
        },
    )
    assert not own.builtin
    questions.trash_question(user, own.pk, now)
    assert own.pk not in {row.pk for row in questions.bank(user, show="all")}
    assert Question.objects.trashed_for_user(user).filter(pk=own.pk).exists()


def test_bad_input_names_the_field_and_changes_nothing(user):
    with pytest.raises(InvalidInput) as error:
        questions.create_question(
            user, {"text": "Why?", "category": "nonsense", "tiara": "insights", "minutes": 40}
        )
    assert set(error.value.errors) == {"text", "category", "minutes"}
    assert not Question.objects.filter(owner=user).exists()


def test_search_and_filters(user):
    questions.ensure_question_bank(user)
    found = list(questions.bank(user, query="last week"))
    assert [q.key for q in found] == ["day-last-week"]
    trends = questions.bank(user, category="trends", tiara="trends")
    assert trends.count() >= 8 and {q.category for q in trends} == {"trends"}

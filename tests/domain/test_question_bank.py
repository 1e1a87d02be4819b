"""The shipped question bank: enough questions, open-ended, every category and TIARA tag."""

from __future__ import annotations

from collections import Counter

from coffeechat.domain.question_bank import CLOSER, OPENER, QUESTIONS
from coffeechat.domain.vocabulary import QuestionCategory, Tiara

YES_NO_STARTS = (
    "is ",
    "are ",
    "do ",
    "does ",
    "did ",
    "was ",
    "were ",
    "have ",
    "has ",
    "will ",
    "would ",
    "should ",
    "can ",
)


def test_at_least_80_questions_worth_asking():
    assert sum(not q.findable_online for q in QUESTIONS) >= 80


def test_several_findable_questions_are_kept_flagged_as_ones_to_avoid():
    findable = [q for q in QUESTIONS if q.findable_online]
    assert len(findable) >= 5
    assert all(q.role == "" for q in findable)


def test_questions_worth_asking_are_open_ended():
    closed = [
        q.text
        for q in QUESTIONS
        if not q.findable_online and q.text.lower().startswith(YES_NO_STARTS)
    ]
    assert closed == []
    assert all(q.text.endswith("?") for q in QUESTIONS)


def test_every_category_and_tiara_tag_is_covered():
    categories = Counter(q.category for q in QUESTIONS)
    assert set(categories) == set(QuestionCategory)
    assert min(categories.values()) >= 8
    assert {q.tiara for q in QUESTIONS} == set(Tiara)


def test_keys_and_texts_are_unique():
    assert len({q.key for q in QUESTIONS}) == len(QUESTIONS)
    assert len({q.text.lower() for q in QUESTIONS}) == len(QUESTIONS)


def test_there_is_one_opener_and_one_who_else_closer():
    roles = Counter(q.role for q in QUESTIONS if q.role)
    assert roles == {OPENER: 1, CLOSER: 1}
    closer = next(q for q in QUESTIONS if q.role == CLOSER)
    assert "who else" in closer.text.lower()


def test_minutes_are_realistic():
    assert all(2 <= q.minutes <= 5 for q in QUESTIONS)

"""The plan's warnings: a question that asks for a job, invites yes/no or a web search answers."""

from __future__ import annotations

import pytest

from coffeechat.domain.question_bank import QUESTIONS
from coffeechat.domain.question_checks import question_warnings
from coffeechat.domain.questions import PlanItem, plan_questions


@pytest.mark.parametrize(
    ("question", "problems"),
    [
        ("Do you like your job?", ["yes or no"]),
        ("Is it stressful?", ["yes or no"]),
        ("Looking back, would you choose this path again?", ["yes or no"]),
        ("Did you study design?", ["yes or no"]),
        ("What does your company do?", ["web search"]),
        ("How many employees does Acme have?", ["web search"]),
        ("When was the company founded?", ["web search"]),
        ("What is the average salary for a PM?", ["web search"]),
        ("Are there any openings on your team?", ["job", "yes or no"]),
        ("Could you refer me to your recruiter?", ["job", "yes or no"]),
        ("Could you pass my resume along?", ["job", "yes or no"]),
        ("What roles do you know of for someone like me?", []),
        ("What do you enjoy most about your job?", []),
        ("Could you tell me how you got started?", []),
        ("Do you prefer research or design work?", []),
        ("How did you get your foot in the door?", []),
    ],
)
def test_a_question_gets_one_warning_per_problem(question, problems):
    warnings = question_warnings(question)
    assert len(warnings) == len(problems), warnings
    for warning, problem in zip(warnings, problems, strict=True):
        assert problem in warning and f"“{question}”" in warning


def test_no_shipped_open_question_is_warned_about():
    warned = [
        q.text
        for q in QUESTIONS
        if question_warnings(q.text, flagged_online=q.findable_online) and not q.findable_online
    ]
    assert warned == []


def test_the_plan_warns_about_a_picked_yes_no_question():
    picks = [PlanItem(id=1, text="Do you like your job?", minutes=3)]
    plan = plan_questions(length=30, picks=picks)
    assert len(plan.warnings) == 1 and "yes or no" in plan.warnings[0]

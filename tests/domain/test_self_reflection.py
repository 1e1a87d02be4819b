"""The self-reflection guide turns plain answers into the weighted profile."""

import pytest

from coffeechat.domain.self_reflection import (
    GuideAnswers,
    GuideError,
    answers_from_profile,
    profile_changes,
    profile_from_answers,
)


def pairs(items):
    return [(item.name, item.weight) for item in items]


@pytest.mark.parametrize(
    ("answers", "interests", "skills", "values"),
    [
        (GuideAnswers(), [], [], []),
        (
            GuideAnswers(energisers="Explaining data\n\nWriting: 5"),
            [("Explaining data", 4), ("Writing", 5)],
            [],
            [],
        ),
        (
            GuideAnswers(enjoyed_skills="SQL", growth_skills="Python"),
            [],
            [("SQL", 4), ("Python", 3)],
            [],
        ),
        # in both lists: the higher weight wins, the first spelling stays
        (GuideAnswers(enjoyed_skills="SQL: 2", growth_skills="sql: 5"), [], [("SQL", 5)], []),
        (
            GuideAnswers(ranked_values="Autonomy\nImpact\nPay\nTeam\nLocation\nTitle"),
            [],
            [],
            [
                ("Autonomy", 5),
                ("Impact", 4),
                ("Pay", 3),
                ("Team", 2),
                ("Location", 1),
                ("Title", 1),
            ],
        ),
    ],
)
def test_answers_become_weighted_lists(answers, interests, skills, values):
    result = profile_from_answers(answers)
    assert (pairs(result.interests), pairs(result.skills), pairs(result.values)) == (
        interests,
        skills,
        values,
    )


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        (GuideAnswers(energisers="Writing: 9"), "energisers", "line 1: weight 9 is outside 1-5"),
        (
            GuideAnswers(enjoyed_skills="SQL\n\nSQL"),
            "enjoyed_skills",
            "line 3: 'SQL' is listed twice",
        ),
        (GuideAnswers(ranked_values="Pay\nAutonomy: 5"), "ranked_values", "line 2: rank values"),
        (GuideAnswers(ranked_values="Pay\npay"), "ranked_values", "listed twice"),
    ],
)
def test_a_bad_answer_names_the_question_and_the_line(answers, field, message):
    with pytest.raises(GuideError) as caught:
        profile_from_answers(answers)
    assert caught.value.field == field
    assert message in caught.value.message


def test_a_profile_filled_by_hand_prefills_the_guide_with_values_ranked_by_weight():
    answers = answers_from_profile(
        [{"name": "Writing", "weight": 5}],
        [{"name": "SQL", "weight": 4}],
        [{"name": "Pay", "weight": 2}, {"name": "Autonomy", "weight": 5}],
    )
    assert answers.energisers == "Writing: 5"
    assert answers.ranked_values == "Autonomy\nPay"
    again = profile_from_answers(answers)
    assert pairs(again.values) == [("Autonomy", 5), ("Pay", 4)]


def test_changes_list_additions_removals_and_new_weights_per_list():
    before = {"values": [{"name": "Pay", "weight": 5}, {"name": "Team", "weight": 3}]}
    after = {"values": [{"name": "Pay", "weight": 4}], "skills": [{"name": "R", "weight": 2}]}
    assert [c.describe() for c in profile_changes(before, after)] == [
        "added R (2)",
        "Pay 5 → 4",
        "removed Team",
    ]


def test_an_unchanged_profile_has_no_changes():
    same = {"skills": [{"name": "SQL", "weight": 3}]}
    assert profile_changes(same, same) == []

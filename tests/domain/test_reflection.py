"""Fit, themes and skill suggestions: the pure rules behind the reflection pages."""

import pytest

from coffeechat.domain.reflection import (
    Criterion,
    CriterionKind,
    HeardSkill,
    NoteFacts,
    Rating,
    compute_fit,
    count_themes,
    criteria_from_profile,
    skill_from_tag,
    skills_not_in_profile,
)

INT, S, V = CriterionKind.INTEREST, CriterionKind.SKILL, CriterionKind.VALUE
WRITING = Criterion(INT, "Writing", 5)
SQL = Criterion(S, "SQL", 2)
AUTONOMY = Criterion(V, "Autonomy", 3)
CRITERIA = [WRITING, SQL, AUTONOMY]


@pytest.mark.parametrize(
    ("ratings", "score", "coverage", "percent"),
    [
        ([], None, 0.0, None),
        ([Rating(INT, "Writing", 5)], 5.0, 0.5, 100),
        ([Rating(INT, "Writing", 1)], 1.0, 0.5, 0),
        # (5*4 + 2*2 + 3*3) / 10 = 3.3
        ([Rating(INT, "Writing", 4), Rating(S, "SQL", 2), Rating(V, "Autonomy", 3)], 3.3, 1.0, 57),
        # the heavier criterion dominates: (5*5 + 2*1) / 7 = 3.857
        ([Rating(INT, "writing", 5), Rating(S, "sql", 1)], 3.86, 0.7, 72),
        # a rating for a criterion no longer in the profile is ignored
        ([Rating(V, "Salary", 5)], None, 0.0, None),
    ],
)
def test_the_fit_score_is_the_weighted_mean_of_the_ratings_given(ratings, score, coverage, percent):
    fit = compute_fit(CRITERIA, ratings)
    assert (fit.score, fit.coverage, fit.percent) == (score, coverage, percent)


def test_a_rating_matches_its_criterion_whatever_the_case_and_spacing():
    fit = compute_fit([Criterion(S, "Data Analysis", 3)], [Rating(S, "  data   analysis", 4)])
    assert fit.rows[0].score == 4


def test_drivers_and_drags_are_ordered_by_weight_times_distance_from_neutral():
    ratings = [
        Rating(INT, "Writing", 4),  # pull +5
        Rating(S, "SQL", 5),  # pull +4
        Rating(V, "Autonomy", 1),  # pull -6
    ]
    fit = compute_fit(CRITERIA, ratings)
    assert [row.criterion.name for row in fit.drivers] == ["Writing", "SQL"]
    assert [row.criterion.name for row in fit.drags] == ["Autonomy"]


def test_a_neutral_rating_neither_drives_nor_drags():
    fit = compute_fit(CRITERIA, [Rating(INT, "Writing", 3)])
    assert fit.drivers == fit.drags == ()
    assert fit.score == 3.0


def test_unrated_and_uncited_criteria_are_listed_so_the_page_can_ask_for_them():
    fit = compute_fit(CRITERIA, [Rating(INT, "Writing", 4, (11, 12, 11)), Rating(S, "SQL", 2)])
    assert fit.unrated == (AUTONOMY,)
    assert [row.criterion for row in fit.uncited] == [SQL]
    assert fit.rows[0].note_ids == (11, 12)  # duplicates cited once


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_rating_outside_one_to_five_is_refused(score):
    with pytest.raises(ValueError, match="outside 1-5"):
        compute_fit(CRITERIA, [Rating(INT, "Writing", score)])


def test_criteria_come_from_the_profile_in_order_and_skip_broken_entries():
    criteria = criteria_from_profile(
        [{"name": "Writing", "weight": 5}, {"name": "", "weight": 3}],
        [{"name": "SQL", "weight": 2}, {"name": "R", "weight": 9}, {"name": "Go", "weight": True}],
        [{"name": "Autonomy", "weight": 3}],
    )
    assert criteria == CRITERIA


# Themes


def note(id, tags, conversation_id, highlight=False):
    return NoteFacts(
        id=id, text=f"note {id}", tags=tags, conversation_id=conversation_id, highlight=highlight
    )


def test_themes_heard_in_more_conversations_come_first():
    notes = [
        note(1, ("salary",), 1),
        note(2, ("salary",), 1),
        note(3, ("salary",), 1),
        note(4, ("culture",), 1),
        note(5, ("Culture",), 2),
    ]
    themes = count_themes(notes)
    assert [(t.tag, t.conversations, t.notes) for t in themes] == [
        ("culture", 2, 2),
        ("salary", 1, 3),
    ]


def test_a_tag_repeated_on_one_note_counts_once():
    assert count_themes([note(1, ("pace", "PACE", " pace "), 1)])[0].notes == 1


def test_quotes_put_highlights_first_and_stop_at_three():
    notes = [note(i, ("pace",), i, highlight=(i == 4)) for i in range(1, 6)]
    assert [q.id for q in count_themes(notes)[0].quotes] == [4, 1, 2]


def test_skill_tags_are_not_themes_and_the_limit_cuts_the_list():
    notes = [note(1, ("skill:sql", "pace", "pay"), 1)]
    assert [t.tag for t in count_themes(notes)] == ["pace", "pay"]
    assert [t.tag for t in count_themes(notes, limit=1)] == ["pace"]


# Skill suggestions


@pytest.mark.parametrize(
    ("tag", "skill"),
    [("skill:sql", "sql"), ("Skill: Data Viz", "data viz"), ("skill:", None), ("sql", None)],
)
def test_a_skill_tag_names_a_skill(tag, skill):
    assert skill_from_tag(tag) == skill


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ([], ["Tableau", "SQL"]),
        (["sql"], ["Tableau"]),
        (["SQL", "Tableau."], []),
        (["Tableau Prep"], ["Tableau", "SQL"]),  # a different skill, not a near match
    ],
)
def test_skills_heard_but_not_in_the_profile_are_suggested(profile, expected):
    heard = [
        HeardSkill(name="SQL", note_id=1, contact_name="Ana"),
        HeardSkill(name="Tableau", note_id=2, contact_name="Sam"),
        HeardSkill(name="tableau", action_item_id=9),
    ]
    assert [s.name for s in skills_not_in_profile(heard, profile)] == expected


def test_each_suggestion_cites_every_place_it_was_heard():
    heard = [
        HeardSkill(name="Tableau", note_id=2, conversation_id=20, contact_name="Sam"),
        HeardSkill(name="TABLEAU", action_item_id=9, conversation_id=21),
    ]
    (suggestion,) = skills_not_in_profile(heard, ["SQL"])
    assert suggestion.name == "Tableau"
    assert [(h.note_id, h.action_item_id) for h in suggestion.heard] == [(2, None), (None, 9)]


def test_a_skill_learnt_through_a_done_action_item_becomes_a_resume_suggestion():
    heard = [HeardSkill(name="SQL", note_id=1), HeardSkill(name="Tableau", note_id=2)]
    done = [HeardSkill(name="sql", action_item_id=9, done=True)]
    by_name = {s.name: s.for_resume for s in skills_not_in_profile(heard + done, [])}
    assert by_name == {"SQL": True, "Tableau": False}

"""The LAMP order of organizations and the "who do I know here" order of people."""

import pytest

from coffeechat.domain.targets import (
    OrganizationFacts,
    PersonFacts,
    TargetFacts,
    rank_organizations,
    rank_people,
    score_person,
    seniority,
    shared_words,
    target_level,
)

UX = TargetFacts(paths=(("UX research", "Design"),))


def org(pk, name, motivation, posting, contacts=0, alumni=0):
    return OrganizationFacts(pk, name, motivation, posting, contacts, alumni)


@pytest.mark.parametrize(
    ("organizations", "expected"),
    [
        # motivation beats everything
        ([org(1, "A", 1, 3, 9), org(2, "B", 2, 1, 0)], ["B", "A"]),
        # then postings
        ([org(1, "A", 2, 1, 9), org(2, "B", 2, 3, 0)], ["B", "A"]),
        # then advocacy: the contacts known there
        ([org(1, "A", 2, 2, 1), org(2, "B", 2, 2, 4)], ["B", "A"]),
        # then alumni among them
        ([org(1, "A", 2, 2, 3, 0), org(2, "B", 2, 2, 3, 2)], ["B", "A"]),
        # then the name, case-insensitively
        ([org(1, "beta", 2, 2), org(2, "Acme", 2, 2)], ["Acme", "beta"]),
    ],
)
def test_organizations_rank_by_motivation_then_posting_then_advocacy(organizations, expected):
    assert [r.facts.name for r in rank_organizations(organizations)] == expected


def test_the_active_batch_is_the_top_five():
    orgs = [org(i, f"Org {i}", 3, 1, contacts=10 - i) for i in range(7)]
    ranked = rank_organizations(orgs)
    assert [r.active for r in ranked] == [True] * 5 + [False] * 2
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5, 6, 7]


def test_an_organization_rated_not_interested_is_never_in_the_active_batch():
    ranked = rank_organizations([org(1, "Want", 1, 1), org(2, "Meh", 0, 3)])
    assert [(r.facts.name, r.active) for r in ranked] == [("Want", True), ("Meh", False)]


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("UX Researcher", 2),
        ("Intern, Research", 0),
        ("Junior Data Analyst", 1),
        ("Associate Product Manager", 1),
        ("Product Manager", 2),
        ("Sr. UX Designer", 3),
        ("Senior Researcher", 3),
        ("Lead Designer", 4),
        ("Principal Engineer", 4),
        ("Director of Research", 5),
        ("Head of Design", 5),
        ("VP Product", 6),
        ("Vice President, Engineering", 6),
        ("Co-founder & CEO", 7),
        ("", 2),
    ],
)
def test_seniority_reads_the_level_from_the_title(title, level):
    assert seniority(title) == level


@pytest.mark.parametrize(
    ("title", "path", "shared"),
    [
        ("Senior UX Researcher", "UX research", ["ux", "researcher"]),
        ("User Researcher", "UX research", ["researcher"]),
        ("Product Designer", "UX research Design", ["designer"]),
        ("Data Analyst", "Data analysis", ["data", "analyst"]),
        ("Account Executive", "UX research", []),
        ("Head of Research", "UX research", ["research"]),  # "head" is a level, not a subject
        ("Production Lead", "Product management", ["production"]),
        ("Team Lead", "Team culture", []),  # stopwords and levels never match
    ],
)
def test_a_title_matches_a_path_on_shared_subject_words(title, path, shared):
    assert shared_words(title, path) == shared


@pytest.mark.parametrize(
    ("paths", "level"),
    [
        ((), 2),
        ((("UX research", ""),), 2),
        ((("Junior data analyst", ""),), 1),
        ((("Senior product designer", ""), ("Data analyst", "")), 3),
    ],
)
def test_the_target_level_is_the_highest_named_in_a_path(paths, level):
    assert target_level(TargetFacts(paths)) == level


def person(pk=1, name="Ana Ruiz", **fields):
    return PersonFacts(pk, name, **fields)


@pytest.mark.parametrize(
    ("facts", "score", "reason"),
    [
        (person(title="UX Researcher"), 4, "role matches your path UX research (ux, researcher)"),
        (person(title="Account Executive"), 1, "mid-level: at the level you are aiming for"),
        (person(title="Senior Designer"), 5, "senior: a level or two above your target"),
        (person(title="Lead Designer"), 5, "lead or manager: a level or two above your target"),
        (person(title="Director of Design"), 3, "role matches your path UX research (design)"),
        (person(title="Director of Design"), 3, "director: well above your target"),
        (person(title="Intern"), 0, "intern: below the level you are aiming for"),
        (person(title="VP Sales"), 0, "vice president: well above your target"),
        (person(source="alumni"), 2, "alumni of your school"),
        (person(connection="A fellow alum from State U"), 2, "went to your school"),
        (person(path_titles=("UX research",)), 3, "linked to your path UX research"),
        (person(research="Promoted from analyst to manager in 2023"), 1, "promoted internally"),
        (person(introduced_by="Sam Lee"), 1, "introduced by Sam Lee"),
        (person(asked=True), -2, "already asked"),
    ],
)
def test_each_signal_scores_and_says_why(facts, score, reason):
    ranked = score_person(facts, UX)
    assert ranked.score == score
    if reason is None:
        assert ranked.reasons == ()
    else:
        assert any(r.text.startswith(reason) for r in ranked.reasons), ranked.reasons


def test_people_are_ordered_by_relevance_with_do_not_contact_last():
    people = [
        person(1, "Bo Account", title="Account Executive"),
        person(2, "Cy Alum", title="Account Executive", source="alumni"),
        person(3, "Di Senior", title="Senior UX Researcher", source="alumni"),
        person(4, "Ed Blocked", title="Senior UX Researcher", source="alumni", do_not_contact=True),
        person(5, "Fa Asked", title="Senior UX Researcher", asked=True),
    ]
    ranked = rank_people(people, UX)
    assert [r.facts.name for r in ranked] == [
        "Di Senior",  # function 3 + alumni 2 + level 2
        "Cy Alum",  # 1 + 2
        "Fa Asked",  # 3 + 2 - 2
        "Bo Account",  # 1
        "Ed Blocked",
    ]
    assert ranked[-1].reasons[-1].text.startswith("marked do-not-contact")


def test_equal_scores_keep_a_stable_order_by_name():
    ranked = rank_people([person(2, "zoe"), person(1, "Anna")], UX)
    assert [r.facts.name for r in ranked] == ["Anna", "zoe"]


def test_a_shared_generic_word_does_not_rank_an_engineering_manager_first_for_a_pm_path():
    pm = TargetFacts(paths=(("Product Manager", "Software"),))
    people = [
        PersonFacts(1, "Eve Engineer", "Engineering Manager"),
        PersonFacts(2, "Pat Park", "Product Manager"),
        PersonFacts(3, "Sam Senior", "Senior Product Manager"),
    ]
    ranked = rank_people(people, pm)
    assert [r.facts.name for r in ranked][-1] == "Eve Engineer"
    assert ranked[0].facts.name == "Sam Senior"
    eve = ranked[-1]
    assert not any("role matches" in reason.text for reason in eve.reasons)
    assert any(
        "role matches your path Product Manager (product)" in r.text for r in ranked[1].reasons
    )

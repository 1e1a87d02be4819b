"""The target list: which organizations to work now, and whom to ask first at each.

The LAMP method ranks organizations by motivation, then postings, then
advocacy (the people you know there) and works the top five at a time. Inside
one organization, "who do I know here" orders the contacts by how much a
conversation with them is likely to teach and open doors: a role in the field
you are exploring, a shared school, a level or two above the job you are
aiming for, an internal promotion. Each signal carries a reason in words, so
the page can say *why* someone is first.

Everything here is pure: plain facts in, ranked facts out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ACTIVE_BATCH = 5

# Points per signal. Function counts most: a person doing the work you are
# curious about can tell you what it is like; the rest make them easier to
# reach or better placed to describe the path.
FUNCTION_POINTS = 3
ALUMNI_POINTS = 2
LEVEL_ABOVE_POINTS = 2
SAME_LEVEL_POINTS = 1
PROMOTED_POINTS = 1
INTRODUCED_POINTS = 1
ALREADY_ASKED_POINTS = -2

# Seniority words and the level they signal; a title takes its highest level.
# 2 is a plain title with no seniority word ("UX researcher"). "Manager" is not
# one: product, project and account managers are individual contributors.
MID_LEVEL = 2
_LEVEL_WORDS: dict[str, int] = {
    "intern": 0,
    "internship": 0,
    "trainee": 0,
    "apprentice": 0,
    "student": 0,
    "junior": 1,
    "jr": 1,
    "associate": 1,
    "assistant": 1,
    "entry": 1,
    "graduate": 1,
    "senior": 3,
    "sr": 3,
    "experienced": 3,
    "lead": 4,
    "staff": 4,
    "principal": 4,
    "supervisor": 4,
    "director": 5,
    "head": 5,
    "vp": 6,
    "svp": 6,
    "evp": 6,
    "partner": 6,
    "chief": 7,
    "ceo": 7,
    "cto": 7,
    "cfo": 7,
    "coo": 7,
    "cmo": 7,
    "cpo": 7,
    "founder": 7,
    "cofounder": 7,
    "president": 7,
    "owner": 7,
}
_LEVEL_NAMES = {
    0: "intern",
    1: "junior",
    2: "mid-level",
    3: "senior",
    4: "lead or manager",
    5: "director",
    6: "vice president",
    7: "executive",
}
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "team",
        "group",
        "department",
    ]
)
# Words that name a kind of job in any field: an Engineering Manager and a
# Product Manager share "manager" but not the work, so sharing one of these
# says nothing about the path. A path named only by such words keeps them.
_GENERIC_ROLE_WORDS = frozenset(
    [
        "manager",
        "management",
        "managing",
        "mgr",
        "coordinator",
        "specialist",
        "officer",
        "executive",
        "representative",
        "rep",
        "administrator",
        "consultant",
        "professional",
        "generalist",
        "member",
        "advisor",
        "adviser",
        "employee",
        "worker",
    ]
)
_PROMOTION_WORDS = re.compile(
    r"\b(promoted|promotion|moved up|rose to|internal (?:move|transfer|mobility))\b", re.I
)
_ALUMNI_WORDS = re.compile(
    r"\b(alum|alumni|alumna|alumnus|same (?:school|university|college))\b", re.I
)


@dataclass(frozen=True)
class OrganizationFacts:
    id: int
    name: str
    motivation: int
    posting: int
    contacts: int = 0
    alumni: int = 0


@dataclass(frozen=True)
class RankedOrganization:
    facts: OrganizationFacts
    rank: int
    active: bool


def rank_organizations(
    organizations: Iterable[OrganizationFacts], batch: int = ACTIVE_BATCH
) -> list[RankedOrganization]:
    """Motivation, then postings, then advocacy (alumni break ties), then name.

    The active batch is the top ``batch`` organizations you want to work at:
    one rated 0 ("not interested") is listed but never in the batch.

    >>> orgs = [OrganizationFacts(1, "Beta", 2, 1), OrganizationFacts(2, "Acme", 3, 1)]
    >>> [(r.rank, r.facts.name, r.active) for r in rank_organizations(orgs)]
    [(1, 'Acme', True), (2, 'Beta', True)]
    """
    ordered = sorted(
        organizations,
        key=lambda o: (-o.motivation, -o.posting, -o.contacts, -o.alumni, o.name.casefold(), o.id),
    )
    return [
        RankedOrganization(org, rank, active=rank <= batch and org.motivation > 0)
        for rank, org in enumerate(ordered, start=1)
    ]


@dataclass(frozen=True)
class TargetFacts:
    """What the user is aiming for: the career paths they explore.

    ``paths`` are (title, field) pairs of the paths not dropped.
    """

    paths: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PersonFacts:
    id: int
    name: str
    title: str = ""
    source: str = ""
    connection: str = ""
    research: str = ""
    path_titles: tuple[str, ...] = ()  # the user's paths this contact is linked to
    introduced_by: str = ""
    asked: bool = False  # a request already went out (or further)
    do_not_contact: bool = False


@dataclass(frozen=True)
class Reason:
    text: str
    points: int


@dataclass(frozen=True)
class RankedPerson:
    facts: PersonFacts
    score: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def rank_people(people: Iterable[PersonFacts], target: TargetFacts) -> list[RankedPerson]:
    """Whom to ask first at one organization: highest score first, do-not-contact last.

    Ties keep a stable, readable order: by name.
    """
    ranked = [score_person(person, target) for person in people]
    return sorted(
        ranked,
        key=lambda r: (r.facts.do_not_contact, -r.score, r.facts.name.casefold(), r.facts.id),
    )


def score_person(person: PersonFacts, target: TargetFacts) -> RankedPerson:
    reasons = [
        reason
        for reason in (
            _function_reason(person, target),
            _alumni_reason(person),
            _level_reason(person, target),
            _promotion_reason(person),
            _introduction_reason(person),
            _asked_reason(person),
        )
        if reason is not None
    ]
    if person.do_not_contact:
        reasons.append(Reason("marked do-not-contact: never suggested", 0))
    return RankedPerson(person, sum(r.points for r in reasons), tuple(reasons))


def _function_reason(person: PersonFacts, target: TargetFacts) -> Reason | None:
    if person.path_titles:
        names = ", ".join(person.path_titles)
        return Reason(f"linked to your path {names}", FUNCTION_POINTS)
    for title, path_field in target.paths:
        shared = shared_words(person.title, f"{title} {path_field}")
        if shared:
            return Reason(f"role matches your path {title} ({', '.join(shared)})", FUNCTION_POINTS)
    return None


def _alumni_reason(person: PersonFacts) -> Reason | None:
    if person.source == "alumni":
        return Reason("alumni of your school", ALUMNI_POINTS)
    if _ALUMNI_WORDS.search(person.connection):
        return Reason("went to your school (from how you are connected)", ALUMNI_POINTS)
    return None


def _level_reason(person: PersonFacts, target: TargetFacts) -> Reason | None:
    if not person.title.strip():
        return None
    level = seniority(person.title)
    aim = target_level(target)
    name = _LEVEL_NAMES[level]
    if aim < level <= aim + 2:
        return Reason(f"{name}: a level or two above your target", LEVEL_ABOVE_POINTS)
    if level == aim:
        return Reason(f"{name}: at the level you are aiming for", SAME_LEVEL_POINTS)
    if level > aim:
        return Reason(f"{name}: well above your target, busier and further from your path", 0)
    return Reason(f"{name}: below the level you are aiming for", 0)


def _promotion_reason(person: PersonFacts) -> Reason | None:
    if _PROMOTION_WORDS.search(person.research) or _PROMOTION_WORDS.search(person.connection):
        return Reason("promoted internally: knows how people move up there", PROMOTED_POINTS)
    return None


def _introduction_reason(person: PersonFacts) -> Reason | None:
    if person.introduced_by:
        return Reason(f"introduced by {person.introduced_by}", INTRODUCED_POINTS)
    return None


def _asked_reason(person: PersonFacts) -> Reason | None:
    if person.asked:
        return Reason("already asked: one request at a time per organization", ALREADY_ASKED_POINTS)
    return None


def words(text: str) -> list[str]:
    """Lowercased words without punctuation.

    >>> words("Sr. UX Researcher, Payments & Risk")
    ['sr', 'ux', 'researcher', 'payments', 'risk']
    """
    return re.findall(r"[a-z0-9]+", text.casefold().replace("-", ""))


def seniority(title: str) -> int:
    """The level a job title signals: 0 intern … 2 plain … 7 executive.

    >>> [seniority(t) for t in ["UX researcher", "Senior UX researcher", "Head of Design"]]
    [2, 3, 5]
    >>> seniority("Vice President, Product"), seniority("Associate Product Manager")
    (6, 1)
    """
    tokens = words(title)
    if "vice" in tokens and "president" in tokens:
        tokens = [t for t in tokens if t not in ("vice", "president")] + ["vp"]
    levels = [_LEVEL_WORDS[t] for t in tokens if t in _LEVEL_WORDS]
    return max(levels, default=MID_LEVEL)


def target_level(target: TargetFacts) -> int:
    """The level the user aims for: the highest named in a path title, else mid-level.

    >>> target_level(TargetFacts((("Junior data analyst", ""),)))
    1
    >>> target_level(TargetFacts())
    2
    """
    levels = [seniority(title) for title, _ in target.paths if _has_level_word(title)]
    return max(levels, default=MID_LEVEL)


def _has_level_word(title: str) -> bool:
    tokens = words(title)
    return any(t in _LEVEL_WORDS for t in tokens) or ("vice" in tokens and "president" in tokens)


def shared_words(title: str, path: str) -> list[str]:
    """The role words a job title shares with a career path, seniority and generic words aside.

    Words match on a shared stem, so "researcher" matches "research" and
    "analyst" matches "analysis"; short words must match exactly.

    >>> shared_words("Senior UX Researcher", "UX research")
    ['ux', 'researcher']
    >>> shared_words("Data Analyst", "Data analysis")
    ['data', 'analyst']
    >>> shared_words("Product Manager", "UX research")
    []
    >>> shared_words("Engineering Manager", "Product Manager")
    []
    """
    wanted = role_words(path)
    return [w for w in words(title) if _is_subject(w) and any(_same_stem(w, p) for p in wanted)]


def role_words(path: str) -> list[str]:
    """The words of a path that say which work it is: "product" in "Product Manager".

    >>> role_words("Senior Product Manager"), role_words("Management")
    (['product'], ['management'])
    """
    subject = [w for w in words(path) if _is_subject(w)]
    specific = [w for w in subject if w not in _GENERIC_ROLE_WORDS]
    return specific or subject


def _is_subject(word: str) -> bool:
    return word not in _STOPWORDS and word not in _LEVEL_WORDS


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter = min(len(a), len(b))
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 5 and prefix >= shorter - 2


def explain(ranked: Sequence[Reason]) -> str:
    """The reasons as one line, strongest first, for a tooltip or a CLI.

    >>> explain([Reason("alumni", 2), Reason("role matches", 3)])
    'role matches (+3); alumni (+2)'
    """
    ordered = sorted(ranked, key=lambda r: -r.points)
    return "; ".join(f"{r.text} ({r.points:+d})" if r.points else r.text for r in ordered)

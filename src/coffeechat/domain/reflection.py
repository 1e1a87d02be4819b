"""Reflection on a career path: how well it fits, what was heard, what to learn.

Pure functions over plain data. The fit matrix weighs each of the user's
interests, skills and values (weight 1-5, from the profile) against a path the
user rated 1-5 per criterion, each rating citing the notes that support it.

The fit score is the weighted mean of the ratings given, on the same 1-5
scale: ``sum(weight * rating) / sum(weight)`` over the rated criteria. A
criterion not rated yet counts neither for nor against; ``coverage`` says how
much of the profile's weight the score rests on, so a 4.5 from one rating is
not mistaken for a 4.5 from twelve.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

MIN_RATING = 1
MAX_RATING = 5
NEUTRAL = 3  # a rating of 3 neither draws nor repels: it drives nothing
MAX_QUOTES = 3


class CriterionKind(StrEnum):
    INTEREST = "interest"
    SKILL = "skill"
    VALUE = "value"


@dataclass(frozen=True, slots=True)
class Criterion:
    kind: CriterionKind
    name: str
    weight: int

    @property
    def key(self) -> tuple[str, str]:
        return criterion_key(self.kind, self.name)


def criterion_key(kind: str, name: str) -> tuple[str, str]:
    """Ratings survive a change of case or spacing in the profile's wording.

    >>> criterion_key("skill", "  Data  Analysis ")
    ('skill', 'data analysis')
    """
    return (str(kind), " ".join(name.split()).casefold())


@dataclass(frozen=True, slots=True)
class Rating:
    kind: CriterionKind
    name: str
    score: int
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class FitRow:
    criterion: Criterion
    score: int | None  # None: not rated yet
    note_ids: tuple[int, ...]

    @property
    def pull(self) -> int:
        """How hard this row pushes the score up (+) or down (-): weight x distance from 3."""
        return 0 if self.score is None else self.criterion.weight * (self.score - NEUTRAL)


@dataclass(frozen=True, slots=True)
class Fit:
    rows: tuple[FitRow, ...]
    score: float | None  # weighted mean rating 1-5; None while nothing is rated
    coverage: float  # share of the profile's total weight that is rated, 0-1
    drivers: tuple[FitRow, ...]  # rated above 3, strongest pull first
    drags: tuple[FitRow, ...]  # rated below 3, strongest pull first
    unrated: tuple[Criterion, ...]
    uncited: tuple[FitRow, ...]  # rated without any supporting note

    @property
    def percent(self) -> int | None:
        """The score on 0-100 (1 -> 0, 5 -> 100), for bars and sorting."""
        if self.score is None:
            return None
        return round((self.score - MIN_RATING) / (MAX_RATING - MIN_RATING) * 100)


def criteria_from_profile(
    interests: Iterable[Mapping[str, object]],
    skills: Iterable[Mapping[str, object]],
    values: Iterable[Mapping[str, object]],
) -> list[Criterion]:
    """The profile's weighted lists as criteria, interests first, then skills, then values.

    Entries without a usable name or weight are skipped rather than failing the page;
    the profile form refuses them on input, so they only come from old data.

    >>> criteria_from_profile([{"name": "Writing", "weight": 5}], [], [{"name": "x"}])
    [Criterion(kind=<CriterionKind.INTEREST: 'interest'>, name='Writing', weight=5)]
    """
    found: list[Criterion] = []
    for kind, items in (
        (CriterionKind.INTEREST, interests),
        (CriterionKind.SKILL, skills),
        (CriterionKind.VALUE, values),
    ):
        for item in items:
            name, weight = item.get("name"), item.get("weight")
            if isinstance(name, str) and name.strip() and _is_rating(weight):
                found.append(Criterion(kind, name.strip(), int(str(weight))))
    return found


def _is_rating(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5


def compute_fit(criteria: Sequence[Criterion], ratings: Iterable[Rating]) -> Fit:
    """The fit matrix of ``criteria`` against one path's ``ratings``.

    Ratings of criteria no longer in the profile are left out; a rating
    outside 1-5 is refused (the service validates before storing).

    >>> crit = [Criterion(CriterionKind.VALUE, "Autonomy", 4),
    ...         Criterion(CriterionKind.SKILL, "SQL", 2)]
    >>> fit = compute_fit(crit, [Rating(CriterionKind.VALUE, "autonomy", 5, (7,))])
    >>> fit.score, fit.coverage, fit.percent
    (5.0, 0.67, 100)
    """
    by_key: dict[tuple[str, str], Rating] = {}
    for rating in ratings:
        if not MIN_RATING <= rating.score <= MAX_RATING:
            raise ValueError(f"rating {rating.score} for {rating.name!r} is outside 1-5")
        by_key[criterion_key(rating.kind, rating.name)] = rating
    rows = tuple(_row(criterion, by_key.get(criterion.key)) for criterion in criteria)
    rated = [row for row in rows if row.score is not None]
    return Fit(
        rows=rows,
        score=_weighted_mean(rated),
        coverage=_coverage(rows, rated),
        drivers=tuple(sorted((r for r in rated if r.pull > 0), key=_strongest)),
        drags=tuple(sorted((r for r in rated if r.pull < 0), key=_strongest)),
        unrated=tuple(row.criterion for row in rows if row.score is None),
        uncited=tuple(row for row in rated if not row.note_ids),
    )


def _row(criterion: Criterion, rating: Rating | None) -> FitRow:
    if rating is None:
        return FitRow(criterion, None, ())
    return FitRow(criterion, rating.score, tuple(dict.fromkeys(rating.note_ids)))


def _weighted_mean(rated: list[FitRow]) -> float | None:
    total = sum(row.criterion.weight for row in rated)
    if not total:
        return None
    points = sum(row.criterion.weight * (row.score or 0) for row in rated)
    return round(points / total, 2)


def _coverage(rows: tuple[FitRow, ...], rated: list[FitRow]) -> float:
    total = sum(row.criterion.weight for row in rows)
    if not total:
        return 0.0
    return round(sum(row.criterion.weight for row in rated) / total, 2)


def _strongest(row: FitRow) -> tuple[int, int, str]:
    return (-abs(row.pull), -row.criterion.weight, row.criterion.name.casefold())


# Themes heard


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteFacts:
    """One note as reflection reads it: its tags, where it was said, and by whom."""

    id: int
    text: str
    tags: tuple[str, ...] = ()
    highlight: bool = False
    conversation_id: int | None = None
    contact_name: str = ""
    question: str = ""


@dataclass(frozen=True, slots=True)
class Theme:
    tag: str
    notes: int  # notes carrying the tag
    conversations: int  # distinct conversations it came up in
    quotes: tuple[NoteFacts, ...]  # highlights first, at most MAX_QUOTES


def count_themes(notes: Iterable[NoteFacts], *, limit: int | None = None) -> list[Theme]:
    """Note tags counted across a path's interviews, most widely heard first.

    A theme heard in three conversations outranks one noted five times in a
    single conversation: breadth is what says it is true of the field, not of
    one person. Tags compare case-insensitively; ``skill:`` tags are left to
    the skill suggestions.

    >>> notes = [NoteFacts(id=1, text="Deadlines", tags=("pace",), conversation_id=1),
    ...          NoteFacts(id=2, text="Fast", tags=("Pace", "pay"), conversation_id=2)]
    >>> [(t.tag, t.notes, t.conversations) for t in count_themes(notes)]
    [('pace', 2, 2), ('pay', 1, 1)]
    """
    grouped: defaultdict[str, list[NoteFacts]] = defaultdict(list)
    for note in notes:
        for tag in dict.fromkeys(_clean_tag(tag) for tag in note.tags):
            if tag and not tag.startswith(SKILL_TAG_PREFIX):
                grouped[tag].append(note)
    themes = [_theme(tag, tagged) for tag, tagged in grouped.items()]
    themes.sort(key=lambda t: (-t.conversations, -t.notes, t.tag))
    return themes[:limit] if limit is not None else themes


def _clean_tag(tag: str) -> str:
    return " ".join(tag.split()).casefold()


def _theme(tag: str, notes: list[NoteFacts]) -> Theme:
    conversations = {note.conversation_id or -note.id for note in notes}
    quotes = sorted(notes, key=lambda note: (not note.highlight, note.id))[:MAX_QUOTES]
    return Theme(tag, len(notes), len(conversations), tuple(quotes))


# Skills heard about that are not in the profile

SKILL_TAG_PREFIX = "skill:"
LEARNING_KINDS = frozenset({"skill", "course", "certificate"})


@dataclass(frozen=True, slots=True, kw_only=True)
class HeardSkill:
    """One place a skill was mentioned: a ``skill:`` note tag or a learning action item."""

    name: str
    note_id: int | None = None
    action_item_id: int | None = None
    conversation_id: int | None = None
    contact_name: str = ""
    text: str = ""
    done: bool = False  # a learning action item the user has completed


@dataclass(frozen=True, slots=True)
class SkillSuggestion:
    name: str
    heard: tuple[HeardSkill, ...]  # every place it came up, in the order given

    @property
    def mentions(self) -> int:
        return len(self.heard)

    @property
    def for_resume(self) -> bool:
        """Learnt already (a done action item): add it to the resume and profile.

        Otherwise it is a learning suggestion.
        """
        return any(mention.done for mention in self.heard)


def skill_from_tag(tag: str) -> str | None:
    """The skill a note tag names, if it is a ``skill:`` tag.

    >>> skill_from_tag("skill: SQL"), skill_from_tag("culture")
    ('sql', None)
    """
    clean = _clean_tag(tag)
    if not clean.startswith(SKILL_TAG_PREFIX):
        return None
    return clean.removeprefix(SKILL_TAG_PREFIX).strip() or None


def skills_not_in_profile(
    heard: Iterable[HeardSkill], profile_skills: Iterable[str]
) -> list[SkillSuggestion]:
    """Skills heard in conversations that the profile does not list, most mentioned first.

    Names match ignoring case, spacing and punctuation at the ends, so "SQL"
    in the profile covers a ``skill:sql`` tag and "Python." an item "python".

    >>> heard = [HeardSkill(name="SQL", note_id=1), HeardSkill(name="Tableau", note_id=2),
    ...          HeardSkill(name="tableau ", action_item_id=9)]
    >>> [(s.name, s.mentions) for s in skills_not_in_profile(heard, ["sql"])]
    [('Tableau', 2)]
    """
    known = {_skill_key(name) for name in profile_skills}
    grouped: dict[str, list[HeardSkill]] = {}
    for mention in heard:
        key = _skill_key(mention.name)
        if key and key not in known:
            grouped.setdefault(key, []).append(mention)
    suggestions = [
        SkillSuggestion(group[0].name.strip(), tuple(group)) for group in grouped.values()
    ]
    suggestions.sort(key=lambda s: (-s.mentions, s.name.casefold()))
    return suggestions


def _skill_key(name: str) -> str:
    return " ".join(name.split()).strip(" .,;:!?()[]'\"").casefold()

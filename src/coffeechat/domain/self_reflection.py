"""The self-reflection guide: answers in plain words become the weighted profile.

The guide asks four things, one item per line:

- what energises you (activities, topics)      -> interests, weight given or 4
- skills you enjoy using                        -> skills, weight given or 4
- skills you want to grow                       -> skills, weight given or 3
- your values, most important first             -> values, weighted by rank

A skill named in both skill answers keeps the higher weight. Values take
their weight from their rank (5 for the first, then 4, 3, 2, and 1 for the
rest), so ranking is all the user has to do; a ``: weight`` typed after a
value is refused, since the order already says it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.domain.profile import ProfileParseError, Weighted, parse_weighted_lines

ENERGISER_WEIGHT = 4
ENJOYED_SKILL_WEIGHT = 4
GROWTH_SKILL_WEIGHT = 3
RANK_WEIGHTS = (5, 4, 3, 2)
MIN_WEIGHT = 1


class GuideError(ValueError):
    """An answer that cannot be read, naming the question and the line."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True, slots=True)
class GuideAnswers:
    energisers: str = ""
    enjoyed_skills: str = ""
    growth_skills: str = ""
    ranked_values: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "energisers": self.energisers,
            "enjoyed_skills": self.enjoyed_skills,
            "growth_skills": self.growth_skills,
            "ranked_values": self.ranked_values,
        }


@dataclass(frozen=True, slots=True)
class WeightedProfile:
    interests: tuple[Weighted, ...]
    skills: tuple[Weighted, ...]
    values: tuple[Weighted, ...]

    def as_json(self) -> dict[str, list[dict[str, object]]]:
        return {
            "interests": [item.as_dict() for item in self.interests],
            "skills": [item.as_dict() for item in self.skills],
            "values": [item.as_dict() for item in self.values],
        }


def profile_from_answers(answers: GuideAnswers) -> WeightedProfile:
    """The weighted interests, skills and values the answers describe.

    >>> result = profile_from_answers(GuideAnswers(
    ...     energisers="Explaining data", enjoyed_skills="SQL: 5", growth_skills="sql\\nPython",
    ...     ranked_values="Autonomy\\nImpact"))
    >>> [(w.name, w.weight) for w in result.skills], [(w.name, w.weight) for w in result.values]
    ([('SQL', 5), ('Python', 3)], [('Autonomy', 5), ('Impact', 4)])
    """
    interests = _parse("energisers", answers.energisers, ENERGISER_WEIGHT)
    enjoyed = _parse("enjoyed_skills", answers.enjoyed_skills, ENJOYED_SKILL_WEIGHT)
    growth = _parse("growth_skills", answers.growth_skills, GROWTH_SKILL_WEIGHT)
    return WeightedProfile(
        interests=tuple(interests),
        skills=tuple(_merge_skills(enjoyed, growth)),
        values=tuple(_ranked("ranked_values", answers.ranked_values)),
    )


def _parse(field: str, text: str, default: int) -> list[Weighted]:
    # The shared parser defaults to 3; lines without a weight get this question's default.
    lines = [
        line if ":" in line or not line.strip() else f"{line.strip()}: {default}"
        for line in text.splitlines()
    ]
    try:
        return parse_weighted_lines("\n".join(lines))
    except ProfileParseError as exc:
        raise GuideError(field, str(exc)) from exc


def _merge_skills(enjoyed: list[Weighted], growth: list[Weighted]) -> list[Weighted]:
    merged: dict[str, Weighted] = {}
    for item in [*enjoyed, *growth]:
        key = item.name.casefold()
        if key not in merged or item.weight > merged[key].weight:
            merged[key] = Weighted(merged[key].name if key in merged else item.name, item.weight)
    return list(merged.values())


def _ranked(field: str, text: str) -> list[Weighted]:
    names = [line.strip() for line in text.splitlines() if line.strip()]
    for number, name in enumerate(names, start=1):
        if ":" in name:
            raise GuideError(
                field, f"line {number}: rank values by their order; leave out ': weight'"
            )
    try:
        items = parse_weighted_lines("\n".join(names))
    except ProfileParseError as exc:
        raise GuideError(field, str(exc)) from exc
    return [Weighted(item.name, rank_weight(rank)) for rank, item in enumerate(items)]


def rank_weight(rank: int) -> int:
    """The weight of the value at ``rank`` (0 = most important).

    >>> [rank_weight(rank) for rank in range(6)]
    [5, 4, 3, 2, 1, 1]
    """
    return RANK_WEIGHTS[rank] if rank < len(RANK_WEIGHTS) else MIN_WEIGHT


def answers_from_profile(
    interests: list[dict[str, object]],
    skills: list[dict[str, object]],
    values: list[dict[str, object]],
) -> GuideAnswers:
    """Answers that reproduce a profile, to prefill the guide when it was never used.

    Skills all go under "enjoy using"; values are ranked by weight (ties keep their order).
    """
    ranked = sorted(values, key=lambda item: -int(str(item.get("weight", 0))))
    return GuideAnswers(
        energisers=_lines(interests),
        enjoyed_skills=_lines(skills),
        ranked_values="\n".join(str(item["name"]) for item in ranked),
    )


def _lines(items: list[dict[str, object]]) -> str:
    return "\n".join(f"{item['name']}: {item['weight']}" for item in items)


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # interests, skills or values
    name: str
    before: int | None  # None: added
    after: int | None  # None: removed

    def describe(self) -> str:
        """
        >>> Change("skills", "SQL", None, 4).describe(), Change("values", "Pay", 2, 5).describe()
        ('added SQL (4)', 'Pay 2 → 5')
        """
        if self.before is None:
            return f"added {self.name} ({self.after})"
        if self.after is None:
            return f"removed {self.name}"
        return f"{self.name} {self.before} → {self.after}"


def profile_changes(
    before: dict[str, list[dict[str, object]]], after: dict[str, list[dict[str, object]]]
) -> list[Change]:
    """What changed between two versions of the weighted lists, list by list.

    >>> changes = profile_changes(
    ...     {"skills": [{"name": "SQL", "weight": 3}]},
    ...     {"skills": [{"name": "sql", "weight": 4}, {"name": "R", "weight": 2}]})
    >>> [change.describe() for change in changes]
    ['sql 3 → 4', 'added R (2)']
    """
    changes: list[Change] = []
    for kind in ("interests", "skills", "values"):
        old = _by_name(before.get(kind, []))
        new = _by_name(after.get(kind, []))
        for key, (name, weight) in new.items():
            previous = old.get(key)
            if previous is None or previous[1] != weight:
                changes.append(Change(kind, name, previous[1] if previous else None, weight))
        changes.extend(
            Change(kind, name, weight, None)
            for key, (name, weight) in old.items()
            if key not in new
        )
    return changes


def _by_name(items: list[dict[str, object]]) -> dict[str, tuple[str, int]]:
    return {
        str(item["name"]).casefold(): (str(item["name"]), int(str(item["weight"])))
        for item in items
    }

"""The question planner: what fits into the agreed length, in what order, and why not.

A conversation of ``length`` minutes keeps ``margin`` minutes (5 by default,
the Prepare rule's ``prepare_margin_minutes``) for rapport at the start and the
goodbye at the end, so a 30-minute call has a 25-minute question budget.

The closing question ("who else should I talk to?") is reserved first, since a
referral is worth more than any single answer; then the opener; then the
user's picks in the user's order. A pick that does not fit is left out with
the reason, and later, shorter picks may still fit. Nothing is reordered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from coffeechat.domain.question_checks import question_warnings

DEFAULT_MARGIN = 5
# Of the margin, this much is the goodbye after the closing question; the
# rest is small talk before the opener.
GOODBYE_MINUTES = 2


class Role(StrEnum):
    OPENER = "opener"
    PICK = "pick"
    CLOSER = "closer"


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanItem:
    """One question offered to the planner; ``id`` is the caller's (a plan line)."""

    id: int
    text: str
    minutes: int
    findable_online: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedLine:
    item: PlanItem
    role: Role
    start: int  # minutes from the call's start
    minutes: int

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True, slots=True, kw_only=True)
class LeftOut:
    item: PlanItem
    role: Role
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    length: int
    margin: int
    budget: int
    lines: tuple[PlannedLine, ...]
    left_out: tuple[LeftOut, ...]
    warnings: tuple[str, ...]

    @property
    def used(self) -> int:
        return sum(line.minutes for line in self.lines)

    @property
    def spare(self) -> int:
        return self.budget - self.used

    @property
    def rapport(self) -> int:
        """Minutes of small talk before the first question."""
        return max(0, min(self.margin, self.length) - GOODBYE_MINUTES)


def plan_questions(
    *,
    length: int,
    picks: Sequence[PlanItem],
    opener: PlanItem | None = None,
    closer: PlanItem | None = None,
    margin: int = DEFAULT_MARGIN,
) -> Plan:
    """Fit the opener, the picks and the closing question into ``length - margin``.

    >>> q = lambda i, m: PlanItem(id=i, text=f"Q{i}", minutes=m)
    >>> plan = plan_questions(length=15, opener=q(1, 3), picks=[q(2, 4), q(3, 2)], closer=q(9, 2))
    >>> [(line.item.id, line.start) for line in plan.lines], plan.spare
    ([(1, 3), (2, 6), (9, 11)], 1)
    >>> plan.left_out[0].reason
    'Needs 2 min; 1 min left of the 10-minute budget after the questions before it.'
    """
    budget = max(0, length - margin)
    left = budget
    fitted: dict[Role, list[PlanItem]] = {Role.OPENER: [], Role.PICK: [], Role.CLOSER: []}
    left_out: list[LeftOut] = []
    # Reserve in priority order; the asking order is rebuilt below.
    for role, item in _by_priority(opener, picks, closer):
        if item.minutes <= left:
            fitted[role].append(item)
            left -= item.minutes
        else:
            left_out.append(LeftOut(item=item, role=role, reason=_why(item, left, budget, role)))
    rapport = max(0, min(margin, length) - GOODBYE_MINUTES)
    lines = _in_asking_order(fitted, rapport, closing_at=rapport + budget)
    return Plan(
        length=length,
        margin=margin,
        budget=budget,
        lines=tuple(lines),
        left_out=tuple(left_out),
        warnings=tuple(_warnings(picks)),
    )


def _by_priority(
    opener: PlanItem | None, picks: Sequence[PlanItem], closer: PlanItem | None
) -> list[tuple[Role, PlanItem]]:
    order: list[tuple[Role, PlanItem]] = []
    if closer is not None:
        order.append((Role.CLOSER, closer))
    if opener is not None:
        order.append((Role.OPENER, opener))
    order.extend((Role.PICK, pick) for pick in picks)
    return order


def _why(item: PlanItem, left: int, budget: int, role: Role) -> str:
    if budget == 0:
        return "The call leaves no time for questions once rapport and the goodbye are counted."
    before = {
        Role.CLOSER: "",
        Role.OPENER: " after the closing question",
        Role.PICK: " after the questions before it",
    }[role]
    return f"Needs {item.minutes} min; {left} min left of the {budget}-minute budget{before}."


def _in_asking_order(
    fitted: dict[Role, list[PlanItem]], rapport: int, closing_at: int
) -> list[PlannedLine]:
    """Opener and picks back to back; the closing question ends the budget, so spare
    minutes sit before it, free for follow-up questions."""
    lines: list[PlannedLine] = []
    start = rapport
    for role in (Role.OPENER, Role.PICK):
        for item in fitted[role]:
            lines.append(PlannedLine(item=item, role=role, start=start, minutes=item.minutes))
            start += item.minutes
    for item in fitted[Role.CLOSER]:
        start = closing_at - item.minutes
        lines.append(PlannedLine(item=item, role=Role.CLOSER, start=start, minutes=item.minutes))
    return lines


def _warnings(picks: Sequence[PlanItem]) -> list[str]:
    return [
        warning
        for pick in picks
        for warning in question_warnings(pick.text, flagged_online=pick.findable_online)
    ]

"""The referral tree: who introduced whom, laid out the same way every time.

Edges come from the Referral records and from each contact's "referred by".
Each person hangs under one introducer (the first by name, then id) so the
picture is a tree; any further introducers are kept as extra edges. People
are placed in columns by generation and rows in depth-first order, sorted by
name, so the same data always gives the same picture.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coffeechat.domain.stats import ContactFact, ReferralFact


@dataclass(frozen=True)
class TreeNode:
    id: int
    name: str
    depth: int  # 0 for someone nobody introduced
    row: float  # vertical slot; a parent sits level with the middle of its children
    held: bool  # you have had a conversation with them


@dataclass(frozen=True)
class TreeEdge:
    from_id: int
    to_id: int
    primary: bool  # part of the tree; False for a second introducer of the same person
    from_name: str = ""
    to_name: str = ""
    to_held: bool = False


@dataclass(frozen=True)
class ReferralTree:
    nodes: tuple[TreeNode, ...]
    edges: tuple[TreeEdge, ...]

    @property
    def rows(self) -> int:
        return int(max((node.row for node in self.nodes), default=-1)) + 1

    @property
    def depth(self) -> int:
        return max((node.depth for node in self.nodes), default=-1) + 1

    def name_of(self, contact_id: int) -> str:
        return next((node.name for node in self.nodes if node.id == contact_id), "")


def referral_tree(
    contacts: Sequence[ContactFact],
    referrals: Sequence[ReferralFact],
    held: Collection[int] = frozenset(),
) -> ReferralTree:
    """Lay out the referral graph.

    >>> from coffeechat.domain.stats import ContactFact, ReferralFact
    >>> people = [ContactFact(1, "Ana", "alumni"), ContactFact(2, "Bo", "referral", 1),
    ...           ContactFact(3, "Cy", "referral")]
    >>> tree = referral_tree(people, [ReferralFact(1, 3)])
    >>> [(n.name, n.depth, n.row) for n in tree.nodes]
    [('Ana', 0, 0.5), ('Bo', 1, 0.0), ('Cy', 1, 1.0)]
    """
    names = {contact.id: contact.name for contact in contacts}
    pairs = {(r.from_contact_id, r.to_contact_id) for r in referrals}
    pairs |= {(c.referred_by_id, c.id) for c in contacts if c.referred_by_id is not None}
    pairs = {(a, b) for a, b in pairs if a in names and b in names and a != b}
    if not pairs:
        return ReferralTree((), ())

    def order(contact_id: int) -> tuple[str, int]:
        return (names[contact_id].casefold(), contact_id)

    parents: dict[int, list[int]] = {}
    for source, target in pairs:
        parents.setdefault(target, []).append(source)
    primary = {child: min(found, key=order) for child, found in parents.items()}
    children: dict[int, list[int]] = {}
    for child, parent in primary.items():
        children.setdefault(parent, []).append(child)
    people = sorted({person for pair in pairs for person in pair}, key=order)

    placed: dict[int, tuple[int, float]] = {}
    next_row = [0]

    def place(person: int, depth: int) -> float:
        placed[person] = (depth, 0.0)  # marks it visited before its children (cycles)
        rows = [
            place(child, depth + 1)
            for child in sorted(children.get(person, []), key=order)
            if child not in placed
        ]
        row = (rows[0] + rows[-1]) / 2 if rows else float(next_row[0])
        if not rows:
            next_row[0] += 1
        placed[person] = (depth, row)
        return row

    # Roots first; then anyone left, which only happens inside a cycle of introductions.
    for person in [p for p in people if p not in primary] + people:
        if person not in placed:
            place(person, 0)
    nodes = tuple(
        TreeNode(person, names[person], placed[person][0], placed[person][1], person in held)
        for person in sorted(people, key=lambda p: (placed[p][0], placed[p][1]))
    )
    edges = tuple(
        TreeEdge(
            source,
            target,
            primary.get(target) == source,
            names[source],
            names[target],
            target in held,
        )
        for source, target in sorted(pairs, key=lambda pair: (order(pair[0]), order(pair[1])))
    )
    return ReferralTree(nodes, edges)

"""Classify every parsed row against the user's contacts: new, update, duplicate, problem.

Everything the classification needs is read in two queries (the user's live
contacts and organizations), then matched in memory, so 10,000 rows cost the
same number of queries as ten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from coffeechat.core.models import Contact, Organization
from coffeechat.importers.base import ParseResult, RowProblem
from coffeechat.importers.fields import linkedin_key, organization_key
from coffeechat.importers.job_change import job_change, job_words
from coffeechat.importers.records import ContactRecord
from coffeechat.services.data.import_values import FIELD_WORDS, contact_values, validation_error

NEW, UPDATE, DUPLICATE, PROBLEM = "new", "update", "duplicate", "problem"
# What to do with a possible duplicate (similar name): the user decides per row.
SKIP, CREATE, MERGE = "skip", "new", "merge"
DECISIONS = (SKIP, CREATE, MERGE)
SIMILAR_NAME = 88  # rapidfuzz token_sort_ratio; "Jon Smith" ~ "John Smith" is 95
FILLABLE = (
    "last_name",
    "email",
    "linkedin_url",
    "phone",
    "title",
    "location",
    "connection",
    "connection_line",
    "research_notes",
    "time_zone",
)


@dataclass
class PreviewRow:
    line: int
    kind: str  # new, update, duplicate, problem
    reason: str
    record: ContactRecord | None = None
    values: dict[str, Any] = field(default_factory=dict)
    contact_id: int | None = None  # the existing contact it matches
    fills: dict[str, Any] = field(default_factory=dict)
    possible: bool = False  # a similar name only: the user decides
    warnings: tuple[str, ...] = ()
    # A known person at a new organization or with a new title (a job change):
    # the new values, and what the contact says now.
    changes: dict[str, Any] = field(default_factory=dict)
    was: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.values.get('first_name', '')} {self.values.get('last_name', '')}".strip()

    def as_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "class": self.kind,
            "reason": self.reason,
            "name": self.name,
            "email": self.values.get("email", ""),
            "organization": self.values.get("organization_name", ""),
            "title": self.values.get("title", ""),
            "possible_duplicate": self.possible,
            "matches_contact": self.contact_id,
            "fills": sorted(self.fills),
            "job_change": self.job_change(),
            "warnings": list(self.warnings),
        }

    def job_change(self) -> dict[str, dict[str, str]] | None:
        """``{"title": {"was": …, "now": …}, "organization": {…}}`` for what changed."""
        if not self.changes:
            return None
        now = {
            "title": self.changes.get("title"),
            "organization": self.changes.get("organization_name"),
        }
        return {
            name: {"was": self.was.get(name, ""), "now": value}
            for name, value in now.items()
            if value
        }


@dataclass
class Preview:
    rows: list[PreviewRow]

    def count(self, kind: str) -> int:
        return sum(1 for row in self.rows if row.kind == kind)

    @property
    def counts(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in (NEW, UPDATE, DUPLICATE, PROBLEM)}

    @property
    def possible_duplicates(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.possible]

    @property
    def job_changes(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.changes]


@dataclass
class _Existing:
    id: int
    name_key: str
    org_key: str
    values: dict[str, Any]


class _Index:
    """The user's contacts and organizations, keyed the ways rows are matched."""

    def __init__(self, user: Any) -> None:
        self.org_names: dict[str, str] = {}
        for org in Organization.objects.for_user(user).values("id", "name").order_by("id"):
            self.org_names.setdefault(organization_key(org["name"]), org["name"])
        org_by_id = {
            row["id"]: organization_key(row["name"])
            for row in Organization.objects.for_user(user).values("id", "name")
        }
        self.by_email: dict[str, _Existing] = {}
        self.by_linkedin: dict[str, _Existing] = {}
        # Keyed by organization, "" for people without one: a similar name is
        # only a possible duplicate among people of the same organization.
        self.by_org: dict[str, list[_Existing]] = {}
        self.names_by_org: dict[str, list[str]] = {}
        self.by_org_and_name: dict[tuple[str, str], _Existing] = {}
        columns = ("id", "first_name", "organization_id", *FILLABLE)
        for values in Contact.objects.for_user(user).values(*columns).order_by("id"):
            self.add(values["id"], values, org_by_id.get(values["organization_id"], ""))

    def add(self, pk: int, values: dict[str, Any], org_key: str) -> _Existing:
        name_key = _name_key(f"{values.get('first_name', '')} {values.get('last_name', '')}")
        existing = _Existing(pk, name_key, org_key, values)
        if values.get("email"):
            self.by_email.setdefault(values["email"].lower(), existing)
        if values.get("linkedin_url"):
            self.by_linkedin.setdefault(linkedin_key(values["linkedin_url"]), existing)
        self.by_org.setdefault(org_key, []).append(existing)
        self.names_by_org.setdefault(org_key, []).append(name_key)
        self.by_org_and_name.setdefault((org_key, name_key), existing)
        return existing


def _name_key(name: str) -> str:
    return organization_key(name)  # the same folding: case, accents, punctuation


def build_preview(user: Any, parsed: ParseResult[ContactRecord]) -> Preview:
    index = _Index(user)
    rows = [_problem_row(problem) for problem in parsed.problems]
    seen_in_file: dict[str, int] = {}
    matched: dict[int, int] = {}
    for record in parsed.records:
        rows.append(_classify(record, index, seen_in_file, matched))
    rows.sort(key=lambda row: row.line)
    return Preview(rows)


def _problem_row(problem: RowProblem) -> PreviewRow:
    return PreviewRow(problem.line, PROBLEM, str(problem).split(": ", 1)[-1])


def _classify(
    record: ContactRecord, index: _Index, seen: dict[str, int], matched: dict[int, int]
) -> PreviewRow:
    values = contact_values(record, index.org_names)
    error = validation_error(values)
    if error:
        return PreviewRow(record.line, PROBLEM, error, record, values, warnings=record.warnings)
    keys = _identity_keys(values)
    earlier = next((seen[key] for key in keys if key in seen), None)
    if earlier is not None:
        reason = f"the same person as line {earlier} of this file; imported once"
        return PreviewRow(record.line, DUPLICATE, reason, record, values, warnings=record.warnings)
    for key in keys:
        seen[key] = record.line
    row = _match_exact(record, values, index, matched)
    if row is None:
        row = _match_similar(record, values, index)
    if row is None:
        row = PreviewRow(record.line, NEW, "not in your contacts yet", record, values)
        org_key = organization_key(values["organization_name"])
        index.add(-record.line, values, org_key)
        if org_key:  # later rows name the new organization the same way
            index.org_names.setdefault(org_key, values["organization_name"])
    row.warnings = record.warnings
    return row


def _identity_keys(values: dict[str, Any]) -> list[str]:
    keys = []
    if values["email"]:
        keys.append("email:" + values["email"].lower())
    if values["linkedin_url"]:
        keys.append("linkedin:" + linkedin_key(values["linkedin_url"]))
    return keys


def _match_exact(
    record: ContactRecord, values: dict[str, Any], index: _Index, matched: dict[int, int]
) -> PreviewRow | None:
    emails = [email.lower() for email in record.emails]
    hit = next((index.by_email[e] for e in emails if e in index.by_email), None)
    how = "email"
    if hit is None and values["linkedin_url"]:
        hit = index.by_linkedin.get(linkedin_key(values["linkedin_url"]))
        how = "LinkedIn URL"
    if hit is None or hit.id < 0:
        if hit is None:
            return None
        reason = f"the same {how} as line {-hit.id} of this file; imported once"
        return PreviewRow(record.line, DUPLICATE, reason, record, values)
    if hit.id in matched:
        reason = f"matches the same contact as line {matched[hit.id]}; imported once"
        return PreviewRow(record.line, DUPLICATE, reason, record, values, contact_id=hit.id)
    matched[hit.id] = record.line
    fills = fills_for(hit, values)
    changes, was = job_change(
        hit.org_key,
        index.org_names.get(hit.org_key, ""),
        hit.values.get("title") or "",
        values["organization_name"],
        values["title"],
    )
    if not fills and not changes:
        reason = f"already in your contacts (same {how}); nothing new to add"
        return PreviewRow(record.line, DUPLICATE, reason, record, values, contact_id=hit.id)
    said = [f"changed jobs: {job_words(changes, was)}"] if changes else []
    if fills:
        said.append("fills the empty " + ", ".join(FIELD_WORDS.get(n, n) for n in fills))
    reason = f"already in your contacts (same {how}); " + "; ".join(said)
    row = PreviewRow(record.line, UPDATE, reason, record, values, contact_id=hit.id, fills=fills)
    row.changes, row.was = changes, was
    return row


def fills_for(existing: _Existing, values: dict[str, Any]) -> dict[str, Any]:
    """The row's values for the fields the contact has empty: nothing typed is overwritten."""
    fills = {
        name: values[name]
        for name in FILLABLE
        if values.get(name) and not existing.values.get(name)
    }
    if values["organization_name"] and not existing.values.get("organization_id"):
        fills["organization_name"] = values["organization_name"]
    return fills


def _match_similar(
    record: ContactRecord, values: dict[str, Any], index: _Index
) -> PreviewRow | None:
    """A similar name at the same organization (or both without one): the user decides.

    The same name elsewhere is someone else: a file of 10,000 connections holds
    many a "Wei Zhang", and each at another employer is another person.
    """
    org_key = organization_key(values["organization_name"])
    found = _similar_at(index, org_key, _name_key(record.name))
    if found is None:
        return None
    score, existing = found
    if existing.id < 0:
        reason = f"possibly the same person as line {-existing.id} of this file"
        contact_id = None
    else:
        their = f"{existing.values.get('first_name', '')} {existing.values.get('last_name', '')}"
        reason = f"possibly the same person as your contact {their.strip()}"
        contact_id = existing.id
    where = "at the same organization" if org_key else "both without an organization"
    reason += f" ({score:.0f}% similar name, {where}): you decide"
    return PreviewRow(
        record.line,
        DUPLICATE,
        reason,
        record,
        values,
        contact_id=contact_id,
        fills=fills_for(existing, values) if contact_id else {},
        possible=True,
    )


def _similar_at(index: _Index, org_key: str, name_key: str) -> tuple[float, _Existing] | None:
    if not name_key:
        return None
    if (org_key, name_key) in index.by_org_and_name:
        return 100.0, index.by_org_and_name[(org_key, name_key)]
    if org_key not in index.names_by_org:
        return None
    # rapidfuzz compares against every name at the organization in C, fast enough
    # for an employer with thousands of people.
    found = process.extractOne(
        name_key,
        index.names_by_org[org_key],
        scorer=fuzz.token_sort_ratio,
        processor=None,
        score_cutoff=SIMILAR_NAME,
    )
    return (found[1], index.by_org[org_key][found[2]]) if found else None


def describe(rows: Iterable[PreviewRow]) -> list[dict[str, object]]:
    return [row.as_dict() for row in rows]

"""The target list: organizations in the LAMP order and, per organization, whom to ask first.

The ranking rules are pure (domain.targets); this module loads the facts in a
fixed number of queries and pairs each ranked fact with its row for the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator

from coffeechat.core.models import CareerPath, Contact, Organization
from coffeechat.domain.targets import (
    OrganizationFacts,
    PersonFacts,
    RankedOrganization,
    RankedPerson,
    TargetFacts,
    rank_organizations,
    rank_people,
)
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import PathStatus
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import queries


@dataclass(frozen=True)
class OrganizationRow:
    organization: Organization
    ranked: RankedOrganization

    @property
    def rank(self) -> int:
        return self.ranked.rank

    @property
    def active(self) -> bool:
        return self.ranked.active


@dataclass(frozen=True)
class PersonRow:
    contact: Contact
    ranked: RankedPerson
    latest_stage: str  # the latest live conversation's stage label, "" if none


def target_list(user: Any, q: str = "") -> list[OrganizationRow]:
    """Every live organization, ranked, with its advocacy and alumni counts: one query.

    The order is the domain's alone (``rank_organizations``), so the page, the API
    and anything else listing organizations cannot disagree on it; ``q`` keeps the
    organizations whose name or industry holds every word.
    """
    rows = queries.matching_words(queries.organizations_with_advocacy(user), q, "name", "industry")
    organizations = {org.pk: org for org in rows}
    facts = [
        OrganizationFacts(org.pk, org.name, org.motivation, org.posting, org.advocacy, org.alumni)
        for org in organizations.values()
    ]
    return [OrganizationRow(organizations[r.facts.id], r) for r in rank_organizations(facts)]


def ranked_organizations(user: Any, q: str = "") -> list[Organization]:
    """The organizations in the LAMP order, each with ``advocacy`` and ``alumni``."""
    return [row.organization for row in target_list(user, q)]


TARGET_PAGE_SIZE = 50


@dataclass(frozen=True)
class TargetPage:
    """One page of the ranked list, and what the whole list holds."""

    page: Page[OrganizationRow]
    total: int
    active: int  # in the active batch (the top five rated above 0)

    @property
    def rows(self) -> list[OrganizationRow]:
        return list(self.page.object_list)


def target_page(user: Any, number: object = 1) -> TargetPage:
    """The ranked list a page at a time. Ranking needs every organization (one query);
    the page shows ``TARGET_PAGE_SIZE`` of them, so it renders a bounded amount."""
    rows = target_list(user)
    page = Paginator(rows, TARGET_PAGE_SIZE).get_page(number)
    return TargetPage(page, len(rows), sum(1 for row in rows if row.active))


def page_of_rank(rank: int) -> int:
    """The page of the ranked list where ``rank`` is shown.

    >>> page_of_rank(1), page_of_rank(50), page_of_rank(51)
    (1, 1, 2)
    """
    return (max(rank, 1) - 1) // TARGET_PAGE_SIZE + 1


def rank_of(user: Any, organization_id: int) -> OrganizationRow | None:
    return next((row for row in target_list(user) if row.organization.pk == organization_id), None)


def rate_organization(user: Any, pk: object, data: dict[str, Any]) -> Organization:
    """Change motivation and/or posting only; other fields are ignored, not cleared."""
    wanted = {key: data[key] for key in ("motivation", "posting") if key in data}
    return crm.update_organization(user, pk, wanted, partial=True)


def target_facts(user: Any) -> TargetFacts:
    paths = (
        CareerPath.objects.for_user(user)
        .exclude(status=PathStatus.DROPPED)
        .order_by("title", "id")
        .values_list("title", "field")
    )
    return TargetFacts(paths=tuple(paths))


def who_do_i_know(user: Any, organization: Organization) -> list[PersonRow]:
    """The organization's live contacts, most relevant first, each with its reasons.

    Four queries whatever the number of contacts: paths, contacts (with who
    introduced them), their career paths and their conversations.
    """
    target = target_facts(user)
    contacts = list(
        Contact.objects.for_user(user)
        .filter(organization=organization)
        .select_related("referred_by")
        .prefetch_related("career_paths", "conversations")
    )
    rows = {c.pk: c for c in contacts}
    latest = {c.pk: _latest_conversation(c) for c in contacts}
    ranked = rank_people((_person(c, latest[c.pk]) for c in contacts), target)
    return [
        PersonRow(
            rows[r.facts.id],
            r,
            latest[r.facts.id].stage_label if latest[r.facts.id] is not None else "",
        )
        for r in ranked
    ]


def _latest_conversation(contact: Contact) -> Any:
    live = [c for c in contact.conversations.all() if c.deleted_at is None]
    return max(live, key=lambda c: (c.created_at, c.pk)) if live else None


def _person(contact: Contact, latest: Any) -> PersonFacts:
    referrer = contact.referred_by
    paths = tuple(
        sorted(
            p.title
            for p in contact.career_paths.all()
            if p.deleted_at is None and p.status != PathStatus.DROPPED
        )
    )
    return PersonFacts(
        id=contact.pk,
        name=contact.name,
        title=contact.title,
        source=contact.source,
        connection=contact.connection,
        research=contact.research_notes,
        path_titles=paths,
        introduced_by=referrer.name if referrer and referrer.deleted_at is None else "",
        asked=latest is not None and latest.stage != Stage.PLANNED,
        do_not_contact=contact.do_not_contact,
    )

"""What the contact and organization pages show, each read in one call the view renders."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from coffeechat.domain.nurture import Cadence
from coffeechat.domain.vocabulary import Source
from coffeechat.services.contacts import queries, targets
from coffeechat.services.contacts.network import Introduction, cadence_of, introductions_by
from coffeechat.services.contacts.timeline import Entry, contact_timeline


@dataclass(frozen=True)
class Screen:
    def as_context(self) -> dict[str, Any]:
        """The fields by name, as the template reads them (not copied, unlike asdict)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True)
class ContactScreen(Screen):
    contact: Any
    conversations: list[Any]  # live, newest first, with their career paths
    timeline: list[Entry]
    cadence: Cadence | None  # None until they are in the user's network
    introductions: list[Introduction]
    merges: list[Any]  # the merges into this contact that can still be undone


def contact_screen(user: Any, pk: object, now: datetime) -> ContactScreen:
    contact = queries.owned_contact(user, pk)
    return ContactScreen(
        contact=contact,
        conversations=list(queries.conversations_with(user, contact)),
        timeline=contact_timeline(user, contact),
        cadence=cadence_of(user, contact, now),
        introductions=introductions_by(user, contact),
        merges=list(queries.merges_into(user, contact)),
    )


@dataclass(frozen=True)
class OrganizationScreen(Screen):
    organization: Any
    people: list[targets.PersonRow]  # whom to ask first
    alumni: int  # of those people, how many went to the user's school
    ranked: targets.OrganizationRow | None  # its place in the target list


def organization_screen(user: Any, pk: object) -> OrganizationScreen:
    organization = queries.owned_organization(user, pk)
    people = targets.who_do_i_know(user, organization)
    return OrganizationScreen(
        organization=organization,
        people=people,
        alumni=sum(1 for p in people if p.contact.source == Source.ALUMNI),
        ranked=targets.rank_of(user, organization.pk),
    )

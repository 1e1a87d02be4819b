"""The Network page: who is due or overdue for an update, by stay-in-touch cadence.

Read from the due index (``NetworkStanding``, decided by the engine's one
stay-in-touch rule), a page at a time, so the page costs what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Lower

from coffeechat.core.models import Contact, Conversation, NetworkStanding, Referral
from coffeechat.domain.businessdays import local_date
from coffeechat.domain.nurture import Cadence
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.today import due_index

PAGE_SIZE = 50


@dataclass(frozen=True)
class NetworkEntry:
    contact: Contact
    last_exchange_at: datetime
    cadence: Cadence


@dataclass(frozen=True)
class NetworkSection:
    """One part of the page: its people on this page, and the pager."""

    entries: list[NetworkEntry]
    page: Page[Any]


@dataclass(frozen=True)
class NetworkPage:
    overdue: int  # red: past the maximum
    due: int  # amber: past the ideal
    on_track: int
    due_section: NetworkSection  # red, then amber, the longest waiting first
    on_track_section: NetworkSection  # the next update soonest first

    @property
    def total(self) -> int:
        return self.overdue + self.due + self.on_track


def network_page(
    user: Any, now: datetime, *, due_page: object = 1, on_track_page: object = 1
) -> NetworkPage:
    """Your network (not marked do-not-contact) on the local day of ``now``, paged.

    ``due_page`` and ``on_track_page`` are page numbers as typed in the address;
    one out of range gives the last page, one that is not a number the first.
    """
    today, standings = _standings(user, now)
    counts = standings.aggregate(
        overdue=Count("pk", filter=Q(max_due__lte=today)),
        due=Count("pk", filter=Q(ideal_due__lte=today, max_due__gt=today)),
        on_track=Count("pk", filter=Q(ideal_due__gt=today)),
    )
    red_first = Case(When(max_due__lte=today, then=Value(0)), default=Value(1))
    waiting = _by_name(standings.filter(ideal_due__lte=today)).order_by(
        red_first, "ideal_due", "first", "last", "contact_id"
    )
    coming = _by_name(standings.filter(ideal_due__gt=today)).order_by(
        "ideal_due", "first", "last", "contact_id"
    )
    return NetworkPage(
        overdue=counts["overdue"],
        due=counts["due"],
        on_track=counts["on_track"],
        due_section=_section(user, today, waiting, due_page),
        on_track_section=_section(user, today, coming, on_track_page),
    )


def cadence_of(user: Any, contact: Contact, now: datetime) -> Cadence | None:
    """One contact's cadence for the contact page; None until they are in your network."""
    today, standings = _standings(user, now)
    row = standings.filter(contact_id=contact.pk).values_list(*due_index.STANDING_FIELDS).first()
    return due_index.stored_standing(row).on(today) if row else None


def _standings(user: Any, now: datetime) -> tuple[date, QuerySet[NetworkStanding]]:
    profile = ensure_profile(user)
    due_index.ensure_built(user, profile, now)
    return local_date(now, profile.zone), NetworkStanding.objects.filter(owner_id=user.pk)


def _by_name(standings: QuerySet[NetworkStanding]) -> QuerySet[NetworkStanding]:
    """Annotated with the person's names, lower-cased, for a stable order within a day."""
    contact = Contact.objects.filter(pk=OuterRef("contact_id"))
    return standings.annotate(
        first=Lower(Subquery(contact.values("first_name")[:1])),
        last=Lower(Subquery(contact.values("last_name")[:1])),
    )


def _section(
    user: Any, today: date, standings: QuerySet[NetworkStanding], number: object
) -> NetworkSection:
    page = Paginator(standings.values_list(*due_index.STANDING_FIELDS), PAGE_SIZE).get_page(number)
    found = [due_index.stored_standing(row) for row in page.object_list]
    contacts = Contact.objects.for_user(user).select_related("organization")
    by_id = contacts.in_bulk([s.contact_id for s in found])
    entries = [
        NetworkEntry(by_id[s.contact_id], s.last_exchange_at, s.on(today))
        for s in found
        if s.contact_id in by_id
    ]
    return NetworkSection(entries, page)


@dataclass(frozen=True)
class Introduction:
    """Someone this contact introduced you to, and whether you have talked yet."""

    contact: Contact
    held_at: datetime | None
    context: str


def introductions_by(user: Any, contact: Contact) -> list[Introduction]:
    """The people ``contact`` introduced you to, for the 'thank the introducer' nudge."""
    held = (
        Conversation.objects.filter(
            contact=OuterRef("to_contact"), held_at__isnull=False, deleted_at__isnull=True
        )
        .order_by("held_at")
        .values("held_at")[:1]
    )
    referrals = (
        Referral.objects.for_user(user)
        .filter(from_contact=contact, to_contact__deleted_at__isnull=True)
        .select_related("to_contact")
        .annotate(first_held_at=Subquery(held))
        .order_by("created_at")
    )
    seen: set[int] = set()
    found = []
    for referral in referrals:
        if referral.to_contact_id not in seen:
            seen.add(referral.to_contact_id)
            found.append(
                Introduction(referral.to_contact, referral.first_held_at, referral.context)
            )
    return found

"""The Network list: who is due or overdue for an update, by stay-in-touch cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery

from coffeechat.core.models import Contact, Conversation, Referral
from coffeechat.domain.businessdays import local_date
from coffeechat.domain.nurture import Cadence, CadenceState, Relationship, stay_in_touch_status
from coffeechat.domain.types import Sentiment, Stage
from coffeechat.services.accounts import ensure_profile
from coffeechat.services.today import rule_settings
from coffeechat.services.today_facts import latest_message_at

_ORDER = {CadenceState.OVERDUE: 0, CadenceState.DUE: 1, CadenceState.ON_TRACK: 2}


@dataclass(frozen=True)
class NetworkEntry:
    contact: Contact
    last_exchange_at: datetime | None
    cadence: Cadence


def with_last_exchange(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Annotate ``last_message_at`` (sent or received) and ``last_held_at`` (an interview)."""
    messages = latest_message_at()
    held = (
        Conversation.objects.filter(
            contact=OuterRef("pk"), held_at__isnull=False, deleted_at__isnull=True
        )
        .values("contact")
        .annotate(last=Max("held_at"))
        .values("last")
    )
    return contacts.annotate(last_message_at=Subquery(messages), last_held_at=Subquery(held))


def _last(contact: Any) -> datetime | None:
    moments = [m for m in (contact.last_message_at, contact.last_held_at) if m is not None]
    return max(moments) if moments else None


# Your network: people you have talked with or who said yes (or pointed you on),
# on a conversation still open, as Today's stay-in-touch rule reads it.
# Someone who never answered, or declined, is not owed updates.
_RELATIONSHIP = (
    (
        Q(held_at__isnull=False)
        | Q(reply_sentiment__in=[Sentiment.POSITIVE, Sentiment.REFERRAL_ONLY])
    )
    & ~Q(stage=Stage.CLOSED)
    & Q(closed_at__isnull=True)
)


def cadence_of(user: Any, contact: Contact, now: datetime) -> Cadence | None:
    """One contact's cadence for the contact page; None until they are in your network."""
    profile = ensure_profile(user)
    related = Conversation.objects.filter(
        _RELATIONSHIP, contact=OuterRef("pk"), deleted_at__isnull=True
    )
    annotated = with_last_exchange(Contact.objects.filter(pk=contact.pk, owner=user))
    found = annotated.filter(Exists(related)).first()
    if found is None:
        return None
    return _cadence(found, _last(found), profile, now)


def _cadence(contact: Any, last: datetime | None, profile: Any, now: datetime) -> Cadence | None:
    """The same pure rule as Today's stay-in-touch action (``stay_in_touch_status``)."""
    zone = profile.zone
    relationship = Relationship(
        in_network=True,  # the queries keep only your network
        do_not_contact=contact.do_not_contact,
        cadence_days=contact.cadence_days,
        last_exchange=local_date(last, zone) if last else None,
    )
    default = rule_settings(profile).stay_in_touch_days
    return stay_in_touch_status(relationship, default_days=default, today=local_date(now, zone))


def network(user: Any, now: datetime) -> list[NetworkEntry]:
    """Your network (not marked do-not-contact), most overdue first."""
    profile = ensure_profile(user)
    related = Conversation.objects.filter(
        _RELATIONSHIP, contact=OuterRef("pk"), deleted_at__isnull=True
    )
    contacts = with_last_exchange(
        Contact.objects.for_user(user)
        .filter(Exists(related), do_not_contact=False)
        .select_related("organization")
    )
    entries = []
    for contact in contacts:
        last = _last(contact)
        cadence = _cadence(contact, last, profile, now)
        if cadence is not None:
            entries.append(NetworkEntry(contact, last, cadence))
    entries.sort(key=lambda e: (_ORDER[e.cadence.state], e.cadence.ideal_due, e.contact.name))
    return entries


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

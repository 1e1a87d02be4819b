"""The sample campaign: a career changer's informational interviews, dated relative to "now".

``load_demo`` writes Maya Okafor's campaign (a teacher exploring UX research,
product management and data analysis) into an empty account, through the same
services the pages use, so every row is one the app could have made. Dates are
counted back from ``now`` in business days of the profile's calendar, so that
whatever day it is loaded, every rule of the Today list has something to say:
research, send, try another, follow up, let go, schedule, prepare, attend,
capture, thank, referral, stay in touch (a report-back and a nurture contact),
an action item and a path to reflect on.

``contacts=N`` adds N generated people (``demo_bulk``) at generated
organizations, so the hand-written campaign's actions stay as they are.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models, transaction
from django.db.models import F

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    Question,
    Referral,
)
from coffeechat.sample.bulk import generate_contacts
from coffeechat.sample.campaign import (
    PROFILE,
    ZONE,
)
from coffeechat.sample.reflection import rate_sample_paths
from coffeechat.sample.scenes import Campaign, Clock
from coffeechat.services.contacts import actions as crm
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_index import rebuilds_index

DEFAULT_GENERATED = 24
MAX_GENERATED = 50_000


@dataclass(frozen=True)
class DemoSummary:
    """What the sample campaign created; ``str()`` reads as one sentence."""

    user: str
    career_paths: int
    organizations: int
    contacts: int
    generated_contacts: int
    conversations: int
    messages: int
    notes: int
    referrals: int
    action_items: int
    questions: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        people = f"{self.contacts} contacts"
        if self.generated_contacts:
            people += f" ({self.generated_contacts} of them generated)"
        return (
            f"{self.career_paths} career paths, {self.organizations} organizations, {people}, "
            f"{self.conversations} conversations, {self.messages} messages, {self.notes} notes, "
            f"{self.referrals} referrals, {self.action_items} action items"
        )


@rebuilds_index
def load_demo(user: Any, now: datetime, contacts: int = DEFAULT_GENERATED) -> DemoSummary:
    """Write the sample campaign for ``user`` in one transaction; refuse a non-empty account.

    ``contacts`` generated people come on top of the hand-written ones.
    """
    if isinstance(contacts, bool) or not isinstance(contacts, int) or contacts < 0:
        raise InvalidInput({"contacts": ["The number of contacts must be 0 or more."]})
    if contacts > MAX_GENERATED:
        raise InvalidInput({"contacts": [f"At most {MAX_GENERATED:,} generated contacts."]})
    if now.tzinfo is None:
        raise ValueError("load_demo needs an aware 'now'")
    with transaction.atomic():
        existing = Contact.objects.for_user(user).count()
        if existing:
            raise InvalidInput(
                {
                    "__all__": [
                        f"This account already has {existing} contacts; the sample campaign "
                        "only loads into an empty account (use a new user for it)."
                    ]
                }
            )
        crm.update_profile(user, dict(PROFILE), partial=True)
        campaign = Campaign(user, Clock.for_zone(now, ZoneInfo(ZONE)))
        campaign.load()
        rate_sample_paths(user, campaign.paths)
        generated = generate_contacts(
            user, now=now, zone=ZoneInfo(ZONE), count=contacts, paths=campaign.paths
        )
        # Messages were logged at the moments they were sent, not today.
        Message.objects.filter(owner=user, sent_at__isnull=False).update(created_at=F("sent_at"))
        return _summary(user, generated)


def _summary(user: Any, generated: int) -> DemoSummary:
    def count(model: type[models.Model]) -> int:
        return model.objects.for_user(user).count()  # type: ignore[attr-defined]

    return DemoSummary(
        user=user.get_username(),
        career_paths=count(CareerPath),
        organizations=count(Organization),
        contacts=count(Contact),
        generated_contacts=generated,
        conversations=count(Conversation),
        messages=count(Message),
        notes=count(Note),
        referrals=count(Referral),
        action_items=count(ActionItem),
        questions=count(Question),
    )

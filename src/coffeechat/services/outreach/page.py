"""Where Today's outreach doors land: who to write to next, and in which conversation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coffeechat.core.models import Contact, Conversation, Organization
from coffeechat.services.outreach import composer
from coffeechat.services.owned import get_owned


@dataclass(frozen=True)
class NextDoor:
    """The organization, the next person to write to there, and their planned conversation."""

    organization: Organization
    contact: Contact | None
    planned: Conversation | None


def next_door(user: Any, organization_id: object) -> NextDoor:
    organization: Organization = get_owned(user, Organization, organization_id)
    contact, planned = composer.next_contact_at(user, organization.pk)
    return NextDoor(organization=organization, contact=contact, planned=planned)


@dataclass(frozen=True)
class LatestWith:
    """A contact and the conversation an update or report-back to them belongs to."""

    contact: Contact
    conversation: Conversation | None


def latest_with(user: Any, contact_id: object) -> LatestWith:
    contact: Contact = get_owned(user, Contact, contact_id)
    conversation = composer.latest_conversation_with(user, contact.pk)
    return LatestWith(contact=contact, conversation=conversation)

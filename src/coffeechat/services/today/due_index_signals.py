"""Keep the due index in step with every saved or deleted fact, in the same transaction.

Django sends ``post_save``/``post_delete`` inside the transaction of the write,
so a services function that saves a conversation also rewrites that person's
steps before it commits; a failed write rolls both back. Bulk writes send no
signals: the services that use them (imports, restores, the sample campaign)
call ``due_index.rebuild`` or ``due_index.note`` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    PlannedQuestion,
    Profile,
    Question,
    Referral,
)
from coffeechat.services.today.due_index import Changes, note

# The profile fields that move due dates: the rules' numbers and the calendar.
_CALENDAR_FIELDS = ("time_zone", "holiday_country", "rule_settings")


def _contact_of_conversation(conversation_id: int | None) -> set[int]:
    if conversation_id is None:
        return set()
    rows = Conversation.objects.filter(pk=conversation_id).values_list("contact_id", flat=True)
    return set(rows)


def _changes(instance: Any) -> Changes | None:
    if isinstance(instance, Contact):
        old = getattr(instance, "_due_old_organization", None)
        organizations = {old} if old else set()
        return Changes(contacts={instance.pk}, organizations=organizations)
    if isinstance(instance, Conversation):
        return Changes(contacts={instance.contact_id}, paths=True)
    if isinstance(instance, Message):
        return Changes(
            contacts={instance.contact_id} | _contact_of_conversation(instance.conversation_id)
        )
    if isinstance(instance, Note | PlannedQuestion):
        return Changes(contacts=_contact_of_conversation(instance.conversation_id))
    if isinstance(instance, Referral):
        return Changes(contacts={instance.from_contact_id, instance.to_contact_id})
    if isinstance(instance, ActionItem):
        return Changes(items={instance.pk})
    if isinstance(instance, Question):
        # A question's own estimate counts in every plan that did not set minutes.
        plans = PlannedQuestion.objects.filter(question_id=instance.pk)
        return Changes(contacts=set(plans.values_list("conversation__contact_id", flat=True)))
    if isinstance(instance, CareerPath):
        return Changes(paths=True)
    if isinstance(instance, Organization):
        people = set(
            Contact.objects.filter(organization_id=instance.pk).values_list("pk", flat=True)
        )
        return Changes(contacts=people, organizations={instance.pk})
    return None


def _on_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures: the facts are not complete yet
    changes = _changes(instance)
    if changes is not None:
        note(instance.owner_id, changes)


def _remember_organization(sender: Any, instance: Contact, **kwargs: Any) -> None:
    """A contact who moves on leaves their old organization's try-another step to redo."""
    if instance.pk is None or kwargs.get("raw"):
        return
    old = Contact.objects.filter(pk=instance.pk).values_list("organization_id", flat=True).first()
    instance._due_old_organization = old if old != instance.organization_id else None  # type: ignore[attr-defined]


def _remember_calendar(sender: Any, instance: Profile, **kwargs: Any) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    old = Profile.objects.filter(pk=instance.pk).values(*_CALENDAR_FIELDS).first()
    moved = old is not None and any(old[f] != getattr(instance, f) for f in _CALENDAR_FIELDS)
    instance._due_calendar_moved = moved  # type: ignore[attr-defined]


def _on_profile(sender: Any, instance: Profile, **kwargs: Any) -> None:
    if getattr(instance, "_due_calendar_moved", False):
        note(instance.owner_id, Changes(everything=True))


_WATCHED = (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    PlannedQuestion,
    Question,
    Referral,
)


def connect() -> None:
    for model in _WATCHED:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"due_index_save_{model.__name__}")
        post_delete.connect(
            _on_change, sender=model, dispatch_uid=f"due_index_delete_{model.__name__}"
        )
    pre_save.connect(_remember_organization, sender=Contact, dispatch_uid="due_index_contact_org")
    pre_save.connect(_remember_calendar, sender=Profile, dispatch_uid="due_index_profile_before")
    post_save.connect(_on_profile, sender=Profile, dispatch_uid="due_index_profile")

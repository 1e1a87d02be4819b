"""Every read of the trash and of past imports that the web, the API and the CLI make."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from coffeechat.core.models import Contact, Conversation, ImportBatch, Note, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.errors import NotFound
from coffeechat.services.owned import get_owned

# -- the trash --------------------------------------------------------------------------


def trashable(user: Any, kind: str, pk: object) -> Any:
    """The user's live row of a kind that can be moved to the trash, or NotFound."""
    model = crm.TRASHABLE.get(kind)
    if model is None:
        raise NotFound(f"'{kind}' cannot be deleted.")
    return get_owned(user, model, pk)


def trash_consequences(user: Any, item: Any) -> list[str]:
    """What else the user will stop seeing when ``item`` goes to the trash, in plain words."""
    if isinstance(item, Contact):
        count = Conversation.objects.for_user(user).filter(contact=item).count()
        if count:
            return [
                f"Their {count} conversation{'s' if count != 1 else ''} will be hidden with them."
            ]
    if isinstance(item, Organization):
        count = Contact.objects.for_user(user).filter(organization=item).count()
        if count:
            return [f"The {count} contact{'s' if count != 1 else ''} there stay in your contacts."]
    if isinstance(item, Conversation):
        notes = Note.objects.for_user(user).filter(conversation=item).count()
        if notes:
            return [f"Its {notes} note{'s' if notes != 1 else ''} will be hidden with it."]
    return []


# -- past imports -----------------------------------------------------------------------


def import_batches(user: Any, limit: int) -> list[ImportBatch]:
    """The user's latest ``limit`` imports, newest first: the Import page and the API."""
    return list(_batches(user)[:limit])


def owned_import_batch(user: Any, pk: object) -> ImportBatch:
    batch = _batches(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if batch is None:
        raise NotFound("No such import.")
    return batch


def _batches(user: Any) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.for_user(user).order_by("-created_at", "-id")

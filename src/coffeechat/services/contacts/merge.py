"""Merging two records of one person, and undoing it.

Everything that pointed at the duplicate (conversations, messages, referrals
either way, people it introduced, career paths) moves to the contact kept; the
kept contact's empty fields take the duplicate's values, and nothing it has is
overwritten. The duplicate goes to the trash. One ``ContactMerge`` row records
exactly what moved and what was filled, so undo puts it all back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from coffeechat.core.models import Contact, ContactMerge, Conversation, Message, Referral
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.owned import get_owned
from coffeechat.services.today.due_index import rebuilds_index

# Fields the kept contact takes from the duplicate when its own is empty.
FILLED_FIELDS = (
    "last_name",
    "email",
    "linkedin_url",
    "phone",
    "title",
    "location",
    "time_zone",
    "connection",
    "connection_line",
    "research_notes",
)
_LINKS = ("organization", "referred_by")


@dataclass(frozen=True)
class MergePlan:
    """What a merge would do, for the page that asks before doing it."""

    kept: Contact
    merged: Contact
    conversations: int
    messages: int
    referrals: int
    introduced: int
    fills: dict[str, str]  # by the field's label: what the kept contact takes

    @property
    def moves_anything(self) -> bool:
        return bool(self.conversations or self.messages or self.referrals or self.introduced)


def plan_merge(user: Any, kept_id: object, merged_id: object) -> MergePlan:
    kept, merged = _pair(user, kept_id, merged_id)
    count = {name: rows.count() for name, rows in _rows_to_move(user, kept, merged).items()}
    return MergePlan(
        kept=kept,
        merged=merged,
        conversations=count["conversations"],
        messages=count["messages"],
        referrals=count["referrals_made"] + count["referrals_received"],
        introduced=count["introduced"],
        fills={_label(name): str(value) for name, value in _fills(kept, merged).items()},
    )


@rebuilds_index
def merge_contacts(user: Any, kept_id: object, merged_id: object, now: datetime) -> ContactMerge:
    """Make ``merged`` part of ``kept``; the returned record undoes it."""
    with transaction.atomic():
        kept, merged = _pair(user, kept_id, merged_id)
        moved = _move_rows(user, kept, merged)
        fills = _fills(kept, merged)
        for name, value in fills.items():
            setattr(kept, name, value)
        paths = set(merged.career_paths.values_list("id", flat=True))
        added = sorted(paths - set(kept.career_paths.values_list("id", flat=True)))
        kept.career_paths.add(*added)
        moved["career_paths"] = added
        kept.save()
        merged.deleted_at = now
        merged.save(update_fields=["deleted_at", "updated_at"])
        return ContactMerge.objects.create(
            owner=user, kept=kept, merged=merged, moved=moved, filled=_as_json(fills)
        )


@rebuilds_index
def undo_merge(user: Any, merge_id: object, now: datetime) -> ContactMerge:
    """Bring the duplicate back with what moved; a field changed since stays as it is."""
    with transaction.atomic():
        merge = ContactMerge.objects.for_user(user).select_for_update().filter(pk=merge_id).first()
        if merge is None:
            raise NotFound(f"No merge with id {merge_id}.")
        if merge.undone_at:
            raise InvalidInput({"__all__": ["This merge was already undone."]})
        kept, merged = merge.kept, merge.merged
        _move_back(user, merge.moved, kept, merged)
        kept.career_paths.remove(*merge.moved.get("career_paths", []))
        for name, value in merge.filled.items():
            if name in _LINKS:
                if getattr(kept, f"{name}_id") == value:
                    setattr(kept, f"{name}_id", None)
            elif getattr(kept, name) == value:
                setattr(kept, name, "")
        kept.save()
        merged.deleted_at = None
        merged.save(update_fields=["deleted_at", "updated_at"])
        merge.undone_at = now
        merge.save(update_fields=["undone_at", "updated_at"])
        return merge


def _pair(user: Any, kept_id: object, merged_id: object) -> tuple[Contact, Contact]:
    kept = get_owned(user, Contact, kept_id)
    merged = get_owned(user, Contact, merged_id)
    if kept.pk == merged.pk:
        raise InvalidInput(
            {"other": ["Choose another contact: a contact cannot merge into itself."]}
        )
    return kept, merged


def _rows_to_move(user: Any, kept: Contact, merged: Contact) -> dict[str, QuerySet[Any]]:
    """What points at the duplicate and moves to the kept contact: the plan counts
    these and the merge moves them, so the page says exactly what happens."""
    # A referral between the two would become one from a person to themself: it
    # stays with the duplicate (in the trash with it) and comes back on undo.
    between = Q(from_contact=kept, to_contact=merged) | Q(from_contact=merged, to_contact=kept)
    referrals = Referral.objects.filter(owner=user).exclude(between)
    return {
        "conversations": Conversation.objects.filter(owner=user, contact=merged),
        "messages": Message.objects.filter(owner=user, contact=merged),
        "referrals_made": referrals.filter(from_contact=merged),
        "referrals_received": referrals.filter(to_contact=merged),
        "introduced": Contact.objects.filter(owner=user, referred_by=merged).exclude(pk=kept.pk),
    }


def _move_rows(user: Any, kept: Contact, merged: Contact) -> dict[str, list[int]]:
    rows = _rows_to_move(user, kept, merged)
    moved = {name: sorted(query.values_list("id", flat=True)) for name, query in rows.items()}
    Conversation.objects.filter(pk__in=moved["conversations"]).update(contact=kept)
    Message.objects.filter(pk__in=moved["messages"]).update(contact=kept)
    Referral.objects.filter(pk__in=moved["referrals_made"]).update(from_contact=kept)
    Referral.objects.filter(pk__in=moved["referrals_received"]).update(to_contact=kept)
    Contact.objects.filter(pk__in=moved["introduced"]).update(referred_by=kept)
    return moved


def _move_back(user: Any, moved: dict[str, list[int]], kept: Contact, merged: Contact) -> None:
    """Only rows still on the kept contact go back: one moved elsewhere since stays."""
    mine = {"owner": user}
    Conversation.objects.filter(pk__in=moved.get("conversations", []), contact=kept, **mine).update(
        contact=merged
    )
    Message.objects.filter(pk__in=moved.get("messages", []), contact=kept, **mine).update(
        contact=merged
    )
    Referral.objects.filter(
        pk__in=moved.get("referrals_made", []), from_contact=kept, **mine
    ).update(from_contact=merged)
    Referral.objects.filter(
        pk__in=moved.get("referrals_received", []), to_contact=kept, **mine
    ).update(to_contact=merged)
    Contact.objects.filter(pk__in=moved.get("introduced", []), referred_by=kept, **mine).update(
        referred_by=merged
    )


def _fills(kept: Contact, merged: Contact) -> dict[str, Any]:
    fills: dict[str, Any] = {
        name: getattr(merged, name)
        for name in FILLED_FIELDS
        if getattr(merged, name) and not getattr(kept, name)
    }
    if merged.organization_id and not kept.organization_id:
        fills["organization"] = merged.organization
    # Introduced by the kept contact: saying they introduced themself would be wrong.
    if merged.referred_by_id not in (None, kept.pk) and not kept.referred_by_id:
        fills["referred_by"] = merged.referred_by
    return fills


def _label(name: str) -> str:
    """The field as the contact form names it: "LinkedIn URL", "Role or title"."""
    words = str(Contact._meta.get_field(name).verbose_name)
    return words[:1].upper() + words[1:]


def _as_json(fills: dict[str, Any]) -> dict[str, Any]:
    return {name: value.pk if name in _LINKS else value for name, value in fills.items()}

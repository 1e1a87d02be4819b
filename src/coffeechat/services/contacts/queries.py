"""Every read of contacts, organizations and career paths the web, the API and the CLI make.

One function per read, named for what it returns, so a list is ordered and
filtered in one place and every interface shows it the same way. A row of
another user, or one in the trash, is ``NotFound``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, overload

from django.db.models import Count, Q, QuerySet

from coffeechat.core.models import CareerPath, Contact, ContactMerge, Conversation, Organization
from coffeechat.domain.vocabulary import Source
from coffeechat.services.conversations.queries import live
from coffeechat.services.owned import get_owned


def owned_contact(user: Any, pk: object) -> Contact:
    contact: Contact = get_owned(user, Contact, pk)
    return contact


def owned_organization(user: Any, pk: object) -> Organization:
    organization: Organization = get_owned(user, Organization, pk)
    return organization


def owned_career_path(user: Any, pk: object) -> CareerPath:
    path: CareerPath = get_owned(user, CareerPath, pk)
    return path


# -- contacts ---------------------------------------------------------------------------


def contact_with_paths(user: Any, pk: object) -> Contact:
    """One live contact with its career paths read in the same go, as the API shows it."""
    return _with_paths(Contact.objects.for_user(user)).get(pk=owned_contact(user, pk).pk)


def contacts_with_paths(ids: Iterable[int]) -> list[Contact]:
    """The contacts of ``ids`` (already scoped to one user), in that order, with their paths."""
    wanted = list(ids)
    rows = {c.pk: c for c in _with_paths(Contact.objects.filter(pk__in=wanted))}
    return [rows[pk] for pk in wanted if pk in rows]


def _with_paths(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    return contacts.prefetch_related("career_paths")


def conversations_with(user: Any, contact: Contact) -> QuerySet[Conversation]:
    """The contact's live conversations, newest first, each with its career path."""
    return Conversation.objects.for_user(user).filter(contact=contact).select_related("career_path")


def merges_into(user: Any, contact: Contact) -> QuerySet[ContactMerge]:
    """The merges that made ``contact`` what it is and can still be undone, newest first."""
    return (
        ContactMerge.objects.for_user(user)
        .filter(kept=contact, undone_at__isnull=True)
        .select_related("merged")
        .order_by("-created_at")
    )


class InOrder(Sequence[Any]):
    """A long ordered list of ids read a slice at a time: what a pager slices is loaded,
    the rest stays ids. ``load`` reads the rows of some ids, in their order."""

    def __init__(self, ids: Sequence[int], load: Callable[[Iterable[int]], list[Any]]) -> None:
        self.ids, self.load = ids, load

    def __len__(self) -> int:
        return self.ids.count() if isinstance(self.ids, QuerySet) else len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self.load(self.ids[index])
        return self.load([self.ids[index]])[0]


# -- organizations ----------------------------------------------------------------------


def organizations_with_advocacy(user: Any) -> QuerySet[Organization]:
    """The live organizations, each with ``advocacy`` (live contacts known there) and
    ``alumni`` (of those, alumni). Unordered: the LAMP order is the domain's
    (``services.contacts.targets.ranked_organizations``)."""
    live_contacts = Q(contacts__deleted_at__isnull=True, contacts__isnull=False)
    alumni = live_contacts & Q(contacts__source=Source.ALUMNI)
    return Organization.objects.for_user(user).annotate(
        advocacy=Count("contacts", filter=live_contacts),
        alumni=Count("contacts", filter=alumni),
    )


def organization_with_advocacy(user: Any, pk: object) -> Organization:
    organization: Organization = organizations_with_advocacy(user).get(
        pk=owned_organization(user, pk).pk
    )
    return organization


def matching_words(rows: QuerySet[Any], q: str, *fields: str) -> QuerySet[Any]:
    """Rows where every word of ``q`` appears (any case) in one of ``fields``."""
    for word in q.split():
        match = Q()
        for name in fields:
            match |= Q(**{f"{name}__icontains": word})
        rows = rows.filter(match)
    return rows


# -- career paths -----------------------------------------------------------------------

_LIVE_CONVERSATION = Q(conversations__deleted_at__isnull=True)


def career_paths(user: Any, q: str = "") -> QuerySet[CareerPath]:
    """The live career paths by title (then id, so pages never overlap), each with
    ``conversation_count`` and ``held_count`` of its live conversations; ``q``
    keeps those whose title or field holds every word."""
    paths = CareerPath.objects.for_user(user).annotate(
        conversation_count=Count("conversations", filter=_LIVE_CONVERSATION),
        held_count=Count(
            "conversations", filter=_LIVE_CONVERSATION & Q(conversations__held_at__isnull=False)
        ),
    )
    return matching_words(paths, q, "title", "field").order_by("title", "id")


def path_conversations(user: Any, path: CareerPath) -> QuerySet[Conversation]:
    """The path's live conversations with a live contact, newest first."""
    return (
        live(user)
        .filter(career_path=path)
        .select_related("contact", "contact__organization")
        .order_by("-created_at", "-id")
    )

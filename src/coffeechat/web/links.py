"""Where each door of a next step leads: the one table from what to do to its page.

The engine names a door (``domain.steps.Door``) and the ids it concerns; only
the web layer knows URLs. Today's buttons, the conversation page's card, the
API's ``url`` and the CLI's JSON all link through ``door_url``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.urls import reverse as reverse_any

from coffeechat.domain.conversation_step import CardStep
from coffeechat.domain.steps import Door


class Target(Protocol):
    """What a door needs to know: the ids of the step (an Action has them all)."""

    @property
    def conversation_id(self) -> int | None: ...
    @property
    def contact_id(self) -> int | None: ...
    @property
    def organization_id(self) -> int | None: ...
    @property
    def career_path_id(self) -> int | None: ...


# Pages only: the CLI prints these links without building the API (see urls_pages).
PAGES_URLCONF = "coffeechat.urls_pages"


def reverse(view: str, args: list[Any] | None = None) -> str:
    return reverse_any(view, args=args, urlconf=PAGES_URLCONF)


def absolute_url(view: str, args: list[Any] | None = None) -> str:
    """A page's full address at ``COFFEECHAT_BASE_URL``, for links that leave the app (mail)."""
    return settings.BASE_URL.rstrip("/") + reverse(view, args)


@dataclass(frozen=True)
class Ids:
    conversation_id: int | None = None
    contact_id: int | None = None
    organization_id: int | None = None
    career_path_id: int | None = None


def _composer(kind: str = "") -> Callable[[Target], str | None]:
    def link(action: Target) -> str | None:
        if not action.conversation_id:
            return None
        url = reverse("web:composer", args=[action.conversation_id])
        return f"{url}?kind={kind}" if kind else url

    return link


def _conversation(view: str, anchor: str = "") -> Callable[[Target], str | None]:
    def link(action: Target) -> str | None:
        if not action.conversation_id:
            return None
        return reverse(view, args=[action.conversation_id]) + anchor

    return link


def _contact(view: str, suffix: str = "") -> Callable[[Target], str | None]:
    def link(action: Target) -> str | None:
        return reverse(view, args=[action.contact_id]) + suffix if action.contact_id else None

    return link


def _organization(action: Target) -> str | None:
    if not action.organization_id:
        return None
    return reverse("web:compose_next", args=[action.organization_id])


def _path(action: Target) -> str | None:
    if not action.career_path_id:
        return None
    return reverse("web:path_reflection", args=[action.career_path_id])


def _action_item(action: Target) -> str | None:
    if action.conversation_id:
        return reverse("web:conversation", args=[action.conversation_id]) + "#progress"
    return None


DOORS: dict[Door, Callable[[Target], str | None]] = {
    Door.ADD_RESEARCH: _contact("web:contact_edit", "#id_research_notes"),
    Door.WRITE_REQUEST: _composer(),
    Door.CHOOSE_NEXT_CONTACT: _organization,
    Door.WRITE_FOLLOW_UP: _composer("follow-up"),
    Door.LET_GO: _conversation("web:let_go"),
    Door.CLASSIFY_REPLY: _conversation("web:conversation", "#reply"),
    Door.PROPOSE_TIMES: _conversation("web:conversation_propose"),
    Door.OPEN_BRIEF: _conversation("web:brief"),
    Door.INTERVIEW_MODE: _conversation("web:interview"),
    Door.WRITE_THANK_YOU: _composer("thank-you"),
    Door.CONTACT_REFERRAL: _contact("web:contact"),
    Door.WRITE_REPORT_BACK: _composer("report-back"),
    Door.WRITE_UPDATE: _contact("web:compose_for", "?kind=update"),
    Door.THANK_INTRODUCER: _contact("web:compose_for", "?kind=update&template=thank-introducer"),
    Door.OPEN_ACTION_ITEM: _action_item,
    Door.REFLECT_ON_PATH: _path,
    Door.SEND_INVITE: _composer("confirmation"),
    Door.RECORD_TIME: _conversation("web:conversation", "#book-by-hand"),
}

# What the button of each door says.
LABELS: dict[Door, str] = {
    Door.ADD_RESEARCH: "Add research",
    Door.WRITE_REQUEST: "Write your note",
    Door.CHOOSE_NEXT_CONTACT: "Choose next contact",
    Door.WRITE_FOLLOW_UP: "Write the follow-up",
    Door.LET_GO: "Let go",
    Door.CLASSIFY_REPLY: "Say how they replied",
    Door.PROPOSE_TIMES: "Propose times",
    Door.OPEN_BRIEF: "Open the brief",
    Door.INTERVIEW_MODE: "Open interview mode",
    Door.WRITE_THANK_YOU: "Write the thank-you",
    Door.CONTACT_REFERRAL: "Reach out",
    Door.WRITE_REPORT_BACK: "Write the report-back",
    Door.WRITE_UPDATE: "Write an update",
    Door.THANK_INTRODUCER: "Write thank-you",
    Door.OPEN_ACTION_ITEM: "Open",
    Door.REFLECT_ON_PATH: "Reflect",
    Door.SEND_INVITE: "Send the invite",
    Door.RECORD_TIME: "Agreed a time already? Record it",
}


def door_url(action: Any) -> str:
    """The page that takes the action; the contact's page, or Today, when its ids are missing."""
    return link_for(Door(action.door) if action.door else None, action)


def link_for(door: Door | None, action: Target) -> str:
    link = DOORS.get(door) if door is not None else None
    url = link(action) if link is not None else None
    if url:
        return url
    if action.contact_id:
        return reverse("web:contact", args=[action.contact_id])
    return reverse("web:today")


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    primary: bool = False


def card_links(card: CardStep, conversation: Any) -> list[Link]:
    """The buttons of a conversation page's Next step card: its door first, then the extras."""
    ids = Ids(
        conversation_id=conversation.pk,
        contact_id=conversation.contact_id,
        organization_id=getattr(conversation.contact, "organization_id", None),
        career_path_id=conversation.career_path_id,
    )
    links = []
    if card.door is not None and card.door is not Door.CLASSIFY_REPLY:
        links.append(Link(LABELS[card.door], link_for(card.door, ids), primary=True))
    links += [Link(LABELS[door], link_for(door, ids)) for door in card.secondary]
    return links

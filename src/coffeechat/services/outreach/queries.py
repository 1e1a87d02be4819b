"""What the outreach area reads: a conversation's messages and the user's templates."""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import QuerySet

from coffeechat.core.models import Conversation, Message, Template
from coffeechat.services.owned import get_owned

MessageState = Literal["all", "draft", "sent"]


def messages_of(conversation: Conversation, state: MessageState = "all") -> QuerySet[Message]:
    """The conversation's messages not in the trash, oldest first; drafts have no ``sent_at``.

    The id breaks ties, so the conversation page and the API list the same order.
    """
    rows = conversation.messages.filter(deleted_at__isnull=True)
    if state != "all":
        rows = rows.filter(sent_at__isnull=state == "draft")
    return rows.order_by("sent_at", "created_at", "id")


def owned_template(user: Any, pk: object) -> Template:
    """One of the user's templates, or NotFound."""
    template: Template = get_owned(user, Template, pk)
    return template

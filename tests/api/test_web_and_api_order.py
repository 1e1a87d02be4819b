"""The web pages and the API list conversations and notes in the same order, ties included."""

from __future__ import annotations

import re

from django.urls import reverse

from coffeechat.core.models import Conversation, Note
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import start_conversation


def _ids(html: str, pattern: str) -> list[int]:
    return [int(found) for found in re.findall(pattern, html)]


def test_the_conversation_list_has_the_same_order_on_the_web_and_in_the_api(
    api, signed_in, user, now
):
    for name in ("Ana", "Bo", "Cy", "Di"):
        contact = crm.create_contact(user, {"first_name": name, "source": "alumni"})
        start_conversation(user, {"contact": contact.pk})
    # Created in the same instant, as an import does: only the tie-break orders them.
    Conversation.objects.filter(owner=user).update(created_at=now)

    page = signed_in.get(reverse("web:conversations")).content.decode()
    web = _ids(page, r'href="/conversations/(\d+)/"')
    api_ids = [row["id"] for row in api.get("/conversations").json()["items"]]

    assert len(web) == 4
    assert web == api_ids


def test_a_conversations_notes_have_the_same_order_on_its_page_and_in_the_api(
    api, signed_in, user, conversation, now
):
    for text in ("first", "second", "third"):
        Note.objects.create(owner=user, conversation=conversation, text=text)
    Note.objects.filter(conversation=conversation).update(created_at=now)

    page = signed_in.get(reverse("web:conversation", args=[conversation.pk])).content.decode()
    web = _ids(page, r'id="note-(\d+)"')
    api_ids = [row["id"] for row in api.get(f"/conversations/{conversation.pk}/notes").json()]

    assert len(web) == 3
    assert web == api_ids

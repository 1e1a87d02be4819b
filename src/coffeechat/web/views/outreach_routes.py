"""Where Today's outreach actions land: the next contact, a contact's latest conversation,
and the confirmation before letting a conversation go."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from coffeechat.domain.vocabulary import CloseReason
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import InvalidInput
from coffeechat.services.outreach import page as doors
from coffeechat.web.views.common import now


@login_required
def compose_next(request: HttpRequest, pk: int) -> HttpResponse:
    """Try another door: open the composer for the next contact at the organization."""
    door = doors.next_door(request.user, pk)
    if door.planned is not None:
        return redirect("web:composer", door.planned.pk)
    if request.method == "POST" and door.contact is not None:
        conversation = conversations.start_conversation(request.user, {"contact": door.contact.pk})
        return redirect("web:composer", conversation.pk)
    context = {
        "organization": door.organization,
        "contact": door.contact,
        "section": "web:organizations",
    }
    return render(request, "web/outreach/compose_next.html", context)


@login_required
def compose_for_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """An update or report-back to a contact: their latest conversation's composer."""
    latest = doors.latest_with(request.user, pk)
    contact, conversation = latest.contact, latest.conversation
    if conversation is None:
        messages.info(request, f"Start a conversation with {contact.name} first.")
        return redirect(reverse("web:conversation_create") + f"?contact={contact.pk}")
    query = {"kind": request.GET.get("kind", "update")}
    if request.GET.get("template"):  # a built-in by key, e.g. thank-introducer
        query["template"] = request.GET["template"]
    return redirect(reverse("web:composer", args=[conversation.pk]) + "?" + urlencode(query))


@login_required
def let_go(request: HttpRequest, pk: int) -> HttpResponse:
    """Close as no response, after a confirmation: never more than two unanswered messages."""
    conversation = owned_conversation(request.user, pk)
    if request.method == "POST":
        data = {"type": "closed", "reason": CloseReason.NO_RESPONSE.value}
        try:
            conversations.record_event(request.user, pk, data, now())
        except InvalidInput as exc:
            messages.error(request, f"Not closed: {exc.summary()}")
        else:
            messages.success(
                request, f"Closed the conversation with {conversation.contact.name} as no response."
            )
        return redirect("web:conversation", pk)
    return render(
        request,
        "web/outreach/let_go.html",
        {
            "conversation": conversation,
            "contact": conversation.contact,
            "section": "web:conversations",
        },
    )

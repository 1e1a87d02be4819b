"""Where Today's outreach actions land: the next contact, a contact's latest conversation,
and the confirmation before letting a conversation go."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from coffeechat.core.models import Contact, Conversation, Organization
from coffeechat.domain.vocabulary import CloseReason
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.errors import InvalidInput
from coffeechat.services.outreach import composer as outreach
from coffeechat.web.views.common import now, owned_or_404


@login_required
def compose_next(request: HttpRequest, pk: int) -> HttpResponse:
    """Try another door: open the composer for the next contact at the organization."""
    organization = owned_or_404(request.user, Organization, pk)
    contact, planned = outreach.next_contact_at(request.user, pk)
    if planned is not None:
        return redirect("web:composer", planned.pk)
    if request.method == "POST" and contact is not None:
        conversation = conversations.start_conversation(request.user, {"contact": contact.pk})
        return redirect("web:composer", conversation.pk)
    context = {"organization": organization, "contact": contact, "section": "web:organizations"}
    return render(request, "web/compose_next.html", context)


@login_required
def compose_for_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """An update or report-back to a contact: their latest conversation's composer."""
    contact = owned_or_404(request.user, Contact, pk)
    conversation = outreach.latest_conversation_with(request.user, contact.pk)
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
    conversation = owned_or_404(request.user, Conversation, pk)
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
        "web/let_go.html",
        {
            "conversation": conversation,
            "contact": conversation.contact,
            "section": "web:conversations",
        },
    )

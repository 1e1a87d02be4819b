"""Record a reply from the contact page, the conversation, or Today's follow-up composer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.domain.vocabulary import label
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.conversations.replies import record_reply
from coffeechat.services.errors import InvalidInput
from coffeechat.web.views.common import now


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = owned_conversation(request.user, pk)
    try:
        record_reply(request.user, pk, request.POST, now())
    except InvalidInput as exc:
        messages.error(request, f"Reply not recorded: {exc.summary()} Nothing was changed.")
    else:
        sentiment = label(request.POST["sentiment"])
        messages.success(request, f"Reply from {conversation.contact.name} recorded: {sentiment}.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("web:conversation", args=[pk])
    return redirect(target)

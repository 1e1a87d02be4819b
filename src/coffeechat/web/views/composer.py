"""The composer: pick a template, edit the filled draft, see the checks live, send, mark sent."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_POST

from coffeechat.domain.outreach import CheckResult, has_subject
from coffeechat.domain.templates import fields_in
from coffeechat.domain.vocabulary import Channel, MessageKind, choices, label
from coffeechat.services.accounts.signin import sender_address
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations.event_forms import SENTIMENT_CHOICES
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.outreach import composer as outreach
from coffeechat.services.outreach import sending
from coffeechat.services.outreach.context import highlights
from coffeechat.services.outreach.templates import list_templates, template_by_key
from coffeechat.services.scheduling import invites
from coffeechat.web.views.common import now


def _initial(request: HttpRequest, conversation: Any) -> dict[str, Any]:
    """What the editor starts with: a chosen template, else the saved draft, else a default."""
    user = request.user
    wanted_template = request.GET.get("template")
    wanted_kind = request.GET.get("kind")
    draft = conversations.open_draft(conversation)
    if wanted_template and not wanted_template.isdigit():  # a built-in's key, from Today
        found = template_by_key(user, wanted_template)
        wanted_template = str(found.pk) if found else None
    template_id: object = wanted_template
    if not template_id and draft is not None and (not wanted_kind or draft.kind == wanted_kind):
        return {
            "subject": draft.subject,
            "body": draft.body,
            "channel": draft.channel,
            "kind": draft.kind,
            "template_id": None,
            "saved_at": draft.updated_at,
        }
    if not template_id:
        kind = MessageKind(wanted_kind) if wanted_kind in set(MessageKind) else None
        template = outreach.default_template(user, kind or outreach.suggested_kind(conversation))
        template_id = template.pk if template else None
    if template_id is None:
        return {"subject": "", "body": "", "channel": "email", "kind": "request"}
    try:
        filled = outreach.compose(user, conversation.pk, template_id, now())
    except NotFound:
        return {"subject": "", "body": "", "channel": "email", "kind": "request"}
    return {
        "subject": filled.subject,
        "body": filled.body,
        "channel": filled.channel,
        "kind": filled.kind,
        "template_id": int(str(template_id)),
        "from_template": True,
    }


def _picked_template(request: HttpRequest, text: dict[str, Any]) -> int | None:
    """The template the picker shows: the one filled, else the default for the kind composed.

    A reopened draft has no template; showing the first in the list ("First
    request") while a thank-you is composed would say the wrong thing.
    """
    if text.get("template_id"):
        return int(text["template_id"])
    template = outreach.default_template(request.user, str(text.get("kind") or ""))
    return template.pk if template else None


def _points(conversation: Any, kind: object) -> list[str]:
    """The highlighted notes a thank-you's frames refer to, shown beside the draft only."""
    return highlights(conversation) if kind == MessageKind.THANK_YOU else []


def _send_context(request: HttpRequest, conversation: Any, text: dict[str, Any]) -> dict[str, Any]:
    contact = conversation.contact
    return {
        "mailto": sending.mailto_url(contact.email, text["subject"], text["body"]),
        "has_email": bool(contact.email),
        "linkedin_url": contact.linkedin_url,
        "smtp_ready": sending.smtp_settings(request.user) is not None,
        "unfilled": fields_in(text["subject"] + "\n" + text["body"]),
        "has_subject": has_subject(text["channel"]),
        # scheduling: the .ics goes with the email when the interview is booked
        "can_attach_invite": invites.can_attach_invite(conversation),
        "invite_cancelled": invites.is_cancelled(conversation),
        "sender_email": sender_address(request.user),
        "attach_invite": text.get("attach_invite", "1"),
    }


def _results(request: HttpRequest, text: dict[str, Any], conversation: Any) -> list[CheckResult]:
    try:
        return outreach.check_draft(request.user, text, now(), conversation)
    except InvalidInput:
        return []


def _summary(results: list[CheckResult]) -> dict[str, int]:
    failed = [r for r in results if not r.passed]
    return {
        "passed": len(results) - len(failed),
        "errors": sum(1 for r in failed if r.severity.value == "error"),
        "warnings": sum(1 for r in failed if r.severity.value != "error"),
    }


@login_required
def composer(
    request: HttpRequest,
    pk: int,
    text: dict[str, Any] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    conversation = owned_conversation(request.user, pk)
    text = text or _initial(request, conversation)
    results = _results(request, text, conversation)
    waiting = outreach.waiting_elsewhere(request.user, conversation, now())
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "templates": list_templates(request.user, include_hidden=False),
        "picked_template": _picked_template(request, text),
        "points": _points(conversation, text["kind"]),
        "text": text,
        "results": results,
        "summary": _summary(results),
        "channels": choices(Channel),
        "kinds": choices(MessageKind)[:-1],  # a reply is recorded, not composed
        "kind_label": label(text["kind"]),
        "waiting": waiting,
        "doors_open": bool(waiting) and all(other.door_open for other in waiting),
        "error": error,
        "awaiting_reply": conversation.stage in ("requested", "followed_up"),
        "sentiments": SENTIMENT_CHOICES,
        "next": request.get_full_path(),
        "section": "web:conversations",
        **_send_context(request, conversation, text),
    }
    return render(request, "web/outreach/composer.html", context, status=status)


def _posted(request: HttpRequest) -> dict[str, Any]:
    post = request.POST
    return {
        "subject": post.get("subject", ""),
        "body": post.get("body", ""),
        "channel": post.get("channel", "email"),
        "kind": post.get("kind", "request"),
        "confirm_unfilled": post.get("confirm_unfilled", ""),
        "at": post.get("at", ""),
        "attach_invite": post.get("attach_invite", ""),
    }


@login_required
@require_POST
def composer_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The htmx partial: the checks for the text as typed, and send links kept in step."""
    conversation = owned_conversation(request.user, pk)
    text = _posted(request)
    results = _results(request, text, conversation)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "results": results,
        "summary": _summary(results),
        "oob": True,
        **_send_context(request, conversation, text),
    }
    return render(request, "web/outreach/_composer_checks.html", context)


@login_required
@require_POST
def composer_save(request: HttpRequest, pk: int) -> HttpResponse:
    owned_conversation(request.user, pk)
    try:
        draft = outreach.save_composer_draft(request.user, pk, _posted(request))
    except InvalidInput as exc:
        # htmx swaps this in as HTML, and the summary may repeat what was posted.
        return HttpResponse(escape(f"Not saved: {exc.summary()}"), status=200)
    stamp = draft.updated_at.astimezone(request.user.profile.zone).strftime("%H:%M:%S")
    return HttpResponse(f"Draft saved at {stamp}")


@login_required
@require_POST
def composer_mark_sent(request: HttpRequest, pk: int) -> HttpResponse:
    text = _posted(request)
    try:
        message = outreach.mark_sent(request.user, pk, text, now())
    except InvalidInput as exc:
        return composer(request, pk, text=text, error=exc.summary(), status=422)
    messages.success(request, f"Recorded: {label(message.kind)} sent. Today has been updated.")
    return redirect(reverse("web:conversation", args=[pk]) + "#outreach")


@login_required
@require_POST
def composer_eml(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = owned_conversation(request.user, pk)
    text = _posted(request)
    outgoing = sending.outgoing_for(
        request.user,
        conversation.contact,
        text["subject"],
        text["body"],
        invites.invite_to_attach(conversation, text["attach_invite"]),
    )
    response = HttpResponse(sending.eml_bytes(outgoing), content_type="message/rfc822")
    filename = f"to-{conversation.contact.pk}-{text['kind']}.eml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def composer_smtp(request: HttpRequest, pk: int) -> HttpResponse:
    """Send through the user's server, then mark sent; a failure keeps the draft and says why."""
    conversation = owned_conversation(request.user, pk)
    text = _posted(request)
    try:
        outreach.send_by_smtp(request.user, pk, text, now())
    except (InvalidInput, sending.SendFailed) as exc:
        reason = exc.summary() if isinstance(exc, InvalidInput) else str(exc)
        return composer(
            request, pk, text=text, error=f"Not sent: {reason} Your draft is kept.", status=422
        )
    except outreach.SentNotRecorded as exc:
        # The mail has left: say so, rather than a server error, and keep the draft.
        messages.warning(request, f"Sent to {conversation.contact.email}, but not recorded: {exc}")
        return redirect(reverse("web:composer", args=[pk]))
    messages.success(request, f"Sent to {conversation.contact.email} and recorded.")
    return redirect(reverse("web:conversation", args=[pk]) + "#outreach")

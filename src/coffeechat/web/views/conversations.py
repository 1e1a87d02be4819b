from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.domain.stages import AWAITING_REPLY, EVENT_LABELS, Event, allowed_events
from coffeechat.domain.types import Stage
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import actions as service
from coffeechat.services.conversations import page as screens
from coffeechat.services.conversations import replies
from coffeechat.services.conversations.event_forms import SENTIMENT_CHOICES, EventForm
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import ConversationEditForm, ConversationForm, NoteForm
from coffeechat.web.links import card_links
from coffeechat.web.views import conversation_steps as steps
from coffeechat.web.views.common import now, save_or_show_errors
from coffeechat.web.views.prep import plan_context


@login_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    page = screens.conversation_list(request.user, request.GET.get("stage", ""))
    context = {
        "conversations": page.conversations,
        "stage": page.stage,
        "stages": page.stages,
        "section": "web:conversations",
    }
    return render(request, "web/conversations/conversations.html", context)


@login_required
def conversation_create(request: HttpRequest) -> HttpResponse:
    initial = {
        "contact": request.GET.get("contact"),
        "planned_minutes": ensure_profile(request.user).default_minutes,
    }
    return save_or_show_errors(
        request,
        save=lambda: service.start_conversation(request.user, request.POST),
        blank_form=lambda: ConversationForm(user=request.user, initial=initial),
        success=lambda conversation: reverse("web:conversation", args=[conversation.pk]),
        message=lambda conversation: f"Conversation with {conversation.contact.name} started.",
        heading="Start a conversation",
        intro="Choose someone to reach out to. Research them, then write a short, personal note.",
        back_url=reverse("web:conversations"),
        back_label="Conversations",
        submit_label="Start",
    )


def _event_forms(conversation: Any, zone: str) -> dict[str, dict[str, object]]:
    """The by-hand event forms the page still offers, keyed by event, each in its step."""
    forms = {}
    for event in allowed_events(Stage(conversation.stage)):
        if event.value not in BY_HAND_EVENTS:
            continue
        form = EventForm(initial={"type": event.value, "time_zone": zone}, user_zone=zone)
        forms[event.value] = {"event": event.value, "label": EVENT_LABELS[event], "form": form}
    return forms


# Everything else has one home elsewhere: messages in the composer (Mark sent), replies
# in the reply form, bookings from proposed slots, the end of the call in interview mode.
# These remain for what happened outside coffeechat: a time agreed by phone, a call
# held without interview mode, closing and reopening.
BY_HAND_EVENTS = {"scheduled", "held", "closed", "reopened"}


def _page_facts(page: screens.ConversationPage, moment: datetime) -> dict[str, object]:
    conversation = page.conversation
    return {
        "next_step": page.next_step,
        "next_links": card_links(page.next_step, conversation),
        "steps": steps.step_states(conversation, moment),
        "draft": page.draft,
        "messages_by_step": steps.messages_by_step(page.sent),
        "events": _event_forms(conversation, page.user_zone),
        "sentiments": SENTIMENT_CHOICES,
        "awaiting_reply": conversation.stage in AWAITING_REPLY,
        "notes": page.notes,
        "referrals": page.referrals,
        "action_items": page.action_items,
        "can_attach_invite": page.can_attach_invite,
        "their_start": page.their_start,
    }


@login_required
def conversation_detail(
    request: HttpRequest,
    pk: int,
    event_form: EventForm | None = None,
    note_form: NoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    moment = now()
    page = screens.conversation_page(request.user, pk, moment)
    conversation = page.conversation
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "failed_event": event_form,
        "note_form": note_form or NoteForm(),
        "next": request.path,
        "section": "web:conversations",
        **_page_facts(page, moment),
    }
    # The plan editor sits on this page too, so preparing needs no second page.
    context.update(plan_context(request.user, conversation))
    return render(request, "web/conversations/conversation.html", context, status=status)


@login_required
@require_POST
def conversation_event(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        conversation = service.record_event(request.user, pk, request.POST, now())
    except InvalidInput as exc:
        form = exc.form
        if form is None:
            profile = ensure_profile(request.user)
            form = EventForm(request.POST, user_zone=profile.time_zone)
            form.is_valid()
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(None if field == "__all__" else field, error)
        return conversation_detail(request, pk, event_form=form, status=422)
    label = EVENT_LABELS[Event(request.POST["type"])]
    messages.success(request, f"Recorded: {label}. Today has been updated.")
    return redirect(reverse("web:conversation", args=[conversation.pk]) + "#progress")


_CLASSIFIED = {
    "positive": "a yes: propose times next",
    "referral_only": "a pointer to someone else: add them and reach out",
    "negative": "a no: the conversation is closed as declined",
}


@login_required
@require_POST
def conversation_classify(request: HttpRequest, pk: int) -> HttpResponse:
    sentiment = request.POST.get("sentiment", "")
    try:
        replies.classify_reply(request.user, pk, sentiment, now())
    except InvalidInput as exc:
        messages.error(request, f"{exc.summary()} Nothing changed.")
    else:
        messages.success(request, f"Recorded the reply as {_CLASSIFIED[sentiment]}.")
    return redirect(reverse("web:conversation", args=[pk]) + "#progress")


@login_required
def conversation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = owned_conversation(request.user, pk)
    return save_or_show_errors(
        request,
        save=lambda: service.update_conversation(request.user, pk, request.POST),
        blank_form=lambda: ConversationEditForm(instance=conversation, user=request.user),
        success=lambda saved: reverse("web:conversation", args=[saved.pk]),
        message=lambda saved: "Changes saved.",
        heading=f"Edit conversation with {conversation.contact.name}",
        back_url=reverse("web:conversation", args=[pk]),
        back_label="Conversation",
    )


@login_required
@require_POST
def conversation_note(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        service.add_note(request.user, pk, request.POST)
    except InvalidInput as exc:
        return conversation_detail(request, pk, note_form=exc.form, status=422)
    messages.success(request, "Note added.")
    return redirect(reverse("web:conversation", args=[pk]) + "#notes")

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.core.models import ActionItem, Conversation, Referral
from coffeechat.domain.dates import day_and_clock
from coffeechat.domain.stages import EVENT_LABELS, Event, allowed_events
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import MessageKind
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import actions as service
from coffeechat.services.conversations import replies
from coffeechat.services.conversations.card import card_for
from coffeechat.services.conversations.event_forms import SENTIMENT_CHOICES, EventForm
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import ConversationEditForm, ConversationForm, NoteForm
from coffeechat.services.scheduling import invites
from coffeechat.web.links import card_links
from coffeechat.web.views import conversation_steps as steps
from coffeechat.web.views.common import now, owned_or_404, save_or_show_errors
from coffeechat.web.views.prep import plan_context  # prep area


@login_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")
    rows = (
        Conversation.objects.for_user(request.user)
        .filter(contact__deleted_at__isnull=True)
        .select_related("contact", "contact__organization", "career_path")
    )
    if stage in {s.value for s in Stage}:
        rows = rows.filter(stage=stage)
    context = {
        "conversations": rows[:500],
        "stage": stage,
        "stages": Conversation._meta.get_field("stage").choices,
        "section": "web:conversations",
    }
    return render(request, "web/conversations.html", context)


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


def _event_forms(conversation: Conversation, zone: str) -> dict[str, dict[str, object]]:
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


def _page_facts(request: HttpRequest, conversation: Conversation) -> dict[str, object]:
    profile = ensure_profile(request.user)
    moment = now()
    live_messages = list(
        conversation.messages.filter(deleted_at__isnull=True).order_by("sent_at", "created_at")
    )
    draft = next((m for m in live_messages if m.sent_at is None), None)
    sent = [m for m in live_messages if m.sent_at is not None]
    confirmation_sent = any(
        m.kind == MessageKind.CONFIRMATION
        and (conversation.scheduled_at is None or m.sent_at >= conversation.scheduled_at)
        for m in sent
    )
    card = card_for(request.user, conversation, moment, confirmation_sent=confirmation_sent)
    return {
        "next_step": card,
        "next_links": card_links(card, conversation),
        "steps": steps.step_states(conversation, moment),
        "draft": draft,
        "messages_by_step": steps.messages_by_step(sent),
        "events": _event_forms(conversation, profile.time_zone),
        "sentiments": SENTIMENT_CHOICES,
        "awaiting_reply": conversation.stage in (Stage.REQUESTED, Stage.FOLLOWED_UP),
        "notes": conversation.notes.filter(deleted_at__isnull=True).select_related("question"),
        "referrals": Referral.objects.for_user(request.user)
        .filter(via_conversation=conversation)
        .select_related("to_contact"),
        "action_items": ActionItem.objects.for_user(request.user).filter(conversation=conversation),
        "can_attach_invite": invites.can_attach_invite(conversation),
        "their_start": _their_start(conversation, profile.time_zone),
    }


def _their_start(conversation: Conversation, user_zone: str) -> str:
    """The start on the contact's clock, when their zone is known and differs from both
    yours and the interview's (which the page already shows)."""
    zone = conversation.contact.time_zone
    start = conversation.starts_at
    if start is None or not zone or zone in (user_zone, conversation.time_zone):
        return ""
    try:
        local = start.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    # Formatted here: the template's date filter would turn it back into your zone.
    return day_and_clock(local, local.date())


@login_required
def conversation_detail(
    request: HttpRequest,
    pk: int,
    event_form: EventForm | None = None,
    note_form: NoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    conversation = owned_or_404(request.user, Conversation, pk)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "failed_event": event_form,
        "note_form": note_form or NoteForm(),
        "next": request.path,
        "section": "web:conversations",
        **_page_facts(request, conversation),
    }
    context.update(plan_context(request.user, conversation))  # prep area: the plan editor
    return render(request, "web/conversation.html", context, status=status)


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
    conversation = owned_or_404(request.user, Conversation, pk)
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

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.core.models import Conversation
from coffeechat.domain.stages import EVENT_LABELS, Event, allowed_events
from coffeechat.domain.types import Stage
from coffeechat.services import conversations as service
from coffeechat.services.accounts import ensure_profile
from coffeechat.services.errors import InvalidInput
from coffeechat.services.event_forms import EventForm
from coffeechat.services.forms import ConversationEditForm, ConversationForm, NoteForm
from coffeechat.web.views.common import now, owned_or_404, save_or_show_errors
from coffeechat.web.views.prep import plan_context  # prep area

# The happy path shown as a stepper at the top of a conversation.
JOURNEY = [
    Stage.PLANNED,
    Stage.REQUESTED,
    Stage.REPLIED,
    Stage.SCHEDULED,
    Stage.HELD,
    Stage.THANKED,
]
STAGE_NAMES = {
    Stage.PLANNED: "Planned",
    Stage.REQUESTED: "Requested",
    Stage.REPLIED: "Replied",
    Stage.SCHEDULED: "Scheduled",
    Stage.HELD: "Held",
    Stage.THANKED: "Thanked",
}


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


def _stepper(conversation: Conversation) -> list[dict[str, object]]:
    stage = Stage(conversation.stage)
    position = JOURNEY.index(stage) if stage in JOURNEY else None
    if stage is Stage.FOLLOWED_UP:
        position = 1
    steps = []
    for index, step in enumerate(JOURNEY):
        state = ""
        if position is not None:
            state = "done" if index < position else "current" if index == position else ""
        steps.append({"name": STAGE_NAMES[step], "state": state})
    return steps


def _event_forms(conversation: Conversation, zone: str) -> list[dict[str, object]]:
    forms = []
    for event in allowed_events(Stage(conversation.stage)):
        form = EventForm(initial={"type": event.value, "time_zone": zone}, user_zone=zone)
        forms.append({"event": event.value, "label": EVENT_LABELS[event], "form": form})
    return forms


@login_required
def conversation_detail(
    request: HttpRequest,
    pk: int,
    event_form: EventForm | None = None,
    note_form: NoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    conversation = owned_or_404(request.user, Conversation, pk)
    profile = ensure_profile(request.user)
    draft = conversation.messages.filter(sent_at__isnull=True, deleted_at__isnull=True).first()
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "stepper": _stepper(conversation),
        "events": _event_forms(conversation, profile.time_zone),
        "failed_event": event_form,
        "draft": draft,
        "sent_messages": conversation.messages.filter(
            sent_at__isnull=False, deleted_at__isnull=True
        ),
        "notes": conversation.notes.filter(deleted_at__isnull=True),
        "note_form": note_form or NoteForm(),
        "section": "web:conversations",
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
def conversation_draft(request: HttpRequest, pk: int) -> HttpResponse:
    owned_or_404(request.user, Conversation, pk)
    try:
        service.save_draft(request.user, pk, request.POST)
    except InvalidInput as exc:
        messages.error(request, f"Draft not saved: {exc.summary()}")
    else:
        messages.success(request, "Draft saved. Send it from your mail app, then mark it sent.")
    return redirect(reverse("web:conversation", args=[pk]) + "#outreach")


@login_required
@require_POST
def conversation_note(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        service.add_note(request.user, pk, request.POST)
    except InvalidInput as exc:
        return conversation_detail(request, pk, note_form=exc.form, status=422)
    messages.success(request, "Note added.")
    return redirect(reverse("web:conversation", args=[pk]) + "#notes")

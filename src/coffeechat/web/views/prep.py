"""Preparing a conversation: the plan editor (htmx, with a plain-form fallback) and the brief."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import InvalidInput
from coffeechat.services.prep import plans
from coffeechat.services.prep.brief import brief_for, brief_markdown
from coffeechat.services.prep.forms import PitchForm
from coffeechat.services.prep.page import plan_editor


def plan_context(user: Any, conversation: Any) -> dict[str, object]:
    """What the plan editor partial needs; the conversation page includes it too."""
    editor = plan_editor(user, conversation)
    return {"plan_view": editor.view, "plan": editor.plan, "offer": editor.offer}


def _plan_response(request: HttpRequest, conversation_id: int, error: str = "") -> HttpResponse:
    if request.htmx:
        conversation = owned_conversation(request.user, conversation_id)
        context = {"conversation": conversation, "plan_error": error}
        context.update(plan_context(request.user, conversation))
        # 200 even for refused input: htmx does not swap 4xx answers by default, and
        # the partial carries the message where the user is looking.
        return render(request, "web/prep/_plan_editor.html", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("web:conversation", args=[conversation_id]) + "#plan")


@login_required
@require_POST
def plan_add(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        plans.add_question(request.user, pk, request.POST.get("question"))
    except InvalidInput as exc:
        return _plan_response(request, pk, f"Not added: {exc.summary()}")
    return _plan_response(request, pk)


@login_required
@require_POST
def plan_remove(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    plans.remove_line(request.user, pk, line)
    return _plan_response(request, pk)


@login_required
@require_POST
def plan_move(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    try:
        plans.move_line(request.user, pk, line, request.POST.get("direction", ""))
    except InvalidInput as exc:
        return _plan_response(request, pk, exc.summary())
    return _plan_response(request, pk)


@login_required
@require_POST
def plan_minutes(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    """Give one question more or fewer minutes than the bank's estimate (empty resets)."""
    try:
        plans.set_line(request.user, pk, line, {"minutes": request.POST.get("minutes", "")})
    except InvalidInput as exc:
        return _plan_response(request, pk, exc.summary())
    return _plan_response(request, pk)


@login_required
def brief(
    request: HttpRequest, pk: int, pitch_form: PitchForm | None = None, status: int = 200
) -> HttpResponse:
    data = brief_for(request.user, pk)
    profile = data.profile
    form = pitch_form or PitchForm(
        initial={"elevator_pitch": profile.elevator_pitch, "why_this_field": profile.why_this_field}
    )
    context = {"brief": data, "conversation": data.conversation, "contact": data.contact}
    context.update({"pitch_form": form, "plan": data.plan.plan, "section": "web:conversations"})
    return render(request, "web/prep/brief.html", context, status=status)


@login_required
def brief_download(request: HttpRequest, pk: int) -> HttpResponse:
    data = brief_for(request.user, pk)
    response = HttpResponse(brief_markdown(data), content_type="text/markdown; charset=utf-8")
    name = slugify(data.contact.name) or "contact"
    response["Content-Disposition"] = f'attachment; filename="brief-{name}.md"'
    return response


@login_required
@require_POST
def brief_answers(request: HttpRequest, pk: int) -> HttpResponse:
    owned_conversation(request.user, pk)
    form = PitchForm(request.POST)
    if not form.is_valid():
        # Shown again with what was typed, so nothing is lost.
        return brief(request, pk, pitch_form=form, status=422)
    crm.update_profile(request.user, form.as_data(), partial=True)
    messages.success(request, "Your two-minute answers are saved in your profile.")
    return redirect(reverse("web:brief", args=[pk]) + "#answers")

"""Interview mode: one focused page for the conversation itself.

Every control is a plain form that works without JavaScript; interview.js
adds the running timer, autosave of the note boxes and in-place updates.
Requests from that script ask for JSON (``Accept: application/json``).
"""

import json
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.domain.dates import say_day
from coffeechat.domain.interview import HINTS, PHASE_LABELS, Phase, clock_state, phase_spans
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import label
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations import interview as service
from coffeechat.services.conversations import queries
from coffeechat.services.errors import InvalidInput
from coffeechat.services.prep import plans
from coffeechat.services.prep.forms import AdviceForm, ReferralForm
from coffeechat.services.today.due_list import rule_settings
from coffeechat.web.views.common import now


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(pk: int, anchor: str = "") -> HttpResponse:
    return redirect(reverse("web:interview", args=[pk]) + (f"#{anchor}" if anchor else ""))


def _cards(view: plans.PlanView, notes: dict[int, Any]) -> dict[str, list[dict]]:
    fitted, extra = [], []
    for line in view.plan.lines:
        row = view.row(line)
        fitted.append({"line": line, "row": row, "note": notes.get(row.question_id)})
    for gap in view.plan.left_out:
        row = view.row(gap)
        extra.append({"gap": gap, "row": row, "note": notes.get(row.question_id)})
    return {"fitted": fitted, "extra": extra}


def _timer(view: plans.PlanView, conversation: Any) -> dict[str, Any]:
    spans = phase_spans(view.plan)
    length = view.plan.length
    started = conversation.interview_started_at
    # Once held, the clock stops at the end instead of counting overtime forever.
    ended = conversation.held_at if started and conversation.held_at else None
    ended = ended if ended and ended >= started else None
    state = None
    if started is not None:
        state = clock_state(spans, length, int(((ended or now()) - started).total_seconds()))
    data = {
        "length": length,
        "started": started.isoformat() if started else None,
        "ended": ended.isoformat() if ended else None,
        "spans": [
            {
                "phase": s.phase.value,
                "label": s.label,
                "hint": s.hint,
                "start": s.start,
                "end": s.end,
            }
            for s in spans
        ],
        "overtime": {"label": PHASE_LABELS[Phase.OVERTIME], "hint": HINTS[Phase.OVERTIME]},
    }
    bar = [
        {"phase": s.phase.value, "label": s.label, "pct": _percent(s.end - s.start, length)}
        for s in spans
    ]
    return {
        "spans": spans,
        "bar": bar,
        "state": state,
        "ended": ended,
        "timer_json": json.dumps(data),
    }


def _percent(part: int, whole: int) -> str:
    # A dot as decimal separator whatever the locale: it goes into a style attribute.
    return f"{part * 100 / whole:.3f}" if whole else "0"


@login_required
def interview(
    request: HttpRequest, pk: int, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    conversation = queries.owned_conversation(request.user, pk)
    view = plans.plan_for(request.user, conversation)
    cards = _cards(view, queries.question_notes(request.user, conversation))
    open_cards = [card for card in cards["fitted"] if not card["row"].asked]
    due = timezone.localdate() + timedelta(days=7)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "plan": view.plan,
        "cards": cards,
        "now_card": open_cards[0] if open_cards else None,
        "next_card": open_cards[1] if len(open_cards) > 1 else None,
        "general_note": service.note_for(conversation, None),
        "general": service.GENERAL,
        "can_end": conversation.stage == Stage.SCHEDULED,
        "can_start_unbooked": service.can_start_unbooked(conversation),
        "held": conversation.held_at is not None,
        "referral_form": ReferralForm(),
        "advice_form": AdviceForm(initial={"due": due, "kind": "course"}),
        "referrals": queries.referrals_via(request.user, conversation),
        "advice": queries.action_items_of(request.user, conversation),
        "section": "web:conversations",
    }
    context.update(forms or {})
    context.update(_timer(view, conversation))
    return render(request, "web/conversations/interview.html", context, status=status)


@login_required
@require_POST
def interview_start(request: HttpRequest, pk: int) -> HttpResponse:
    restart = request.POST.get("restart") == "1"
    conversation = service.start_clock(request.user, pk, now(), restart=restart)
    if _wants_json(request):
        return JsonResponse({"started": conversation.interview_started_at.isoformat()})
    return _back(pk)


@login_required
@require_POST
def interview_start_unbooked(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        conversation = service.start_unbooked(request.user, pk, now())
    except InvalidInput as exc:
        messages.error(request, f"Not started: {exc.summary()}")
        return _back(pk)
    start = conversation.starts_at
    messages.success(
        request,
        f"Booked as now ({start:%H:%M} your time, {conversation.planned_minutes} min); "
        "the clock is running.",
    )
    return _back(pk)


@login_required
@require_POST
def interview_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Autosave (JSON) or the Save button (form) of one question's note box."""
    question = request.POST.get("question", "")
    text = request.POST.get("text", "")
    try:
        base = request.POST.get("base")  # sent by the last-moment beacon only
        note = service.save_note(request.user, pk, question, text, now(), base=base)
    except InvalidInput as exc:
        if _wants_json(request):
            return JsonResponse({"message": exc.summary(), "errors": exc.errors}, status=422)
        messages.error(request, f"Note not saved: {exc.summary()}")
        return _back(pk, f"q{question}")
    saved_at = timezone.localtime(note.updated_at if note else now())
    if _wants_json(request):
        return JsonResponse(
            {
                "saved": True,
                "text": note.text if note else "",
                "highlight": bool(note and note.highlight),
                "saved_at": saved_at.isoformat(),
                "saved_clock": saved_at.strftime("%H:%M"),
            }
        )
    messages.success(request, f"Note saved {saved_at:%H:%M}.")
    return _back(pk, f"q{question}")


@login_required
@require_POST
def interview_highlight(request: HttpRequest, pk: int) -> HttpResponse:
    question = request.POST.get("question", "")
    on = request.POST.get("on", "1") == "1"
    try:
        note = service.set_highlight(request.user, pk, question, on)
    except InvalidInput as exc:
        if _wants_json(request):
            return JsonResponse({"message": exc.summary()}, status=422)
        messages.error(request, exc.summary())
        return _back(pk, f"q{question}")
    if _wants_json(request):
        return JsonResponse({"highlight": note.highlight})
    word = "Highlighted for the thank-you." if note.highlight else "Highlight removed."
    messages.success(request, word)
    return _back(pk, f"q{question}")


@login_required
@require_POST
def interview_asked(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    asked = request.POST.get("asked", "1") == "1"
    plans.set_line(request.user, pk, line, {"asked": asked})
    if _wants_json(request):
        return JsonResponse({"asked": asked})
    return _back(pk, f"line{line}")


@login_required
@require_POST
def interview_referral(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        referral = service.capture_referral(request.user, pk, request.POST)
    except InvalidInput as exc:
        return interview(
            request, pk, forms={"referral_form": exc.form, "open": "referral"}, status=422
        )
    person = referral.to_contact
    messages.success(
        request,
        f"{person.name} added, introduced by {referral.from_contact.name}. "
        "Today will remind you to reach out.",
    )
    return _back(pk, "capture")


@login_required
@require_POST
def interview_advice(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = service.capture_advice(request.user, pk, request.POST)
    except InvalidInput as exc:
        return interview(request, pk, forms={"advice_form": exc.form, "open": "advice"}, status=422)
    when = f", due {say_day(item.due, now().date())}" if item.due else ""
    messages.success(request, f"Action item added ({label(item.kind)}{when}).")
    return _back(pk, "capture")


@login_required
@require_POST
def interview_end(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        service.end_interview(request.user, pk, now())
    except InvalidInput as exc:
        messages.error(request, f"Not ended: {exc.summary()}")
        return _back(pk)
    hours = rule_settings(ensure_profile(request.user)).thank_within_hours
    messages.success(
        request,
        f"Interview held. Thank them within {hours} hours and name a point you highlighted.",
    )
    # The next step is the thank-you, drafted with the highlighted points.
    return redirect(reverse("web:composer", args=[pk]) + "?kind=thank-you")

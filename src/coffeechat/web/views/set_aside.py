"""Snooze, dismiss and undo Today actions, and the history of what was set aside."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.today import step_decisions as service
from coffeechat.web.views.common import now


@login_required
@require_POST
def snooze(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("until", "").strip()
    try:
        until = date.fromisoformat(text) if text else None
    except ValueError:
        messages.error(request, f"Snooze until: “{text}” is not a date. Nothing changed.")
        return redirect("web:today")
    try:
        decision = service.snooze(request.user, request.POST.get("key", ""), until, now())
    except InvalidInput as exc:
        messages.error(request, f"{exc.summary()} Nothing changed.")
        return redirect("web:today")
    messages.success(request, f"Snoozed until {decision.until:%Y-%m-%d}: {decision.title}")
    return redirect("web:today")


@login_required
@require_POST
def dismiss(request: HttpRequest) -> HttpResponse:
    try:
        decision = service.dismiss(
            request.user, request.POST.get("key", ""), request.POST.get("reason", ""), now()
        )
    except InvalidInput as exc:
        messages.error(request, f"{exc.summary()} Nothing changed.")
        return redirect("web:today")
    messages.success(request, f"Dismissed: {decision.title}. Undo it under Snoozed and dismissed.")
    return redirect("web:today")


@login_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        decision = service.undo(request.user, pk, now())
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    messages.success(request, f"Back on Today: {decision.title}")
    return redirect("web:set_aside")


@login_required
def set_aside(request: HttpRequest) -> HttpResponse:
    context = {"decisions": service.history(request.user), "now": now()}
    return render(request, "web/today/set_aside.html", context)

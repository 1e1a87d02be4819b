"""Reflection pages: a path's fit with cited evidence, the comparison, the guide."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.domain.reflection import MAX_RATING, MIN_RATING
from coffeechat.domain.vocabulary import PathStatus, choices
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.reflection import paths as service
from coffeechat.services.reflection import self_reflection
from coffeechat.web.views.common import now

RATING_CHOICES = list(range(MIN_RATING, MAX_RATING + 1))


def _reflection(user: Any, pk: int) -> service.PathReflection:
    try:
        return service.reflect_on_path(user, pk)
    except NotFound as exc:
        raise Http404(str(exc)) from exc


def _form_rows(
    reflection: service.PathReflection, posted: Any, errors: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Each criterion with the rating and notes to show: what was posted, else what is saved."""
    rows = []
    for view in reflection.rows:
        key = view.field
        if posted is not None and key in posted.getlist("criterion"):
            raw = posted.get(f"score:{key}", "")
            score = int(raw) if raw.isdigit() else None
            cited = {int(i) for i in posted.getlist(f"notes:{key}") if i.isdigit()}
        else:
            score, cited = view.row.score, set(view.row.note_ids)
        rows.append(
            {"view": view, "key": key, "score": score, "cited": cited, "errors": errors.get(key)}
        )
    return rows


def _page(request: HttpRequest, pk: int, *, status: int = 200, **extra: Any) -> HttpResponse:
    reflection = _reflection(request.user, pk)
    posted = extra.get("posted") if "errors" in extra else None
    context = {
        "r": reflection,
        "form_rows": _form_rows(reflection, posted, extra.get("errors", {})),
        "ratings": RATING_CHOICES,
        "statuses": choices(PathStatus),
        "section": "web:paths",
        "errors": {},
        **extra,
    }
    return render(request, "web/reflection/reflection.html", context, status=status)


@login_required
def path_reflection(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, pk)


@login_required
@require_POST
def save_ratings(request: HttpRequest, pk: int) -> HttpResponse:
    items = []
    for key in request.POST.getlist("criterion"):
        kind, _, name = key.partition(":")
        items.append(
            {
                "kind": kind,
                "name": name,
                "score": request.POST.get(f"score:{key}", ""),
                "note_ids": request.POST.getlist(f"notes:{key}"),
            }
        )
    try:
        fit = service.save_ratings(request.user, pk, items)
    except InvalidInput as exc:
        return _page(request, pk, status=422, errors=exc.errors, posted=request.POST)
    score = f"{fit.score:.1f} / 5" if fit.score is not None else "not rated yet"
    messages.success(request, f"Ratings saved. Fit: {score}.")
    return redirect(reverse("web:path_reflection", args=[pk]) + "#fit")


@login_required
@require_POST
def review_path(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        decision = service.review_path(request.user, pk, request.POST, now())
    except InvalidInput as exc:
        return _page(request, pk, status=422, review_errors=exc.errors, posted=request.POST)
    messages.success(request, f"Review recorded: {decision.get_status_display().lower()}.")
    return redirect(reverse("web:path_reflection", args=[pk]) + "#decisions")


@login_required
@require_POST
def add_open_question(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        service.add_open_question(request.user, pk, request.POST)
    except InvalidInput as exc:
        return _page(request, pk, status=422, question_errors=exc.errors, posted=request.POST)
    messages.success(request, "Open question added.")
    return redirect(reverse("web:path_reflection", args=[pk]) + "#open-questions")


@login_required
@require_POST
def answer_open_question(request: HttpRequest, pk: int) -> HttpResponse:
    answered = request.POST.get("answered") == "1"
    try:
        question = service.set_question_answered(request.user, pk, answered, now())
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    target = reverse("web:path_reflection", args=[question.career_path_id])
    return redirect(target + "#open-questions")


@login_required
def compare_paths(request: HttpRequest) -> HttpResponse:
    chosen = [int(i) for i in request.GET.getlist("path") if i.isdigit()]
    try:
        comparison = service.compare_paths(request.user, chosen or None)
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    context = {"comparison": comparison, "section": "web:paths"}
    return render(request, "web/reflection/compare_paths.html", context)


@login_required
def self_reflection_guide(request: HttpRequest) -> HttpResponse:
    answers = self_reflection.guide_answers(request.user)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        try:
            revision = self_reflection.save_guide(request.user, request.POST)
        except InvalidInput as exc:
            errors, status = exc.errors, 422
            answers = self_reflection.GuideAnswers(
                **{f: request.POST.get(f, "") for f in self_reflection.GUIDE_FIELDS}
            )
        else:
            text = "Profile updated from your answers." if revision else "Nothing changed."
            messages.success(request, text)
            return redirect("web:self_reflection")
    context = {
        "answers": answers,
        "errors": errors,
        "history": self_reflection.profile_history(request.user),
        "profile": ensure_profile(request.user),
        "section": "web:profile",
    }
    return render(request, "web/reflection/self_reflection.html", context, status=status)

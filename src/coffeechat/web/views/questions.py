"""The question bank page: browse by category and TIARA, search, add, edit, hide, delete."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.domain.vocabulary import QuestionCategory, Tiara, choices
from coffeechat.services.errors import InvalidInput
from coffeechat.services.prep import questions as service
from coffeechat.services.prep.forms import QuestionForm
from coffeechat.web.views.common import now, save_or_show_errors


@login_required
def question_bank(request: HttpRequest) -> HttpResponse:
    service.ensure_question_bank(request.user)
    filters = {
        "category": request.GET.get("category", ""),
        "tiara": request.GET.get("tiara", ""),
        "query": request.GET.get("q", "").strip(),
        "show": request.GET.get("show", "visible"),
    }
    rows = list(service.bank(request.user, **filters))
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(row.category, []).append(row)
    context = {
        "groups": [(category, groups[category]) for category in groups],
        "total": len(rows),
        "filters": filters,
        "categories": choices(QuestionCategory),
        "tiaras": choices(Tiara),
        "section": "web:questions",
    }
    return render(request, "web/prep/questions.html", context)


@login_required
def question_create(request: HttpRequest) -> HttpResponse:
    initial = {"category": request.GET.get("category") or QuestionCategory.PATH, "minutes": 3}
    return save_or_show_errors(
        request,
        save=lambda: service.create_question(request.user, request.POST),
        blank_form=lambda: QuestionForm(initial=initial),
        success=lambda q: reverse("web:questions") + f"?category={q.category}#q{q.pk}",
        message=lambda q: "Question added to your bank.",
        heading="Add a question",
        intro="Ask what only this person can tell you: their path, their week, their view.",
        back_url=reverse("web:questions"),
        back_label="Question bank",
        submit_label="Add question",
    )


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = service.get_question(request.user, pk)
    return save_or_show_errors(
        request,
        save=lambda: service.update_question(request.user, pk, request.POST),
        blank_form=lambda: QuestionForm(instance=question),
        success=lambda q: reverse("web:questions") + f"?category={q.category}#q{q.pk}",
        message=lambda q: "Question saved.",
        heading="Edit question",
        intro="Built-in questions can be reworded; your wording is kept."
        if question.builtin
        else "",
        back_url=reverse("web:questions"),
        back_label="Question bank",
    )


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("web:questions")
    return redirect(target)


@login_required
@require_POST
def question_hide(request: HttpRequest, pk: int) -> HttpResponse:
    hidden = request.POST.get("hidden", "1") == "1"
    question = service.set_hidden(request.user, pk, hidden)
    word = (
        "hidden: it no longer appears in the bank or the plan picker" if hidden else "shown again"
    )
    messages.success(request, f"“{question.text[:60]}” {word}.")
    return _back(request)


@login_required
@require_POST
def question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        question = service.trash_question(request.user, pk, now())
    except InvalidInput as exc:
        messages.error(request, exc.summary())
    else:
        messages.success(request, f"“{question.text[:60]}” moved to the trash.")
    return _back(request)

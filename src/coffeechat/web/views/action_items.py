"""The action items page: tasks from advice, and skills heard but not in the profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.domain.vocabulary import ActionItemKind, choices
from coffeechat.services.conversations import action_items as service
from coffeechat.services.conversations.queries import owned_action_item
from coffeechat.services.errors import InvalidInput
from coffeechat.web.views.common import now, save_or_show_errors


@login_required
def action_item_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in {k.value for k in ActionItemKind}:
        kind = ""
    form = service.ActionItemForm(user=request.user, initial=_initial(request))
    status = 200
    if request.method == "POST":
        try:
            item = service.create_action_item(request.user, request.POST)
        except InvalidInput as exc:
            form, status = exc.form, 422
        else:
            messages.success(request, f"Added: {item.text}")
            return redirect(reverse("web:action_items") + (f"?kind={kind}" if kind else ""))
    context = {
        "open_items": service.action_items(request.user, kind=kind),
        "done_items": service.action_items(request.user, kind=kind, done=True)[:50],
        "kinds": choices(ActionItemKind),
        "kind": kind,
        "form": form,
        "suggestions": service.skill_suggestions(request.user),
        "today": now().date(),
    }
    return render(request, "web/reflection/action_items.html", context, status=status)


def _initial(request: HttpRequest) -> dict[str, object]:
    initial: dict[str, object] = {}
    for name in ("text", "kind", "career_path", "conversation"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    return initial


@login_required
def action_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = owned_action_item(request.user, pk)
    return save_or_show_errors(
        request,
        save=lambda: service.update_action_item(request.user, pk, request.POST),
        blank_form=lambda: service.ActionItemForm(instance=item, user=request.user),
        success=lambda saved: reverse("web:action_items"),
        message=lambda saved: "Changes saved.",
        heading="Edit action item",
        back_url=reverse("web:action_items"),
        back_label="Action items",
    )


@login_required
@require_POST
def action_item_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    done = request.POST.get("done") == "1"
    item = service.set_action_item_done(request.user, pk, done, now())
    messages.success(request, f"{'Done' if done else 'Open again'}: {item.text}")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("web:action_items")
    return redirect(target)

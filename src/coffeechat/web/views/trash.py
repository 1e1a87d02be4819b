"""Deleting (with a confirmation page, no JavaScript needed), the trash, restoring."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.services.contacts import actions as crm
from coffeechat.services.data import queries, trash
from coffeechat.web.views.common import now

KIND_LABELS = trash.LABELS
_LISTS = {
    "career_path": "web:paths",
    "organization": "web:organizations",
    "contact": "web:contacts",
    "conversation": "web:conversations",
    "action_item": "web:action_items",
    "template": "web:templates",
    "question": "web:questions",
}


@login_required
def trash_list(request: HttpRequest) -> HttpResponse:
    """Opening the trash first empties what is past its 30 days."""
    moment = now()
    trash.purge_trash(moment, user=request.user)
    items = trash.trashed_items(request.user, now=moment)
    rows = [{"entry": entry, "days_left": entry.days_left(moment)} for entry in items]
    return render(request, "web/data/trash.html", {"rows": rows, "retention": trash.RETENTION.days})


@login_required
def move_to_trash(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST moves the row to the trash."""
    item = queries.trashable(request.user, kind, pk)
    back = _back_url(kind, item)
    if request.method != "POST":
        context = {
            "kind": kind,
            "label": KIND_LABELS[kind].lower(),
            "title": trash.describe(kind, item),
            "consequences": queries.trash_consequences(request.user, item),
            "cancel_url": _detail_url(kind, item) or back,
            "next": request.GET.get("next", ""),
            "retention": trash.RETENTION.days,
        }
        return render(request, "web/data/trash_confirm.html", context)
    crm.move_to_trash(request.user, kind, pk, now())
    messages.success(
        request,
        f"{KIND_LABELS[kind]} “{trash.describe(kind, item)}” moved to the trash. "
        f"You can restore it from the trash for {trash.RETENTION.days} days.",
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = back
    return redirect(target)


@login_required
@require_POST
def restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = trash.restore(request.user, kind, pk, now())
    messages.success(request, f"{KIND_LABELS[kind]} “{trash.describe(kind, item)}” restored.")
    return redirect("web:trash")


def _back_url(kind: str, item: Any) -> str:
    """Where to land after deleting: the list the row was in (a note: its conversation)."""
    if kind == "note" and item.conversation_id:
        return reverse("web:conversation", args=[item.conversation_id]) + "#notes"
    return reverse(_LISTS.get(kind, "web:trash"))


def _detail_url(kind: str, item: Any) -> str:
    names = {
        "career_path": "web:path",
        "organization": "web:organization",
        "contact": "web:contact",
        "conversation": "web:conversation",
    }
    if kind in names:
        return reverse(names[kind], args=[item.pk])
    return ""

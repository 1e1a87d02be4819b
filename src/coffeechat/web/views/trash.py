from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.services import crm
from coffeechat.web.views.common import now

KIND_LABELS = {
    "career_path": "Career path",
    "organization": "Organization",
    "contact": "Contact",
    "conversation": "Conversation",
    "note": "Note",
    # reflection (issue 6)
    "action_item": "Action item",
    "open_question": "Open question",
    # outreach
    "template": "Template",
}
KIND_LABELS["question"] = "Question"  # prep area


@login_required
def trash_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for kind, model in crm.TRASHABLE.items():
        for item in model.objects.trashed_for_user(request.user).order_by("-deleted_at")[:200]:
            rows.append({"kind": kind, "label": KIND_LABELS[kind], "item": item})
    rows.sort(key=lambda row: row["item"].deleted_at, reverse=True)
    return render(request, "web/trash.html", {"rows": rows})


@login_required
@require_POST
def move_to_trash(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = crm.move_to_trash(request.user, kind, pk, now())
    messages.success(
        request, f"{KIND_LABELS[kind]} “{item}” moved to the trash. You can restore it there."
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("web:trash")
    return redirect(target)


@login_required
@require_POST
def restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = crm.restore_from_trash(request.user, kind, pk)
    messages.success(request, f"{KIND_LABELS[kind]} “{item}” restored.")
    return redirect("web:trash")

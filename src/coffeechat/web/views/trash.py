"""Deleting (with a confirmation page, no JavaScript needed), the trash, restoring."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.core.models import Contact, Conversation, Note, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data import trash
from coffeechat.web.views.common import now, owned_or_404

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
    items = trash.trashed_items(request.user)
    rows = [{"entry": entry, "days_left": entry.days_left(moment)} for entry in items]
    return render(request, "web/trash.html", {"rows": rows, "retention": trash.RETENTION.days})


@login_required
def move_to_trash(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST moves the row to the trash."""
    model = crm.TRASHABLE.get(kind)
    if model is None:
        raise Http404(f"'{kind}' cannot be deleted.")
    item = owned_or_404(request.user, model, pk)
    back = _back_url(kind, item)
    if request.method != "POST":
        context = {
            "kind": kind,
            "label": KIND_LABELS[kind].lower(),
            "title": trash.describe(kind, item),
            "consequences": _consequences(request.user, kind, item),
            "cancel_url": _detail_url(kind, item) or back,
            "next": request.GET.get("next", ""),
            "retention": trash.RETENTION.days,
        }
        return render(request, "web/trash_confirm.html", context)
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


def _back_url(kind: str, item: object) -> str:
    """Where to land after deleting: the list the row was in (a note: its conversation)."""
    if isinstance(item, Note) and item.conversation_id:
        return reverse("web:conversation", args=[item.conversation_id]) + "#notes"
    return reverse(_LISTS.get(kind, "web:trash"))


def _detail_url(kind: str, item: object) -> str:
    names = {
        "career_path": "web:path",
        "organization": "web:organization",
        "contact": "web:contact",
        "conversation": "web:conversation",
    }
    if kind in names:
        return reverse(names[kind], args=[item.pk])  # type: ignore[attr-defined]
    return ""


def _consequences(user: object, kind: str, item: object) -> list[str]:
    """What else the user will stop seeing, in plain words."""
    if isinstance(item, Contact):
        count = Conversation.objects.for_user(user).filter(contact=item).count()
        if count:
            return [
                f"Their {count} conversation{'s' if count != 1 else ''} will be hidden with them."
            ]
    if isinstance(item, Organization):
        count = Contact.objects.for_user(user).filter(organization=item).count()
        if count:
            return [f"The {count} contact{'s' if count != 1 else ''} there stay in your contacts."]
    if isinstance(item, Conversation):
        notes = Note.objects.for_user(user).filter(conversation=item).count()
        if notes:
            return [f"Its {notes} note{'s' if notes != 1 else ''} will be hidden with it."]
    return []

"""Merge a duplicate into a contact: choose it, see what moves, confirm; undo later."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services.contacts import merge as contact_merge
from coffeechat.services.contacts import queries
from coffeechat.services.contacts import search as contact_search
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.web.views.common import now

CANDIDATES = 20


@login_required
def choose(request: HttpRequest, pk: int) -> HttpResponse:
    """Find the duplicate: by default people with the same name, else what was typed."""
    contact = queries.owned_contact(request.user, pk)
    query = request.GET.get("q", "").strip() or contact.name
    found = contact_search.search_contacts(
        request.user, contact_search.ContactFilters(q=query), page_size=CANDIDATES + 1
    )
    candidates = [c for c in found.page.object_list if c.pk != contact.pk][:CANDIDATES]
    context = {
        "contact": contact,
        "query": query,
        "candidates": candidates,
        "section": "web:contacts",
    }
    return render(request, "web/contacts/contact_merge_choose.html", context)


@login_required
def confirm(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    try:
        plan = contact_merge.plan_merge(request.user, pk, other)
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    except InvalidInput as exc:
        messages.error(request, exc.summary())
        return redirect("web:contact_merge", pk)
    if request.method == "POST":
        contact_merge.merge_contacts(request.user, pk, other, now())
        messages.success(
            request,
            f"{plan.merged.name} merged into {plan.kept.name}. The duplicate is in the trash; "
            "undo below if this was a mistake.",
        )
        return redirect("web:contact", pk)
    return render(
        request,
        "web/contacts/contact_merge_confirm.html",
        {"plan": plan, "section": "web:contacts"},
    )


@login_required
@require_POST
def undo(request: HttpRequest, merge_id: int) -> HttpResponse:
    try:
        merge = contact_merge.undo_merge(request.user, merge_id, now())
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    except InvalidInput as exc:
        messages.error(request, exc.summary())
        return redirect("web:contacts")
    messages.success(request, f"Merge undone: {merge.merged.name} is back, with what moved.")
    return redirect("web:contact", merge.kept_id)

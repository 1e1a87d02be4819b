"""The Network page: who is due or overdue for an update, a page at a time."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.services.contacts import network as service
from coffeechat.web.views.common import now, pager

# Each section pages on its own address parameter, so paging one keeps the other.
DUE_PARAM, ON_TRACK_PARAM = "due", "on_track"


@login_required
def network_list(request: HttpRequest) -> HttpResponse:
    page = service.network_page(
        request.user,
        now(),
        due_page=request.GET.get(DUE_PARAM, 1),
        on_track_page=request.GET.get(ON_TRACK_PARAM, 1),
    )
    context = {
        "network": page,
        "due_pager": pager(request, page.due_section.page, DUE_PARAM),
        "on_track_pager": pager(request, page.on_track_section.page, ON_TRACK_PARAM),
    }
    return render(request, "web/contacts/network.html", context)

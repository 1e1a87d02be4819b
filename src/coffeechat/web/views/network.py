"""The Network page: who is due or overdue for an update."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.domain.nurture import CadenceState
from coffeechat.services import network as service
from coffeechat.web.views.common import now


@login_required
def network_list(request: HttpRequest) -> HttpResponse:
    entries = service.network(request.user, now())
    due = [e for e in entries if e.cadence.state is not CadenceState.ON_TRACK]
    on_track = [e for e in entries if e.cadence.state is CadenceState.ON_TRACK]
    return render(request, "web/network.html", {"due": due, "on_track": on_track})

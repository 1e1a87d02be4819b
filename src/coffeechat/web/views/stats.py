"""Statistics: the campaign's figures as pictures (placeholder until the charts land)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    return render(request, "web/statistics.html", {"section": "web:statistics"})

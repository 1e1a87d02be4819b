"""Insights: search every note, filter by path, organization, tag or highlight; see the themes."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from coffeechat.services.errors import InvalidInput
from coffeechat.services.reflection.insights import NoteSearchForm, filters_from, search_notes
from coffeechat.services.reflection.queries import has_notes

_FILTER_KEYS = ("q", "path", "organization", "tag", "highlight")


@login_required
def insights(request: HttpRequest) -> HttpResponse:
    form = NoteSearchForm(request.GET or None, user=request.user)
    context: dict[str, object] = {"form": form, "section": "web:insights"}
    try:
        filters, page = filters_from(request.user, request.GET)
    except InvalidInput:
        # The form carries its own messages; nothing is searched with bad filters.
        return render(request, "web/reflection/insights.html", context, status=400)
    result = search_notes(request.user, filters, page)
    kept = {key: request.GET[key] for key in _FILTER_KEYS if request.GET.get(key)}
    context.update(
        result=result,
        # Built by marked_html: every character of the note is escaped, only <mark> added.
        snippets={hit.note_id: mark_safe(hit.snippet_html) for hit in result.hits},  # noqa: S308
        page_query=urlencode(kept),
        tag_query=urlencode({k: v for k, v in kept.items() if k != "tag"}),
        has_notes=result.total > 0 or has_notes(request.user),
    )
    return render(request, "web/reflection/insights.html", context)

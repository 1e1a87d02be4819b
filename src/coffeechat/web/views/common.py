"""What the HTML views share: the form page, the create/edit flow and the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from coffeechat.services.errors import InvalidInput


def now() -> datetime:
    """The request's clock; views pass it to services, which never read the time."""
    return timezone.now()


def pager(request: HttpRequest, page: Page[Any], param: str = "page") -> dict[str, Any] | None:
    """What ``web/_pager.html`` shows for ``page``: None when it all fits on one.

    The links keep every other parameter of the address, so paging one section
    of a page leaves the others (and any filter) where they were.
    """
    if page.paginator.num_pages < 2:
        return None

    def link(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
        return f"?{query.urlencode()}"

    return {
        "page": page,
        "first": page.start_index(),
        "last": page.end_index(),
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "next": link(page.next_page_number()) if page.has_next() else None,
    }


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    heading: str,
    back_url: str,
    back_label: str,
    submit_label: str = "Save",
    intro: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "heading": heading,
        "back_url": back_url,
        "back_label": back_label,
        "submit_label": submit_label,
        "intro": intro,
    }
    return render(request, "web/form_page.html", context, status=status)


def save_or_show_errors(
    request: HttpRequest,
    *,
    save: Callable[[], Any],
    blank_form: Callable[[], Any],
    success: Callable[[Any], str],
    message: Callable[[Any], str],
    **page: Any,
) -> HttpResponse:
    """GET shows the form; POST calls the service, then redirects or re-shows with errors.

    The service validates; on InvalidInput nothing was written, and the bound
    form inside the error carries the user's input back so nothing typed is lost.
    """
    if request.method != "POST":
        return form_page(request, blank_form(), **page)
    try:
        saved = save()
    except InvalidInput as exc:
        return form_page(request, exc.form or blank_form(), status=422, **page)
    messages.success(request, message(saved))
    return redirect(success(saved))

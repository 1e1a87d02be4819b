"""The Templates page: list, add, edit, hide and trash message templates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.domain.templates import FIELDS
from coffeechat.services.outreach import templates as service
from coffeechat.services.outreach.queries import owned_template
from coffeechat.web.views.common import form_page


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    context = {
        "templates": service.list_templates(request.user),
        "fields": FIELDS,
        "section": "web:templates",
    }
    return render(request, "web/outreach/templates.html", context)


def _edit(request: HttpRequest, template: Any | None) -> HttpResponse:
    heading = f"Edit “{template.name}”" if template else "New template"
    page = {
        "heading": heading,
        "back_url": reverse("web:templates"),
        "back_label": "Templates",
        "intro": "Merge fields: " + ", ".join("{" + name + "}" for name in FIELDS),
    }
    if request.method == "POST":
        try:
            service.save_template(request.user, request.POST, template.pk if template else None)
        except service.InvalidInput as exc:
            return form_page(request, exc.form, status=422, **page)
        messages.success(request, "Template saved.")
        return redirect("web:templates")
    return form_page(request, service.TemplateForm(instance=template), **page)


@login_required
def template_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@login_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, owned_template(request.user, pk))


@login_required
@require_POST
def template_hide(request: HttpRequest, pk: int) -> HttpResponse:
    owned_template(request.user, pk)
    hidden = request.POST.get("hidden") == "1"
    template = service.set_hidden(request.user, pk, hidden)
    verb = "hidden from" if hidden else "shown again in"
    messages.success(request, f"“{template.name}” is {verb} the composer.")
    return redirect("web:templates")

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import queries
from coffeechat.services.forms import CareerPathForm
from coffeechat.web.views.common import save_or_show_errors


@login_required
def path_list(request: HttpRequest) -> HttpResponse:
    paths = queries.career_paths(request.user)
    return render(request, "web/reflection/paths.html", {"paths": paths, "section": "web:paths"})


@login_required
def path_detail(request: HttpRequest, pk: int) -> HttpResponse:
    path = queries.owned_career_path(request.user, pk)
    conversations = queries.path_conversations(request.user, path)
    context = {"path": path, "conversations": conversations, "section": "web:paths"}
    return render(request, "web/reflection/path.html", context)


@login_required
def path_create(request: HttpRequest) -> HttpResponse:
    return save_or_show_errors(
        request,
        save=lambda: crm.create_career_path(request.user, request.POST),
        blank_form=lambda: CareerPathForm(user=request.user),
        success=lambda path: reverse("web:path", args=[path.pk]),
        message=lambda path: f"Career path “{path.title}” added.",
        heading="New career path",
        intro="A path is a hypothesis to test in conversations: a role in a field.",
        back_url=reverse("web:paths"),
        back_label="Career paths",
        submit_label="Add career path",
    )


@login_required
def path_edit(request: HttpRequest, pk: int) -> HttpResponse:
    path = queries.owned_career_path(request.user, pk)
    return save_or_show_errors(
        request,
        save=lambda: crm.update_career_path(request.user, pk, request.POST),
        blank_form=lambda: CareerPathForm(instance=path, user=request.user),
        success=lambda saved: reverse("web:path", args=[saved.pk]),
        message=lambda saved: "Changes saved.",
        heading=f"Edit {path.title}",
        back_url=reverse("web:path", args=[pk]),
        back_label=path.title,
    )

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coffeechat.core.models import Organization
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import Source
from coffeechat.services import crm
from coffeechat.services.forms import OrganizationForm
from coffeechat.web.views.common import owned_or_404, save_or_show_errors

ACTIVE_BATCH = 5  # the LAMP method works the top five organizations at a time


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = list(crm.organizations_ranked(request.user))
    for rank, organization in enumerate(organizations, start=1):
        organization.in_active_batch = rank <= ACTIVE_BATCH
    context = {"organizations": organizations, "section": "web:organizations"}
    return render(request, "web/organizations.html", context)


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = owned_or_404(request.user, Organization, pk)
    contacts = list(
        organization.contacts.filter(deleted_at__isnull=True).prefetch_related("conversations")
    )
    for contact in contacts:
        live = [c for c in contact.conversations.all() if c.deleted_at is None]
        contact.latest = max(live, key=lambda c: c.created_at) if live else None
        contact.uncontacted = all(c.stage == Stage.PLANNED for c in live)
    # Who to ask first: people not yet asked, alumni before others (the warmest door).
    contacts.sort(key=lambda c: (not c.uncontacted, c.source != Source.ALUMNI, c.last_name))
    context = {
        "organization": organization,
        "contacts": contacts,
        "alumni": sum(1 for c in contacts if c.source == Source.ALUMNI),
        "section": "web:organizations",
    }
    return render(request, "web/organization.html", context)


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    return save_or_show_errors(
        request,
        save=lambda: crm.create_organization(request.user, request.POST),
        blank_form=lambda: OrganizationForm(user=request.user),
        success=lambda org: reverse("web:organization", args=[org.pk]),
        message=lambda org: f"{org.name} added to your target list.",
        heading="New organization",
        intro="Rate how much you want to work there and how many relevant postings you see.",
        back_url=reverse("web:organizations"),
        back_label="Organizations",
        submit_label="Add organization",
    )


@login_required
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = owned_or_404(request.user, Organization, pk)
    return save_or_show_errors(
        request,
        save=lambda: crm.update_organization(request.user, pk, request.POST),
        blank_form=lambda: OrganizationForm(instance=organization, user=request.user),
        success=lambda saved: reverse("web:organization", args=[saved.pk]),
        message=lambda saved: "Changes saved.",
        heading=f"Edit {organization.name}",
        back_url=reverse("web:organization", args=[pk]),
        back_label=organization.name,
    )

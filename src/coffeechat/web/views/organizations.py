from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import page, queries, targets
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import OrganizationForm
from coffeechat.web.views.common import pager, save_or_show_errors

MOTIVATION_CHOICES = OrganizationForm.base_fields["motivation"].choices
POSTING_CHOICES = OrganizationForm.base_fields["posting"].choices


def _list_context(
    request: HttpRequest, number: object = None, **extra: object
) -> dict[str, object]:
    listing = targets.target_page(request.user, number or request.GET.get("page", 1))
    return {
        "listing": listing,
        "rows": listing.rows,
        "pager": pager(request, listing.page),
        "motivation_choices": MOTIVATION_CHOICES,
        "posting_choices": POSTING_CHOICES,
        "section": "web:organizations",
        **extra,
    }


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    return render(request, "web/contacts/organizations.html", _list_context(request))


@login_required
@require_POST
def organization_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """Inline rating from the list: htmx swaps the re-ranked table, a plain POST redirects.

    A refused value changes nothing and is shown beside its row; htmx gets a
    200 so it swaps the message in (it does not swap 4xx answers).
    """
    organization = queries.owned_organization(request.user, pk)
    try:
        saved = targets.rate_organization(request.user, pk, request.POST.dict())
    except InvalidInput as exc:
        problem = "; ".join(str(m) for messages_ in exc.errors.values() for m in messages_)
        context = _list_context(request, error_pk=pk, error=problem)  # the page it is on
        if request.htmx:
            return render(request, "web/contacts/organizations.html#target-table", context)
        return render(request, "web/contacts/organizations.html", context, status=422)
    row = targets.rank_of(request.user, saved.pk)
    status = (
        f"{saved.name}: motivation {saved.motivation}, postings {saved.posting}; "
        f"now ranked {row.rank if row else '?'}."
    )
    # Show the page the organization moved to, so the changed row stays in view.
    number = targets.page_of_rank(row.rank) if row else 1
    if request.htmx:
        context = _list_context(request, number, status=status, changed_pk=organization.pk)
        return render(request, "web/contacts/organizations.html#target-table", context)
    messages.success(request, status)
    return redirect(reverse("web:organizations") + (f"?page={number}" if number > 1 else ""))


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    screen = page.organization_screen(request.user, pk)
    context = {**screen.as_context(), "section": "web:organizations"}
    return render(request, "web/contacts/organization.html", context)


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
    organization = queries.owned_organization(request.user, pk)
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

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coffeechat.domain.vocabulary import Source, choices
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import page, queries
from coffeechat.services.contacts import search as contact_search
from coffeechat.services.forms import ContactForm
from coffeechat.web.views.common import now, save_or_show_errors


@login_required
def contact_list(request: HttpRequest) -> HttpResponse:
    """Search, filters, sorting and pages; htmx swaps only the results as you type."""
    filters = contact_search.parse_filters(request.GET)
    result = contact_search.search_contacts(
        request.user, filters, page=request.GET.get("page"), now=now()
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": result.page,
        "filters": filters,
        "choices": contact_search.filter_choices(request.user),
        "sources": choices(Source),
        "stage_labels": contact_search.stage_labels(),
        "query_string": params.urlencode(),
        "section": "web:contacts",
    }
    template = (
        "web/contacts/contacts.html#contact-results"
        if request.htmx
        else "web/contacts/contacts.html"
    )
    return render(request, template, context)


@login_required
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    screen = page.contact_screen(request.user, pk, now())
    context = {**screen.as_context(), "section": "web:contacts"}
    return render(request, "web/contacts/contact.html", context)


@login_required
def contact_create(request: HttpRequest) -> HttpResponse:
    initial = {"organization": request.GET.get("organization")}
    return save_or_show_errors(
        request,
        save=lambda: crm.create_contact(request.user, request.POST),
        blank_form=lambda: ContactForm(user=request.user, initial=initial),
        success=lambda contact: reverse("web:contact", args=[contact.pk]),
        message=lambda contact: f"{contact.name} added.",
        heading="New contact",
        intro="Someone you could learn from. Say how you found them: it opens the door.",
        back_url=reverse("web:contacts"),
        back_label="Contacts",
        submit_label="Add contact",
    )


@login_required
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = queries.owned_contact(request.user, pk)
    return save_or_show_errors(
        request,
        save=lambda: crm.update_contact(request.user, pk, request.POST),
        blank_form=lambda: ContactForm(instance=contact, user=request.user),
        success=lambda saved: reverse("web:contact", args=[saved.pk]),
        message=lambda saved: "Changes saved.",
        heading=f"Edit {contact.name}",
        back_url=reverse("web:contact", args=[pk]),
        back_label=contact.name,
    )

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coffeechat.core.models import Contact, Conversation
from coffeechat.domain.vocabulary import Source, choices
from coffeechat.services import crm
from coffeechat.services.forms import ContactForm
from coffeechat.services.network import cadence_of, introductions_by
from coffeechat.services.timeline import contact_timeline
from coffeechat.web.views.common import now, owned_or_404, save_or_show_errors

PAGE_SIZE = 50


@login_required
def contact_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    source = request.GET.get("source", "")
    contacts = Contact.objects.for_user(request.user).select_related("organization")
    if query:
        contacts = contacts.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(title__icontains=query)
            | Q(organization__name__icontains=query)
            | Q(connection__icontains=query)
        )
    if source in {member.value for member in Source}:
        contacts = contacts.filter(source=source)
    page = Paginator(contacts.order_by("last_name", "first_name", "id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "query": query,
        "source": source,
        "sources": choices(Source),
        "section": "web:contacts",
    }
    return render(request, "web/contacts.html", context)


@login_required
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = owned_or_404(request.user, Contact, pk)
    conversations = Conversation.objects.for_user(request.user).filter(contact=contact)
    context = {
        "contact": contact,
        "conversations": conversations.select_related("career_path"),
        "timeline": contact_timeline(request.user, contact),
        "section": "web:contacts",
        "cadence": cadence_of(request.user, contact, now()),  # nurture (issue 6)
        "introductions": introductions_by(request.user, contact),
    }
    return render(request, "web/contact.html", context)


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
    contact = owned_or_404(request.user, Contact, pk)
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

"""The contacts page: search as you type, filters kept across pages, one cost for N and 2N rows."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.core.models import Contact, Conversation, Message, Organization
from coffeechat.services.contacts import actions as crm


def _add(user, now, count, start=0):
    org = Organization.objects.create(owner=user, name=f"Org {start}")
    contacts = Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"P{start + i}", last_name="Q", organization=org)
        for i in range(count)
    )
    Conversation.objects.bulk_create(
        Conversation(owner=user, contact=c, stage="requested", requested_at=now) for c in contacts
    )
    Message.objects.bulk_create(
        Message(owner=user, contact=c, sent_at=now - timedelta(days=1)) for c in contacts
    )


def _page_queries(client, **params) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("web:contacts"), params)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_the_list_costs_the_same_queries_for_n_and_2n_contacts(signed_in, user, now):
    _add(user, now, 15)
    small, html = _page_queries(signed_in, q="q", sort="last_contact")
    assert html.count('data-label="Stage"><a class="badge stage"') == 15
    _add(user, now, 15, start=15)
    large, html = _page_queries(signed_in, q="q", sort="last_contact")
    assert html.count('data-label="Stage"><a class="badge stage"') == 30
    assert small == large


def test_htmx_gets_only_the_results(signed_in, user):
    crm.create_contact(user, {"first_name": "Ana", "title": "Researcher", "source": "other"})
    response = signed_in.get(reverse("web:contacts"), {"q": "resea"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="contact-results"' in html
    assert ">Ana</a>" in html


def test_paging_keeps_the_search_and_filters(signed_in, user):
    Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"P{i:03}", source="alumni") for i in range(60)
    )
    html = signed_in.get(reverse("web:contacts"), {"source": "alumni", "q": "p"}).content.decode()
    assert "60 contacts found" in html
    next_link = re.search(r'href="\?([^"]*)" rel="next"', html).group(1)
    assert sorted(next_link.split("&amp;")) == ["page=2", "q=p", "source=alumni"]


def test_an_empty_search_says_so_and_offers_to_show_all(signed_in, user):
    crm.create_contact(user, {"first_name": "Ana", "source": "other"})
    html = signed_in.get(reverse("web:contacts"), {"q": "zebra"}).content.decode()
    assert "No contact matches “zebra”" in html
    assert "Show all" in html


def test_unknown_filter_values_are_ignored(signed_in, user):
    crm.create_contact(user, {"first_name": "Ana", "source": "other"})
    html = signed_in.get(
        reverse("web:contacts"), {"source": "nope", "stage": "x", "organization": "abc"}
    ).content.decode()
    assert ">Ana</a>" in html

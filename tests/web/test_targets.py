"""The ranked target list: inline ratings, the active batch, "who do I know here"."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.core.models import Contact, Conversation, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts import targets
from coffeechat.services.conversations import actions as conversations

HTMX = {"HTTP_HX_REQUEST": "true"}


def _org(user, name, motivation=1, posting=1):
    return crm.create_organization(
        user, {"name": name, "motivation": motivation, "posting": posting}
    )


def _contact(user, **fields):
    return crm.create_contact(user, {"source": "other", **fields})


def _names_in_order(html: str) -> list[str]:
    return re.findall(r'<tr id="org-\d+"[^>]*>.*?<a href="[^"]+">([^<]+)</a>', html, re.S)


def test_the_list_is_ranked_and_the_top_five_are_the_active_batch(signed_in, user):
    for i in range(6):
        _org(user, f"Org {i}", motivation=3, posting=1 + i % 3)
    _org(user, "Not interested", motivation=0, posting=3)
    html = signed_in.get(reverse("web:organizations")).content.decode()
    names = _names_in_order(html)
    assert names[:2] == ["Org 2", "Org 5"]  # posting 3 first
    assert names[-1] == "Not interested"
    assert html.count("active batch</span>") == 5


def test_advocacy_counts_live_contacts_and_alumni(signed_in, user, now):
    org = _org(user, "Acme")
    crm.create_contact(user, {"first_name": "A", "source": "alumni", "organization": org.pk})
    crm.create_contact(user, {"first_name": "B", "source": "linkedin", "organization": org.pk})
    gone = crm.create_contact(user, {"first_name": "C", "source": "alumni", "organization": org.pk})
    crm.move_to_trash(user, "contact", gone.pk, now)
    html = signed_in.get(reverse("web:organizations")).content.decode()
    assert "2 contacts</a>" in html
    assert "(1 alumni)" in html


def test_changing_a_rating_inline_re_ranks_the_list_without_a_reload(signed_in, user):
    _org(user, "Acme", motivation=2)
    beta = _org(user, "Beta", motivation=1)
    response = signed_in.post(
        reverse("web:organization_rate", args=[beta.pk]), {"motivation": "3"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # only the table is swapped
    assert _names_in_order(html) == ["Beta", "Acme"]
    assert "Beta: motivation 3, postings 1; now ranked 1." in html
    beta.refresh_from_db()
    assert (beta.motivation, beta.posting) == (3, 1)


def test_a_refused_rating_is_shown_on_its_row_and_changes_nothing(signed_in, user):
    acme = _org(user, "Acme", motivation=2, posting=2)
    response = signed_in.post(
        reverse("web:organization_rate", args=[acme.pk]), {"posting": "7"}, **HTMX
    )
    html = response.content.decode()
    assert f'id="rate-error-{acme.pk}" role="alert">Not saved:' in html
    assert "7 is not one of the available choices" in html
    acme.refresh_from_db()
    assert (acme.motivation, acme.posting) == (2, 2)


def test_rating_without_javascript_redirects_back_with_a_message(signed_in, user):
    acme = _org(user, "Acme")
    response = signed_in.post(
        reverse("web:organization_rate", args=[acme.pk]), {"motivation": "3", "posting": "2"}
    )
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "Acme: motivation 3, postings 2; now ranked 1." in page


def test_rating_only_changes_the_ratings(signed_in, user):
    acme = crm.create_organization(
        user, {"name": "Acme", "industry": "Retail", "motivation": 1, "posting": 1}
    )
    signed_in.post(
        reverse("web:organization_rate", args=[acme.pk]), {"motivation": "2", "name": ""}, **HTMX
    )
    acme.refresh_from_db()
    assert (acme.name, acme.industry, acme.motivation) == ("Acme", "Retail", 2)


def test_another_users_organization_cannot_be_rated(signed_in, outsider):
    theirs = _org(outsider, "Secret")
    response = signed_in.post(reverse("web:organization_rate", args=[theirs.pk]), {"motivation": 3})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.motivation == 1


def test_who_do_i_know_orders_people_by_relevance_and_says_why(signed_in, user, now):
    crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    org = _org(user, "Acme")
    _contact(user, first_name="Bo", title="Account Executive", organization=org.pk)
    _contact(
        user, first_name="Di", title="Senior UX Researcher", source="alumni", organization=org.pk
    )
    asked = _contact(user, first_name="Fa", title="UX Researcher", organization=org.pk)
    conv = conversations.start_conversation(user, {"contact": asked.pk})
    Conversation.objects.filter(pk=conv.pk).update(stage="requested", requested_at=now)
    html = signed_in.get(reverse("web:organization", args=[org.pk])).content.decode()
    order = re.findall(r"<strong>(\w+)</strong>", html.split('id="who-h"')[1])
    assert order == ["Di", "Fa", "Bo"]
    assert "role matches your path UX research (ux, researcher)" in html
    assert "alumni of your school" in html
    assert "senior: a level or two above your target" in html
    assert "already asked: one request at a time per organization" in html


def test_who_do_i_know_costs_the_same_queries_for_n_and_2n_contacts(user):
    crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    org = Organization.objects.create(owner=user, name="Acme")

    def add(count):
        Contact.objects.bulk_create(
            Contact(owner=user, first_name=f"P{i}", title="Researcher", organization=org)
            for i in range(count)
        )
        for contact in Contact.objects.filter(owner=user)[:count]:
            conversations.start_conversation(user, {"contact": contact.pk})

    def queries():
        with CaptureQueriesContext(connection) as captured:
            people = targets.who_do_i_know(user, org)
        return len(captured.captured_queries), len(people)

    add(5)
    small, five = queries()
    add(5)
    large, ten = queries()
    assert (five, ten) == (5, 10)
    assert small == large == 4


def test_the_list_costs_the_same_queries_for_n_and_2n_organizations(signed_in, user):
    def add(start, count):
        for i in range(start, start + count):
            org = Organization.objects.create(owner=user, name=f"Org {i}", motivation=i % 4)
            Contact.objects.create(owner=user, first_name=f"P{i}", organization=org)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = signed_in.get(reverse("web:organizations")).content.decode()
        return len(captured.captured_queries), len(_names_in_order(html))

    add(0, 8)
    small, eight = queries()
    add(8, 8)
    large, sixteen = queries()
    assert (eight, sixteen) == (8, 16)
    assert small == large


def _many(user, count):
    """``count`` organizations ranked by name: motivation 1, the same postings."""
    Organization.objects.bulk_create(
        Organization(owner=user, name=f"Org {i:03d}", motivation=1, posting=1) for i in range(count)
    )


def test_a_long_list_shows_fifty_ranks_a_page_with_a_summary(signed_in, user):
    _many(user, 120)
    html = signed_in.get(reverse("web:organizations")).content.decode()
    assert len(_names_in_order(html)) == 50
    assert "120 organizations, 5 in the active batch · showing ranks 1–50" in html
    assert 'href="?page=2" rel="next"' in html
    last = signed_in.get(reverse("web:organizations") + "?page=3").content.decode()
    assert _names_in_order(last)[0] == "Org 100" and len(_names_in_order(last)) == 20
    assert "101–120 of 120" in last


def test_a_rating_shows_the_page_the_organization_moved_to(signed_in, user):
    _many(user, 120)
    last = Organization.objects.get(owner=user, name="Org 119")
    response = signed_in.post(
        reverse("web:organization_rate", args=[last.pk]) + "?page=3", {"motivation": "3"}, **HTMX
    )
    html = response.content.decode()
    assert _names_in_order(html)[0] == "Org 119"  # now ranked 1, on page 1
    assert "now ranked 1." in html
    middle = Organization.objects.get(owner=user, name="Org 060")
    response = signed_in.post(
        reverse("web:organization_rate", args=[middle.pk]), {"motivation": "1", "posting": "1"}
    )
    assert response["Location"].endswith("?page=2")  # rank 62 of 120: page 2

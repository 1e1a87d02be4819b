"""Every list the web and the API both show comes in the same order, rows the same.

Each pair reads one services function; these tests pin that down with the
cases where two orderings used to drift apart: names that differ only in case,
equal scores, equal titles, and a search that ranks by best match.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm

NAMES = ["Zeta Labs", "alpha", "Beta", "acme"]


def _person(first_name: str, last_name: str, **fields: str) -> dict[str, str]:
    return {"first_name": first_name, "last_name": last_name, "source": "other", **fields}


def _web(signed_in, name: str, **params: str):
    response = signed_in.get(reverse(name), params)
    assert response.status_code == 200
    return response


def test_equal_score_organizations_come_in_one_order_on_the_page_and_in_the_api(
    signed_in, api, user
):
    for name in NAMES:
        crm.create_organization(user, {"name": name, "motivation": 2, "posting": 2})

    response = _web(signed_in, "web:organizations")
    on_page = re.findall(
        r'<tr id="org-\d+"[^>]*>.*?<a href="[^"]+">([^<]+)</a>', response.content.decode(), re.S
    )
    in_api = [o["name"] for o in api.get("/organizations").json()["items"]]

    assert on_page == ["acme", "alpha", "Beta", "Zeta Labs"]  # the name, in any case
    assert in_api == on_page
    paged = [api.get("/organizations", limit=1, offset=i).json()["items"][0] for i in range(4)]
    assert [o["name"] for o in paged] == on_page


def test_a_filtered_organization_list_keeps_the_ranking(api, user):
    for name in NAMES:
        crm.create_organization(user, {"name": name, "motivation": 1, "posting": 1})
    crm.create_organization(user, {"name": "Alps Co", "motivation": 3, "posting": 1})

    names = [o["name"] for o in api.get("/organizations", q="AL").json()["items"]]

    assert names == ["Alps Co", "alpha"]


def test_a_contact_search_lists_best_match_first_on_the_page_and_in_the_api(signed_in, api, user):
    notes = "met a researcher once"
    crm.create_contact(user, _person("Ana", "Abbott", title="Designer", research_notes=notes))
    crm.create_contact(user, _person("Zoe", "Young", title="Researcher"))

    page = _web(signed_in, "web:contacts", q="researcher").context["page"]
    in_api = [c["name"] for c in api.get("/contacts", q="researcher").json()["items"]]

    assert [c.name for c in page.object_list] == ["Zoe Young", "Ana Abbott"]
    assert in_api == [c.name for c in page.object_list]


def test_contacts_without_a_search_are_by_name_on_the_page_and_in_the_api(signed_in, api, user):
    for first, last in [("bo", "zhang"), ("Al", "Young"), ("cy", "adams"), ("Di", "Baker")]:
        crm.create_contact(user, _person(first, last))

    page = _web(signed_in, "web:contacts").context["page"]
    body = api.get("/contacts", limit=2, offset=1).json()

    on_page = [c.name for c in page.object_list]
    assert [c["name"] for c in body["items"]] == on_page[1:3]
    assert body["count"] == 4


def test_career_paths_with_one_title_come_in_one_order_on_the_page_and_in_the_api(
    signed_in, api, user
):
    for title, field in [("UX research", "b"), ("Data", ""), ("UX research", "a")]:
        crm.create_career_path(user, {"title": title, "field": field, "status": "exploring"})

    on_page = [p.pk for p in _web(signed_in, "web:paths").context["paths"]]
    in_api = [p["id"] for p in api.get("/career-paths").json()["items"]]

    assert in_api == on_page
    assert [p["field"] for p in api.get("/career-paths").json()["items"]] == ["", "b", "a"]


def test_the_trash_lists_the_same_rows_in_the_same_order_everywhere(signed_in, api, user):
    moment = timezone.now()
    kept = [crm.create_contact(user, {"first_name": name, "source": "other"}) for name in "ABC"]
    for contact in kept:  # one moment for all three: the tie is broken the same way
        crm.move_to_trash(user, "contact", contact.pk, moment)
    expired = crm.create_contact(user, {"first_name": "Old", "source": "other"})
    crm.move_to_trash(user, "contact", expired.pk, moment)
    Contact.objects.filter(pk=expired.pk).update(deleted_at=moment - timedelta(days=31))

    in_api = [(row["kind"], row["id"]) for row in api.get("/trash").json()]
    rows = _web(signed_in, "web:trash").context["rows"]
    on_page = [(row["entry"].kind, row["entry"].item.pk) for row in rows]

    assert ("contact", expired.pk) not in in_api  # past its 30 days: it cannot come back
    assert in_api == on_page == [("contact", c.pk) for c in reversed(kept)]

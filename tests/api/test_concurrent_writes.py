"""Partial changes sent at the same moment all stick, and only JSON objects are read as input."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from coffeechat.core.models import CareerPath, Contact
from coffeechat.services.contacts import (
    actions as crm,  # One writer per field, each sending only its own field.
)

CHANGES = {
    "last_name": "Murray Hopper",
    "email": "grace@navy.example",
    "phone": "+1 555 0100",
    "title": "Rear Admiral",
    "location": "Arlington",
    "connection": "Met at the COBOL meetup",
    "research_notes": "Led the team behind FLOW-MATIC.",
    "linkedin_url": "https://www.linkedin.com/in/grace-hopper",
}


@pytest.mark.django_db(transaction=True)
def test_patches_of_different_fields_at_the_same_moment_are_all_kept(token, contact, monkeypatch):
    everyone_has_read = threading.Barrier(len(CHANGES), timeout=10)
    seen = threading.local()
    read = crm.get_owned

    def read_then_wait(*args):
        row = read(*args)
        # Every writer holds the same read of the contact before any of them saves:
        # the moment a write of all fields would undo the others'.
        if not getattr(seen, "waited", False):
            seen.waited = True
            everyone_has_read.wait()
        return row

    monkeypatch.setattr(crm, "get_owned", read_then_wait)
    answers: dict[str, int] = {}

    def patch(field: str, value: str) -> None:
        try:
            response = Client().patch(
                f"/api/v1/contacts/{contact.pk}",
                data=json.dumps({field: value}),
                content_type="application/json",
                headers={"Authorization": f"Bearer {token}"},
            )
            answers[field] = response.status_code
        finally:
            connection.close()

    writers = [threading.Thread(target=patch, args=item) for item in CHANGES.items()]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert answers == dict.fromkeys(CHANGES, 200)
    saved = Contact.objects.values(*CHANGES).get(pk=contact.pk)
    lost = {field for field, value in CHANGES.items() if saved[field] != value}
    assert lost == set()
    assert Contact.objects.get(pk=contact.pk).first_name == "Grace"


NOT_OBJECTS = [[None, None], "Data engineering", 3, None, True]


def send(api, method: str, path: str, body) -> object:
    """``body`` sent as the JSON it is, ``null`` included."""
    return getattr(api.client, method)(
        f"/api/v1{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=api.headers,
    )


@pytest.mark.parametrize("body", NOT_OBJECTS, ids=repr)
def test_a_patch_whose_body_is_not_a_json_object_is_400_and_changes_nothing(api, contact, body):
    before = Contact.objects.values().get(pk=contact.pk)

    response = send(api, "patch", f"/contacts/{contact.pk}", body)

    assert response.status_code == 400
    assert "message" in response.json()
    assert Contact.objects.values().get(pk=contact.pk) == before


@pytest.mark.parametrize("body", NOT_OBJECTS, ids=repr)
def test_a_create_whose_body_is_not_a_json_object_is_400_and_creates_nothing(api, body):
    response = send(api, "post", "/career-paths", body)

    assert response.status_code == 400
    assert not CareerPath.objects.exists()

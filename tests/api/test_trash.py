"""GET /trash and POST /trash/{kind}/{id}/restore: the trash without the web page."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm


def test_a_trashed_contact_is_listed_and_restored(api, contact):
    assert api.delete(f"/contacts/{contact.pk}").status_code == 204

    listed = api.get("/trash").json()
    restored = api.post(f"/trash/contact/{contact.pk}/restore")

    [row] = listed
    assert (row["kind"], row["id"], row["label"]) == ("contact", contact.pk, "Contact")
    assert row["title"] == str(contact)
    assert row["days_left"] == 30
    assert restored.status_code == 200
    assert restored.json() == {"kind": "contact", "id": contact.pk, "title": str(contact)}
    assert api.get(f"/contacts/{contact.pk}").status_code == 200
    assert api.get("/trash").json() == []


def test_restoring_what_is_not_in_the_trash_is_404_and_changes_nothing(api, contact):
    live = api.post(f"/trash/contact/{contact.pk}/restore")
    unknown = api.post(f"/trash/spaceship/{contact.pk}/restore")

    assert live.status_code == 404 and "Nothing in the trash" in live.json()["message"]
    assert unknown.status_code == 404 and "cannot be trashed" in unknown.json()["message"]


def test_a_row_past_its_30_days_cannot_come_back(api, user, contact):
    crm.move_to_trash(user, "contact", contact.pk, timezone.now())
    Contact.objects.filter(pk=contact.pk).update(
        deleted_at=timezone.now() - timedelta(days=30, seconds=1)
    )

    answer = api.post(f"/trash/contact/{contact.pk}/restore")

    assert answer.status_code == 404
    assert "more than 30 days ago" in answer.json()["message"]


def test_another_users_trash_is_not_listed_and_cannot_be_restored(api, outsider):
    theirs = crm.create_contact(outsider, {"first_name": "Mal", "source": "alumni"})
    crm.move_to_trash(outsider, "contact", theirs.pk, timezone.now())

    assert api.get("/trash").json() == []
    assert api.post(f"/trash/contact/{theirs.pk}/restore").status_code == 404
    assert Contact.objects.get(pk=theirs.pk).deleted_at is not None

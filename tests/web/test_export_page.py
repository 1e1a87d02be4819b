"""The Export page: downloads, and restoring a JSON export into an empty account."""

import json

import vobject
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.exports import export_json


def _ana(user):
    return crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "other"})


def test_the_page_offers_three_downloads_and_the_restore(signed_in):
    html = signed_in.get(reverse("web:export")).content.decode()
    for name in ("web:export_json", "web:export_csv", "web:export_vcard"):
        assert reverse(name) in html
    assert "Restore from a coffeechat JSON export" in html
    assert '<a href="/export/"' in html  # in the navigation


def test_downloads_are_attachments_of_the_users_data(signed_in, user):
    _ana(user)
    response = signed_in.get(reverse("web:export_json"))
    assert response["Content-Disposition"].startswith('attachment; filename="coffeechat-')
    assert response.content.decode() == export_json(user)
    card = vobject.readOne(signed_in.get(reverse("web:export_vcard")).content.decode())
    assert card.fn.value == "Ana Ruiz"
    assert signed_in.get(reverse("web:export_csv"))["Content-Type"] == "application/zip"


def test_a_json_export_restores_into_an_empty_account(client, user, outsider):
    _ana(user)
    client.force_login(outsider)
    upload = SimpleUploadedFile("backup.json", export_json(user).encode(), "application/json")
    response = client.post(reverse("web:export_restore"), {"file": upload})
    assert response.status_code == 302
    assert Contact.objects.for_user(outsider).get().name == "Ana Ruiz"
    assert "Restored 1 rows" in client.get(response["Location"]).content.decode()


def test_a_broken_export_is_refused_naming_the_place_and_nothing_changes(client, user, outsider):
    _ana(user)
    data = json.loads(export_json(user))
    data["tables"]["contact"][0]["email"] = "nope"
    client.force_login(outsider)
    upload = SimpleUploadedFile("backup.json", json.dumps(data).encode())
    response = client.post(reverse("web:export_restore"), {"file": upload})
    assert response.status_code == 422
    html = response.content.decode()
    assert "<code>$.tables.contact[0].email</code>: Enter a valid email address." in html
    assert "nothing was changed" in html
    assert not Contact.objects.filter(owner=outsider).exists()


def test_restoring_over_existing_data_is_refused(signed_in, user):
    _ana(user)
    html = signed_in.get(reverse("web:export")).content.decode()
    assert "This account already has data" in html
    upload = SimpleUploadedFile("backup.json", export_json(user).encode())
    response = signed_in.post(reverse("web:export_restore"), {"file": upload})
    assert response.status_code == 422
    assert "already has data (1 contact)" in response.content.decode()
    assert Contact.objects.filter(owner=user).count() == 1


def test_a_restore_without_a_file_says_so(signed_in):
    response = signed_in.post(reverse("web:export_restore"), {})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()

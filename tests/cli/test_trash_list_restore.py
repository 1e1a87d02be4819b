"""`coffeechat trash list` and `coffeechat trash restore KIND ID`."""

from __future__ import annotations

from django.utils import timezone

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm


def test_trash_list_names_kind_and_id_and_restore_brings_it_back(run, user):
    grace = crm.create_contact(
        user, {"first_name": "Grace", "last_name": "Hopper", "source": "alumni"}
    )
    crm.move_to_trash(user, "contact", grace.pk, timezone.now())

    listed = run("trash", "list")
    as_json = run("trash", "list", "--json").json()
    restored = run("trash", "restore", "contact", str(grace.pk))

    assert listed.code == 0
    assert f"contact {grace.pk}\tContact: Grace Hopper (30 days left)" in listed.out
    assert "coffeechat trash restore KIND ID" in listed.out
    assert as_json["items"][0]["id"] == grace.pk
    assert restored.code == 0 and "Restored contact Grace Hopper." in restored.out
    assert Contact.objects.get(pk=grace.pk).deleted_at is None
    assert "The trash is empty." in run("trash", "list").out


def test_restoring_something_not_in_the_trash_is_refused(run, user):
    grace = crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    result = run("trash", "restore", "contact", str(grace.pk))
    assert result.code == 2
    assert f"Nothing in the trash with id {grace.pk}" in result.err

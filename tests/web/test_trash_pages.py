"""Deleting asks first (without JavaScript), lands somewhere sensible, and can be undone."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import Contact, Note
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def _ana(user):
    return crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "other"})


def test_delete_links_lead_to_a_confirmation_that_changes_nothing(signed_in, user):
    ana = _ana(user)
    conversations.start_conversation(user, {"contact": ana.pk})
    page = signed_in.get(reverse("web:contact", args=[ana.pk])).content.decode()
    url = reverse("web:trash_move", args=["contact", ana.pk])
    assert f'href="{url}">Delete</a>' in page
    assert "confirm(" not in page
    html = signed_in.get(url).content.decode()
    assert "Move this contact to the trash?" in html
    assert "Their 1 conversation will be hidden with them." in html
    assert "It stays in the trash for 30 days" in html
    assert Contact.objects.for_user(user).filter(pk=ana.pk).exists()


def test_confirming_moves_it_to_the_trash_and_returns_to_the_list(signed_in, user):
    ana = _ana(user)
    response = signed_in.post(reverse("web:trash_move", args=["contact", ana.pk]))
    assert response["Location"] == reverse("web:contacts")
    assert not Contact.objects.for_user(user).filter(pk=ana.pk).exists()
    html = signed_in.get(response["Location"]).content.decode()
    assert "moved to the trash. You can restore it from the trash for 30 days." in html


def test_a_note_can_be_deleted_from_its_conversation(signed_in, user):
    conv = conversations.start_conversation(user, {"contact": _ana(user).pk})
    note = conversations.add_note(user, conv.pk, {"text": "Ask about the team"})
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    url = reverse("web:trash_move", args=["note", note.pk])
    assert url in page
    response = signed_in.post(url)
    assert response["Location"] == reverse("web:conversation", args=[conv.pk]) + "#notes"
    page = signed_in.get(response["Location"]).content.decode()
    assert '<div class="prewrap">Ask about the team</div>' not in page
    assert "No notes yet." in page
    trash = signed_in.get(reverse("web:trash")).content.decode()
    assert "Ask about the team" in trash
    signed_in.post(reverse("web:trash_restore", args=["note", note.pk]))
    assert Note.objects.for_user(user).filter(pk=note.pk).exists()


def test_the_trash_shows_how_long_each_item_is_kept(signed_in, user):
    ana = _ana(user)
    crm.move_to_trash(user, "contact", ana.pk, timezone.now() - timedelta(days=10, hours=1))
    html = signed_in.get(reverse("web:trash")).content.decode()
    assert "Ana Ruiz" in html
    assert "(20 days left)" in html


def test_opening_the_trash_purges_what_is_past_30_days(signed_in, user):
    ana = _ana(user)
    crm.move_to_trash(user, "contact", ana.pk, timezone.now() - timedelta(days=30, seconds=5))
    html = signed_in.get(reverse("web:trash")).content.decode()
    assert "The trash is empty." in html
    assert not Contact.objects.filter(pk=ana.pk).exists()


def test_another_users_row_cannot_be_deleted(signed_in, outsider):
    theirs = _ana(outsider)
    url = reverse("web:trash_move", args=["contact", theirs.pk])
    assert signed_in.get(url).status_code == 404
    assert signed_in.post(url).status_code == 404
    assert Contact.objects.for_user(outsider).filter(pk=theirs.pk).exists()


def test_an_unknown_kind_is_not_found(signed_in):
    assert signed_in.get(reverse("web:trash_move", args=["spaceship", 1])).status_code == 404


def test_the_trash_page_costs_the_same_queries_for_one_or_many_conversations(signed_in, user):
    def trash_conversations(count):
        for n in range(count):
            contact = crm.create_contact(user, {"first_name": f"P{n}", "source": "other"})
            conv = conversations.start_conversation(user, {"contact": contact.pk})
            crm.move_to_trash(user, "conversation", conv.pk, timezone.now())

    trash_conversations(1)
    with CaptureQueriesContext(connection) as one:
        signed_in.get(reverse("web:trash"))
    trash_conversations(5)
    with CaptureQueriesContext(connection) as six:  # six conversations in the trash
        page = signed_in.get(reverse("web:trash")).content.decode()
    assert page.count("<td>Conversation with P") == 6
    assert len(six.captured_queries) == len(one.captured_queries)

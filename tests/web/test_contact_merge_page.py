"""The merge pages: find the duplicate, see what moves, merge, undo from the contact page."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.core.models import Contact, Conversation
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def _two_anas(user):
    kept = crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"})
    dup = crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "Ruiz", "phone": "+1 555 0100", "source": "linkedin"},
    )
    talk = conversations.start_conversation(user, {"contact": dup.pk})
    return kept, dup, talk


def test_find_confirm_merge_and_undo(signed_in, user):
    kept, dup, talk = _two_anas(user)

    contact_page = signed_in.get(reverse("web:contact", args=[kept.pk])).content.decode()
    assert reverse("web:contact_merge", args=[kept.pk]) in contact_page
    choose = signed_in.get(reverse("web:contact_merge", args=[kept.pk])).content.decode()
    confirm_url = reverse("web:contact_merge_confirm", args=[kept.pk, dup.pk])
    assert confirm_url in choose  # the same name is offered without typing

    plan = signed_in.get(confirm_url).content.decode()
    assert "1 conversation" in plan and "+1 555 0100" in plan and "Phone" in plan
    assert Contact.objects.get(pk=dup.pk).deleted_at is None  # looking changes nothing

    merged = signed_in.post(confirm_url, follow=True).content.decode()
    assert "Ana Ruiz merged into Ana Ruiz" in merged
    assert "Undo the merge" in merged
    assert Conversation.objects.get(pk=talk.pk).contact_id == kept.pk

    merge_id = kept.merges_kept.get().pk
    undone = signed_in.post(reverse("web:contact_merge_undo", args=[merge_id]), follow=True)
    assert "Merge undone" in undone.content.decode()
    assert Conversation.objects.get(pk=talk.pk).contact_id == dup.pk
    assert Contact.objects.get(pk=dup.pk).deleted_at is None


def test_merging_into_itself_or_someone_elses_contact_is_refused(signed_in, user, outsider):
    kept, *_ = _two_anas(user)
    theirs = crm.create_contact(outsider, {"first_name": "Mal", "source": "alumni"})

    itself = signed_in.post(
        reverse("web:contact_merge_confirm", args=[kept.pk, kept.pk]), follow=True
    )
    foreign = signed_in.post(reverse("web:contact_merge_confirm", args=[kept.pk, theirs.pk]))

    assert "cannot merge into itself" in itself.content.decode()
    assert foreign.status_code == 404
    assert Contact.objects.get(pk=theirs.pk).deleted_at is None

"""POST /contacts/{id}/merge and /contacts/merges/{id}/undo."""

from __future__ import annotations

from coffeechat.core.models import Contact, Conversation
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def test_merge_and_undo_through_the_api(api, user, contact):
    dup = crm.create_contact(
        user, {"first_name": contact.first_name, "phone": "+1 555 0100", "source": "alumni"}
    )
    talk = conversations.start_conversation(user, {"contact": dup.pk})

    merged = api.post(f"/contacts/{contact.pk}/merge", {"other_id": dup.pk})

    assert merged.status_code == 201
    body = merged.json()
    assert (body["kept_id"], body["merged_id"]) == (contact.pk, dup.pk)
    assert body["moved"]["conversations"] == [talk.pk]
    assert body["filled"]["phone"] == "+1 555 0100"
    assert Conversation.objects.get(pk=talk.pk).contact_id == contact.pk
    assert api.get(f"/contacts/{dup.pk}").status_code == 404  # in the trash

    undone = api.post(f"/contacts/merges/{body['id']}/undo")
    assert undone.status_code == 200 and undone.json()["undone_at"]
    assert Conversation.objects.get(pk=talk.pk).contact_id == dup.pk
    assert api.post(f"/contacts/merges/{body['id']}/undo").status_code == 422


def test_a_merge_into_itself_or_with_another_users_contact_is_refused(api, outsider, contact):
    theirs = crm.create_contact(outsider, {"first_name": "Mal", "source": "alumni"})

    itself = api.post(f"/contacts/{contact.pk}/merge", {"other_id": contact.pk})
    foreign = api.post(f"/contacts/{contact.pk}/merge", {"other_id": theirs.pk})

    assert itself.status_code == 422 and "cannot merge into itself" in str(itself.json())
    assert foreign.status_code == 404
    assert Contact.objects.get(pk=theirs.pk).deleted_at is None

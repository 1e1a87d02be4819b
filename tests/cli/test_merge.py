"""`coffeechat merge KEEP_ID DUPLICATE_ID` and `coffeechat unmerge MERGE_ID`."""

from __future__ import annotations

from coffeechat.core.models import Contact, Conversation
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def test_merge_then_unmerge(run, user):
    kept = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    dup = crm.create_contact(user, {"first_name": "Ana", "phone": "+1 555", "source": "alumni"})
    talk = conversations.start_conversation(user, {"contact": dup.pk})

    merged = run("merge", str(kept.pk), str(dup.pk))

    assert merged.code == 0, merged.err
    assert "Merged Ana into Ana" in merged.out and "moved 1 conversation." in merged.out
    assert "Filled: phone." in merged.out
    merge_id = kept.merges_kept.get().pk
    assert f"coffeechat unmerge {merge_id}" in merged.out
    assert Conversation.objects.get(pk=talk.pk).contact_id == kept.pk

    undone = run("unmerge", str(merge_id), "--json")
    assert undone.code == 0 and undone.json()["merged_id"] == dup.pk
    assert Contact.objects.get(pk=dup.pk).deleted_at is None
    assert Conversation.objects.get(pk=talk.pk).contact_id == dup.pk


def test_merging_a_contact_into_itself_is_refused(run, user):
    ana = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    result = run("merge", str(ana.pk), str(ana.pk))
    assert result.code == 2
    assert "cannot merge into itself" in result.err

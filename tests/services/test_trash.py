"""The trash keeps rows for 30 days: restorable up to the second, then deleted for good."""

from datetime import timedelta

import pytest

from coffeechat.core.models import Contact, Conversation, Message, Note, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.data.trash import purge_trash, restore, trashed_items
from coffeechat.services.errors import NotFound

DAYS_30 = timedelta(days=30)
SECOND = timedelta(seconds=1)


def _ana(user):
    return crm.create_contact(user, {"first_name": "Ana", "source": "other"})


@pytest.mark.parametrize(
    ("age", "kept"),
    [(DAYS_30 - SECOND, True), (DAYS_30, True), (DAYS_30 + SECOND, False)],
)
def test_purge_removes_only_what_is_older_than_30_days(user, now, age, kept):
    ana = _ana(user)
    crm.move_to_trash(user, "contact", ana.pk, now - age)
    removed = purge_trash(now)
    assert Contact.objects.filter(pk=ana.pk).exists() is kept
    assert removed == ({} if kept else {"contact": 1})


@pytest.mark.parametrize(("age", "restorable"), [(DAYS_30, True), (DAYS_30 + SECOND, False)])
def test_restore_works_for_30_days_and_not_a_second_longer(user, now, age, restorable):
    ana = _ana(user)
    crm.move_to_trash(user, "contact", ana.pk, now - age)
    if restorable:
        restore(user, "contact", ana.pk, now)
        assert Contact.objects.for_user(user).filter(pk=ana.pk).exists()
    else:
        with pytest.raises(NotFound, match="more than 30 days ago"):
            restore(user, "contact", ana.pk, now)


def test_purge_leaves_live_rows_and_other_accounts_when_told(user, outsider, now):
    live = _ana(user)
    theirs = crm.create_contact(outsider, {"first_name": "M", "source": "other"})
    crm.move_to_trash(outsider, "contact", theirs.pk, now - DAYS_30 - SECOND)
    purge_trash(now, user=user)
    assert Contact.objects.filter(pk=theirs.pk).exists()  # only ada's trash was purged
    purge_trash(now)
    assert not Contact.objects.filter(pk=theirs.pk).exists()
    assert Contact.objects.filter(pk=live.pk).exists()


def test_purging_a_contact_takes_their_conversations_and_messages(user, now):
    ana = _ana(user)
    conv = conversations.start_conversation(user, {"contact": ana.pk})
    Message.objects.create(owner=user, contact=ana, conversation=conv, sent_at=now)
    conversations.add_note(user, conv.pk, {"text": "kept until the contact goes"})
    crm.move_to_trash(user, "contact", ana.pk, now - DAYS_30 - SECOND)
    purge_trash(now)
    assert not Conversation.objects.filter(owner=user).exists()
    assert not Message.objects.filter(owner=user).exists()
    assert not Note.objects.filter(owner=user).exists()


def test_purging_an_organization_keeps_its_contacts(user, now):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 1, "posting": 1})
    ana = crm.create_contact(user, {"first_name": "Ana", "source": "other", "organization": org.pk})
    crm.move_to_trash(user, "organization", org.pk, now - DAYS_30 - SECOND)
    assert purge_trash(now) == {"organization": 1}
    ana.refresh_from_db()
    assert ana.organization is None
    assert not Organization.objects.filter(pk=org.pk).exists()


def test_notes_can_be_trashed_and_listed_by_their_words(user, now):
    conv = conversations.start_conversation(user, {"contact": _ana(user).pk})
    note = conversations.add_note(user, conv.pk, {"text": "Portfolio  reviews\nmatter most"})
    crm.move_to_trash(user, "note", note.pk, now)
    items = trashed_items(user)
    assert [(i.kind, i.title) for i in items] == [("note", "Portfolio reviews matter most")]
    assert items[0].purge_at == now + DAYS_30
    assert items[0].days_left(now) == 30

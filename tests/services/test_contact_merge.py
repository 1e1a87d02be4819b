"""Merging two records of one person: everything moves, nothing typed is lost, undo."""

from __future__ import annotations

import pytest
from django.utils import timezone

from coffeechat.core.models import Contact, Conversation, Message, Referral
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts.merge import merge_contacts, plan_merge, undo_merge
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.errors import InvalidInput, NotFound


@pytest.fixture
def pair(user):
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    kept = crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "Ruiz", "email": "ana@example.org",
         "title": "PM (my words)", "source": "alumni"},
    )  # fmt: skip
    dup = crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "Ruiz", "email": "ana.ruiz@work.example",
         "title": "Product Manager", "phone": "+1 555 0100", "organization": acme.pk,
         "source": "linkedin"},
    )  # fmt: skip
    talk = conversations.start_conversation(user, {"contact": dup.pk})
    Message.objects.create(owner=user, contact=dup, conversation=talk, sent_at=timezone.now())
    sam = crm.create_contact(user, {"first_name": "Sam", "source": "alumni"})
    made = Referral.objects.create(owner=user, from_contact=dup, to_contact=sam)
    between = Referral.objects.create(owner=user, from_contact=dup, to_contact=kept)
    return kept, dup, talk, sam, made, between


def test_the_plan_says_what_will_move_and_fill(user, pair):
    kept, dup, *_ = pair
    plan = plan_merge(user, kept.pk, dup.pk)

    assert (plan.conversations, plan.messages, plan.referrals) == (1, 1, 1)
    assert plan.fills == {"Phone": "+1 555 0100", "Organization": "Acme"}


def test_a_merge_moves_everything_and_keeps_what_the_kept_contact_has(user, pair, now):
    kept, dup, talk, sam, made, between = pair

    merge_contacts(user, kept.pk, dup.pk, now)

    kept.refresh_from_db()
    assert Conversation.objects.get(pk=talk.pk).contact_id == kept.pk
    assert Message.objects.get(conversation=talk).contact_id == kept.pk
    assert Referral.objects.get(pk=made.pk).from_contact_id == kept.pk
    assert Referral.objects.get(pk=between.pk).from_contact_id == dup.pk  # not kept → kept
    assert (kept.title, kept.email) == ("PM (my words)", "ana@example.org")  # kept as typed
    assert (kept.phone, kept.organization.name) == ("+1 555 0100", "Acme")  # were empty
    assert Contact.objects.get(pk=dup.pk).deleted_at == now
    assert list(Contact.objects.for_user(user).filter(first_name="Ana")) == [kept]


def test_undo_puts_everything_back(user, pair, now):
    kept, dup, talk, sam, made, between = pair
    merge = merge_contacts(user, kept.pk, dup.pk, now)

    undo_merge(user, merge.pk, now)

    kept.refresh_from_db()
    dup.refresh_from_db()
    assert dup.deleted_at is None
    assert Conversation.objects.get(pk=talk.pk).contact_id == dup.pk
    assert Message.objects.get(conversation=talk).contact_id == dup.pk
    assert Referral.objects.get(pk=made.pk).from_contact_id == dup.pk
    assert (kept.phone, kept.organization) == ("", None)
    with pytest.raises(InvalidInput, match="already undone"):
        undo_merge(user, merge.pk, now)


def test_undo_leaves_a_field_changed_since_alone(user, pair, now):
    kept, dup, *_ = pair
    merge = merge_contacts(user, kept.pk, dup.pk, now)
    Contact.objects.filter(pk=kept.pk).update(phone="+1 555 0199")

    undo_merge(user, merge.pk, now)

    kept.refresh_from_db()
    assert kept.phone == "+1 555 0199"


def test_a_contact_cannot_merge_into_itself_or_into_someone_elses(user, outsider, pair, now):
    kept, dup, *_ = pair
    theirs = crm.create_contact(outsider, {"first_name": "Mal", "source": "alumni"})

    with pytest.raises(InvalidInput, match="cannot merge into itself"):
        merge_contacts(user, kept.pk, kept.pk, now)
    with pytest.raises(NotFound):
        merge_contacts(user, kept.pk, theirs.pk, now)
    with pytest.raises(NotFound):
        undo_merge(outsider, merge_contacts(user, kept.pk, dup.pk, now).pk, now)

"""The reads of the conversations, outreach and prep areas: which rows, in which order."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coffeechat.core.models import ActionItem, Conversation, Message, Note
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as journey
from coffeechat.services.conversations import queries
from coffeechat.services.errors import NotFound
from coffeechat.services.outreach.composer import waiting_elsewhere
from coffeechat.services.outreach.queries import messages_of, owned_template
from coffeechat.services.outreach.templates import list_templates
from coffeechat.services.prep.queries import offerable_questions
from coffeechat.services.prep.questions import ensure_question_bank, set_hidden


def _contact(user, first_name: str):
    return crm.create_contact(user, {"first_name": first_name, "source": "alumni"})


def _conversation(user, first_name: str) -> Conversation:
    return journey.start_conversation(user, {"contact": _contact(user, first_name).pk})


def test_live_leaves_out_a_trashed_contacts_conversations(user, now):
    kept = _conversation(user, "Ana")
    hidden = _conversation(user, "Bo")
    crm.move_to_trash(user, "contact", hidden.contact_id, now)

    assert list(queries.live(user)) == [kept]


def test_live_brings_them_back_when_the_contact_is_restored(user, now):
    conversation = _conversation(user, "Ana")
    crm.move_to_trash(user, "contact", conversation.contact_id, now)
    crm.restore_from_trash(user, "contact", conversation.contact_id)

    assert list(queries.live(user)) == [conversation]


def test_live_leaves_out_trashed_conversations_and_other_users(user, outsider, now):
    trashed = _conversation(user, "Ana")
    crm.move_to_trash(user, "conversation", trashed.pk, now)
    _conversation(outsider, "Eve")

    assert list(queries.live(user)) == []


def test_another_users_conversation_is_not_found(user, outsider):
    theirs = _conversation(outsider, "Eve")

    with pytest.raises(NotFound):
        queries.owned_conversation(user, theirs.pk)
    assert queries.owned_conversation(outsider, theirs.pk) == theirs


@pytest.mark.parametrize("pk", [999_999, "abc", None])
def test_an_unknown_or_malformed_id_is_not_found(user, pk):
    with pytest.raises(NotFound):
        queries.owned_conversation(user, pk)


def test_a_trashed_conversation_is_not_found(user, now):
    conversation = _conversation(user, "Ana")
    crm.move_to_trash(user, "conversation", conversation.pk, now)

    with pytest.raises(NotFound):
        queries.owned_conversation(user, conversation.pk)


def test_listed_is_newest_first_with_the_id_breaking_ties(user, now):
    rows = [_conversation(user, name) for name in ("Ana", "Bo", "Cy")]
    Conversation.objects.filter(pk__in=[r.pk for r in rows]).update(created_at=now)
    older = _conversation(user, "Di")
    Conversation.objects.filter(pk=older.pk).update(created_at=now - timedelta(days=1))

    assert [c.pk for c in queries.listed(user)] == [*sorted(r.pk for r in rows)[::-1], older.pk]


def test_listed_filters_by_stage_and_contact_and_ignores_an_unknown_stage(user, now):
    planned = _conversation(user, "Ana")
    requested = _conversation(user, "Bo")
    journey.record_event(user, requested.pk, {"type": "request_sent"}, now)

    assert list(queries.listed(user, stage="requested")) == [requested]
    assert list(queries.listed(user, contact_id=planned.contact_id)) == [planned]
    assert len(queries.listed(user, stage="no-such-stage")) == 2


def test_question_notes_keep_the_first_note_of_each_question(user, now):
    conversation = _conversation(user, "Ana")
    ensure_question_bank(user)
    question = offerable_questions(user).first()
    first = Note.objects.create(
        owner=user, conversation=conversation, question=question, text="first"
    )
    Note.objects.create(owner=user, conversation=conversation, question=question, text="second")
    Note.objects.create(owner=user, conversation=conversation, text="general")

    assert queries.question_notes(user, conversation) == {question.pk: first}


def test_another_users_action_item_is_not_found(user, outsider):
    item = ActionItem.objects.create(owner=outsider, text="Take the course")

    with pytest.raises(NotFound):
        queries.owned_action_item(user, item.pk)
    assert queries.owned_action_item(outsider, item.pk) == item


def test_messages_are_oldest_first_and_leave_out_the_trash(user, now):
    conversation = _conversation(user, "Ana")

    def message(sent_at, **extra):
        return Message.objects.create(
            owner=user,
            contact=conversation.contact,
            conversation=conversation,
            sent_at=sent_at,
            **extra,
        )

    later = message(now)
    tied = [message(now - timedelta(hours=1)) for _ in range(3)]
    Message.objects.filter(pk__in=[m.pk for m in tied]).update(created_at=now)
    draft = message(None, body="draft")
    message(now, deleted_at=now)

    assert list(messages_of(conversation, "sent")) == [*tied, later]
    assert list(messages_of(conversation, "draft")) == [draft]
    assert set(messages_of(conversation)) == {*tied, later, draft}


def test_another_users_template_is_not_found(user, outsider):
    theirs = list_templates(outsider)[0]

    with pytest.raises(NotFound):
        owned_template(user, theirs.pk)
    assert owned_template(outsider, theirs.pk) == theirs


def test_hidden_questions_are_not_offered_for_a_plan(user):
    ensure_question_bank(user)
    question = offerable_questions(user).first()
    set_hidden(user, question.pk, True)

    assert question not in offerable_questions(user)
    assert list(offerable_questions(user)) == sorted(offerable_questions(user), key=lambda q: q.pk)


def test_a_trashed_contacts_request_is_not_waiting_at_the_organization(user, now):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    asked, other = (
        crm.create_contact(user, {"first_name": name, "organization": org.pk, "source": "other"})
        for name in ("Ana", "Bo")
    )
    asked = journey.start_conversation(user, {"contact": asked.pk})
    other = journey.start_conversation(user, {"contact": other.pk})
    journey.record_event(user, asked.pk, {"type": "request_sent"}, now)
    assert waiting_elsewhere(user, other) == [asked]

    crm.move_to_trash(user, "contact", asked.contact_id, now)

    assert waiting_elsewhere(user, other) == []

"""A contact's timeline: everything that happened with them, newest first, nothing trashed."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.core.models import ActionItem, Conversation, Message, Note, Referral
from coffeechat.domain.dates import long_day
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts.timeline import contact_timeline
from coffeechat.services.conversations import actions as conversations


def _contact(user, first_name, **fields):
    return crm.create_contact(user, {"first_name": first_name, "source": "other", **fields})


def _story(user, now):
    ana = _contact(user, "Ana", last_name="Ruiz")
    sam = _contact(user, "Sam", last_name="Lee")
    kim = _contact(user, "Kim", last_name="Ng")
    conv = conversations.start_conversation(user, {"contact": ana.pk, "purpose": "Learn UX"})
    Conversation.objects.filter(pk=conv.pk).update(
        created_at=now - timedelta(days=10), held_at=now - timedelta(days=2)
    )
    Message.objects.create(
        owner=user,
        contact=ana,
        conversation=conv,
        kind="request",
        subject="Hello",
        body="Could we talk?",
        sent_at=now - timedelta(days=9),
    )
    Message.objects.create(owner=user, contact=ana, conversation=conv, body="draft, unsent")
    Message.objects.create(
        owner=user,
        contact=ana,
        conversation=conv,
        kind="reply",
        direction="in",
        body="Sure!",
        sent_at=now - timedelta(days=8),
    )
    note = Note.objects.create(
        owner=user, conversation=conv, text="Portfolio matters", tags=["craft"]
    )
    Note.objects.filter(pk=note.pk).update(created_at=now - timedelta(days=2))
    item = ActionItem.objects.create(
        owner=user,
        conversation=conv,
        text="Take the NN/g course",
        kind="course",
        due=(now + timedelta(days=7)).date(),
    )
    ActionItem.objects.filter(pk=item.pk).update(created_at=now - timedelta(days=2))
    made = Referral.objects.create(
        owner=user, from_contact=ana, to_contact=sam, via_conversation=conv, context="Design lead"
    )
    Referral.objects.filter(pk=made.pk).update(created_at=now - timedelta(days=1))
    got = Referral.objects.create(owner=user, from_contact=kim, to_contact=ana)
    Referral.objects.filter(pk=got.pk).update(created_at=now - timedelta(days=20))
    return ana, sam, kim, conv, note


def test_the_timeline_shows_every_kind_of_event_newest_first(user, now):
    ana, sam, kim, conv, _ = _story(user, now)
    titles = [(e.kind, e.title) for e in contact_timeline(user, ana)]
    assert titles == [
        ("referral", "Introduced you to Sam Lee"),
        # at the same moment, what came later in the story is shown first
        ("action", f"Action item (Course, due {long_day((now + timedelta(days=7)).date())})"),
        ("note", "Note"),
        ("milestone", "Interview held"),
        ("message", "They wrote: Reply"),
        ("message", "You wrote: Request"),
        ("milestone", "Chosen for outreach"),
        ("referral", "Introduced to you by Kim Ng"),
    ]
    entries = {e.title: e for e in contact_timeline(user, ana)}
    assert entries["You wrote: Request"].text == "Hello\nCould we talk?"
    assert entries["Note"].text == "Portfolio matters\nTags: craft"
    assert entries["Introduced you to Sam Lee"].contact_id == sam.pk
    assert entries["Chosen for outreach"].text == "Learn UX"


def test_trashed_things_leave_the_timeline_and_come_back_on_restore(user, now):
    ana, sam, _, conv, note = _story(user, now)
    crm.move_to_trash(user, "note", note.pk, now)
    crm.move_to_trash(user, "contact", sam.pk, now)
    kinds = [e.title for e in contact_timeline(user, ana)]
    assert "Note" not in kinds and "Introduced you to Sam Lee" not in kinds
    crm.move_to_trash(user, "conversation", conv.pk, now)
    assert [e.kind for e in contact_timeline(user, ana)] == ["referral"]  # only Kim's
    crm.restore_from_trash(user, "conversation", conv.pk)
    assert len(contact_timeline(user, ana)) == 6  # all but the trashed note and Sam


def test_the_timeline_costs_the_same_queries_however_long(user, now):
    ana, *_ = _story(user, now)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            contact_timeline(user, ana)
        return len(captured.captured_queries)

    before = queries()
    conv = Conversation.objects.create(owner=user, contact=ana)
    Message.objects.bulk_create(
        Message(owner=user, contact=ana, conversation=conv, sent_at=now) for _ in range(10)
    )
    Note.objects.bulk_create(Note(owner=user, conversation=conv, text="x") for _ in range(10))
    assert len(contact_timeline(user, ana)) == 8 + 1 + 10 + 10
    assert queries() == before


def test_the_contact_page_shows_the_timeline_with_links(signed_in, user, now):
    ana, sam, _, conv, _ = _story(user, now)
    html = signed_in.get(reverse("web:contact", args=[ana.pk])).content.decode()
    assert "Introduced you to Sam Lee" in html
    assert reverse("web:contact", args=[sam.pk]) in html
    assert reverse("web:conversation", args=[conv.pk]) in html
    assert "draft, unsent" not in html

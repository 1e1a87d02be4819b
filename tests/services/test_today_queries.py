"""Today costs the same number of queries for 10 and for 500 conversations."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.core.models import Contact, Conversation, Message, Note, Organization, Referral
from coffeechat.domain.types import Stage
from coffeechat.services.today import due_index
from coffeechat.services.today.due_list import today_for

STAGES = [
    Stage.PLANNED,
    Stage.REQUESTED,
    Stage.FOLLOWED_UP,
    Stage.REPLIED,
    Stage.HELD,
    Stage.THANKED,
]


def _campaign(user, now, count: int) -> None:
    org = Organization.objects.create(owner=user, name=f"Org {count}")
    contacts = Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"P{i}", last_name="Q", organization=org)
        for i in range(count)
    )
    conversations = Conversation.objects.bulk_create(
        Conversation(
            owner=user,
            contact=contact,
            stage=STAGES[i % len(STAGES)],
            requested_at=now - timedelta(days=10),
            followed_up_at=now - timedelta(days=9)
            if STAGES[i % len(STAGES)] == Stage.FOLLOWED_UP
            else None,
            replied_at=now - timedelta(days=5) if i % len(STAGES) >= 3 else None,
            reply_sentiment="positive" if i % len(STAGES) >= 3 else "",
            held_at=now - timedelta(days=2) if i % len(STAGES) >= 4 else None,
            thanked_at=now - timedelta(days=1) if i % len(STAGES) == 5 else None,
        )
        for i, contact in enumerate(contacts)
    )
    Message.objects.bulk_create(
        Message(owner=user, contact=c.contact, conversation=c, sent_at=now - timedelta(days=3))
        for c in conversations
    )
    Note.objects.bulk_create(Note(owner=user, conversation=c, text="n") for c in conversations[::2])
    Referral.objects.create(owner=user, from_contact=contacts[0], to_contact=contacts[-1])


def _queries(user, now) -> tuple[int, int]:
    due_index.rebuild(user, now)  # bulk_create sends no signals: build as an import would
    with CaptureQueriesContext(connection) as captured:
        listing = today_for(user, now)
    return len(captured.captured_queries), len(listing.items)


def test_today_makes_the_same_number_of_queries_for_10_and_500_conversations(user, outsider, now):
    """Profile, index state, the due rows of the page, the bucket counts."""
    _campaign(user, now, 10)
    _campaign(outsider, now, 500)
    small, small_items = _queries(user, now)
    large, large_items = _queries(outsider, now)
    assert large_items > small_items > 0
    assert small == large == 4

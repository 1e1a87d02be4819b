"""The statistics service: facts read from the database, in the user's zone, in fixed queries."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.core.models import CareerPath, Contact, Conversation, Message, Referral
from coffeechat.services.reflection.stats import stats_for


def _campaign(user, now, count: int) -> list[Contact]:
    path = CareerPath.objects.create(owner=user, title="UX research")
    contacts = Contact.objects.bulk_create(
        Contact(owner=user, first_name=f"P{i}", source="alumni" if i % 2 else "linkedin")
        for i in range(count)
    )
    requested = now - timedelta(days=21)
    conversations = Conversation.objects.bulk_create(
        Conversation(
            owner=user,
            contact=contact,
            career_path=path,
            requested_at=requested,
            replied_at=requested + timedelta(days=2) if i % 3 == 0 else None,
            held_at=now - timedelta(days=7) if i % 3 == 0 else None,
            planned_minutes=30,
        )
        for i, contact in enumerate(contacts)
    )
    Message.objects.bulk_create(
        Message(
            owner=user,
            contact=c.contact,
            conversation=c,
            channel="email" if i % 2 else "linkedin-message",
            kind="request",
            sent_at=requested,
        )
        for i, c in enumerate(conversations)
    )
    Referral.objects.create(owner=user, from_contact=contacts[0], to_contact=contacts[-1])
    return contacts


def _queries(user, now) -> int:
    with CaptureQueriesContext(connection) as captured:
        stats_for(user, now)
    return len(captured.captured_queries)


def test_statistics_cost_the_same_queries_for_n_and_2n_conversations(user, outsider, now):
    _campaign(user, now, 12)
    _campaign(outsider, now, 24)
    assert _queries(user, now) == _queries(outsider, now) == 6


def test_the_figures_come_from_the_users_own_live_rows(user, outsider, now):
    contacts = _campaign(user, now, 6)
    _campaign(outsider, now, 9)
    contacts[5].deleted_at = now  # trashed: gone from every figure
    contacts[5].save()
    stats = stats_for(user, now)
    # the referral went to the trashed P5, so nobody counts as having made one
    assert [step.count for step in stats.funnel] == [5, 5, 2, 2, 0, 0]
    assert {row.key: (row.requested, row.replied) for row in stats.by_source} == {
        "alumni": (2, 1),
        "linkedin": (3, 1),
    }
    assert {row.key: row.requested for row in stats.by_channel} == {
        "email": 2,
        "linkedin-message": 3,
    }
    assert stats.median_reply_days is not None
    assert (stats.total_minutes, stats.held_count) == (60, 2)
    assert sum(week.messages_sent for week in stats.weekly) == 5
    assert sum(week.interviews_held for week in stats.weekly) == 2
    assert [node.name for node in stats.referrals.nodes] == []  # P5, the one referred, is trashed


def test_dates_are_counted_in_the_users_zone(user, now):
    contact = Contact.objects.create(owner=user, first_name="Late")
    # 23:30 in New York on Monday 2 Nov is already Tuesday in UTC.
    late_monday = now.replace(day=2, hour=23, minute=30)
    conversation = Conversation.objects.create(
        owner=user, contact=contact, requested_at=late_monday - timedelta(days=7)
    )
    Message.objects.create(
        owner=user, contact=contact, conversation=conversation, sent_at=late_monday
    )
    weeks = stats_for(user, now).weekly
    monday = [week for week in weeks if week.messages_sent]
    assert [week.start.isoformat() for week in monday] == ["2026-11-02"]

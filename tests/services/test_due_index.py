"""The due index: always equal to a full recompute, read in a bounded amount, and the
actions a user can set aside (snooze, dismiss) or must answer (an unclassified reply)."""

from __future__ import annotations

import contextlib
import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.core.models import Contact, Conversation, NextStep
from coffeechat.domain.followup import compute_today
from coffeechat.domain.types import Bucket
from coffeechat.services.accounts.signin import create_user, ensure_profile
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations import replies
from coffeechat.services.conversations.card import card_for
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today import due_index, step_decisions
from coffeechat.services.today.due_list import (
    holidays_for,
    moment_for,
    rule_settings,
    today_by_bucket,
    today_for,
)
from coffeechat.services.today.facts import load_snapshot

NY = ZoneInfo("America/New_York")
START = datetime(2026, 11, 2, 9, 0, tzinfo=NY)  # a Monday


def _full_recompute(user, now):
    profile = ensure_profile(user)
    return compute_today(
        load_snapshot(user),
        now=now,
        zone=ZoneInfo(profile.time_zone),
        holidays=holidays_for(profile, now),
        settings=rule_settings(profile),
    )


def _same(user, now):
    indexed = [i.action for i in today_for(user, now).items]
    full = _full_recompute(user, now)
    assert indexed == full
    # The Today page's cut: the first two of each bucket, with every bucket's size.
    page = today_by_bucket(user, now, 2)
    for bucket in Bucket:
        in_bucket = [a for a in full if a.bucket is bucket]
        assert [i.action for i in page.bucket(bucket.value)] == in_bucket[:2]
        assert page.counts[bucket.value] == len(in_bucket)
    # A page of the whole list (the API's limit and offset) crosses buckets in order.
    for offset, limit in ((0, 3), (2, 3), (4, 5)):
        paged = today_for(user, now, limit=limit, offset=offset)
        assert [i.action for i in paged.items] == full[offset : offset + limit]
    return indexed


# -- the property: whatever happens, the index equals a full recompute ------------------

EVENTS = ("request_sent", "follow_up_sent", "reply", "scheduled", "held", "thank_you_sent")
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["contact", "start", "event", "note", "referral", "item", "trash", "move", "dnc"]
        ),
        st.integers(0, 5),
        st.integers(0, 5),
        st.integers(0, 20),
    ),
    min_size=1,
    max_size=25,
)


def _apply(user, op, a, b, day, orgs, people, talks):
    at = START + timedelta(days=day, hours=a)
    if op == "contact" or not people:
        org = orgs[a % len(orgs)]
        person = crm.create_contact(
            user,
            {
                "first_name": f"P{len(people)}",
                "last_name": "Q",
                "source": "alumni",
                "organization": org.pk,
                "research_notes": "" if b % 2 else "Notes",
            },
        )
        people.append(person)
        return
    person = people[a % len(people)]
    if op == "start":
        with contextlib.suppress(InvalidInput):  # do-not-contact people cannot be asked
            talks.append(conversations.start_conversation(user, {"contact": person.pk}))
    elif op == "event" and talks:
        talk = talks[a % len(talks)]
        event = EVENTS[b % len(EVENTS)]
        data = {"type": "reply_received", "sentiment": ("positive", "referral_only")[b % 2]}
        if event == "scheduled":
            data = {
                "type": "scheduled",
                "start_date": at.date().isoformat(),
                "start_time": "10:00",
                "time_zone": "America/New_York",
                "planned_minutes": "30",
                "medium": "video",
            }
        elif event != "reply":
            data = {"type": event}
        with contextlib.suppress(InvalidInput):  # an event that does not fit changes nothing
            conversations.record_event(user, talk.pk, {**data, "at": at.isoformat()}, at)
    elif op == "note" and talks:
        conversations.add_note(user, talks[a % len(talks)].pk, {"text": "A point"})
    elif op == "referral" and len(people) > 1:
        other = people[b % len(people)]
        if other.pk != person.pk:
            from coffeechat.core.models import Referral

            Referral.objects.create(owner=user, from_contact=person, to_contact=other)
    elif op == "item" and talks:
        from coffeechat.core.models import ActionItem

        talk = talks[a % len(talks)]
        ActionItem.objects.create(owner=user, conversation=talk, text="Course", due=at.date())
    elif op == "trash":
        crm.move_to_trash(user, "contact", person.pk, at)
        people.remove(person)
    elif op == "move":
        person.refresh_from_db()
        person.organization = orgs[b % len(orgs)]
        person.save()
    elif op == "dnc":
        person.refresh_from_db()
        person.do_not_contact = not person.do_not_contact
        person.save()


_USERS = itertools.count()


@pytest.mark.django_db
@settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(operations=OPERATIONS, looks=st.lists(st.integers(0, 40), min_size=1, max_size=4))
def test_the_index_always_equals_a_full_recompute(operations, looks):
    user = create_user(f"history{next(_USERS)}", "pw horse battery staple")
    profile = ensure_profile(user)
    profile.time_zone, profile.holiday_country = "America/New_York", "US"
    profile.save()
    orgs = [
        crm.create_organization(user, {"name": name, "motivation": 2, "posting": 1})
        for name in ("Acme", "Globex")
    ]
    today_for(user, START)  # built before the history, so every change goes through refresh
    people, talks = [], []
    for op, a, b, day in operations:
        _apply(user, op, a, b, day, orgs, people, talks)
    assert due_index.check(user) == []
    for day in looks:
        _same(user, START + timedelta(days=day, hours=3))


# -- cost: a request reads what is due, not what is stored -------------------------------


def _waiting_campaign(user, count, now):
    """``count`` people asked yesterday: their follow-ups are due beyond Today's week."""
    org = crm.create_organization(user, {"name": f"Org {count}", "motivation": 2, "posting": 1})
    for i in range(count):
        person = Contact.objects.create(
            owner=user, first_name=f"P{i}", last_name="Q", organization=org, research_notes="x"
        )
        Conversation.objects.create(
            owner=user,
            contact=person,
            stage="followed_up",
            requested_at=now - timedelta(days=3),
            followed_up_at=now - timedelta(days=1),
        )
    due_index.rebuild(user, now)


def _today_queries(user, now):
    with CaptureQueriesContext(connection) as captured:
        listing = today_for(user, now, limit=50)
    return len(captured.captured_queries), [i.action.title for i in listing.items]


def test_a_request_costs_the_same_for_n_and_10n_people_waiting(user, outsider):
    now = timezone.now()  # the research step is due the day the contact is chosen
    for owner in (user, outsider):
        person = crm.create_contact(
            owner, {"first_name": "Due", "last_name": "One", "source": "alumni"}
        )
        conversations.start_conversation(owner, {"contact": person.pk})
    _waiting_campaign(user, 20, now)
    _waiting_campaign(outsider, 200, now)
    assert (
        NextStep.objects.filter(owner=outsider).count()
        > 9 * NextStep.objects.filter(owner=user).count() / 2
    )
    small = _today_queries(user, now)
    large = _today_queries(outsider, now)
    assert small == large  # the same queries and the same single due action
    assert large[1] == ["Research Due One"]


# -- as_of: one bound, checked once -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "allowed"),
    [
        (date(1970, 1, 1), True),
        (date(1969, 12, 31), False),
        (date(2199, 12, 31), True),
        (date(2200, 1, 1), False),
        (date(9999, 12, 31), False),
    ],
)
def test_as_of_is_bounded_at_both_ends(day, allowed):
    if allowed:
        assert moment_for(day, NY).date() == day
    else:
        with pytest.raises(InvalidInput, match="between 1970-01-01 and 2199-12-31"):
            moment_for(day, NY)


def test_the_today_page_answers_400_for_a_date_out_of_range(signed_in, user):
    crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"})
    response = signed_in.get("/?as_of=9999-12-31")
    assert response.status_code == 400
    assert "between 1970-01-01 and 2199-12-31" in response.content.decode()
    assert signed_in.get("/?as_of=2199-12-31").status_code == 200


# -- a reply logged without saying how it went --------------------------------------------


@pytest.fixture
def replied(user, now):
    person = crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni", "research_notes": "PM"},
    )
    talk = conversations.start_conversation(user, {"contact": person.pk})
    conversations.record_event(user, talk.pk, {"type": "request_sent"}, now - timedelta(days=2))
    # As the message import logs it: replied, with no sentiment.
    talk.refresh_from_db()
    talk.stage, talk.replied_at = "replied", now - timedelta(days=1)
    talk.save()
    return talk


def test_an_unclassified_reply_is_an_action_on_today_and_the_page_alike(user, replied, now):
    actions = _same(user, now)
    assert [a.title for a in actions] == ["Say how Ana Ruiz replied"]
    card = card_for(user, replied, now)
    assert (card.kind, card.due, card.reason, card.on_today) == (
        actions[0].kind,
        actions[0].due,
        actions[0].reason,
        True,
    )


def test_classifying_the_reply_leads_to_the_next_step(user, replied, now):
    replies.classify_reply(user, replied.pk, "positive", now)
    assert [a.title for a in _same(user, now)] == ["Propose times to Ana Ruiz"]


def test_a_no_closes_the_conversation_and_empties_today(user, replied, now):
    replies.classify_reply(user, replied.pk, "negative", now)
    replied.refresh_from_db()
    assert replied.stage == "closed" and replied.close_reason == "declined"
    assert _same(user, now) == []


def test_only_a_reply_can_be_classified(user, replied, now):
    replies.classify_reply(user, replied.pk, "referral_only", now)
    with pytest.raises(InvalidInput):
        replies.classify_reply(user, replied.pk, "out_of_office", now)


# -- snooze and dismiss ----------------------------------------------------------------------


def test_a_snoozed_action_comes_back_on_its_day_not_before(user, replied, now):
    key = _same(user, now)[0].key
    tomorrow = now.date() + timedelta(days=2)
    step_decisions.snooze(user, key, tomorrow, now)
    assert today_for(user, now).items == []
    day_before = datetime.combine(tomorrow - timedelta(days=1), datetime.min.time(), NY)
    assert today_for(user, day_before + timedelta(hours=23, minutes=59)).items == []
    back = today_for(user, datetime.combine(tomorrow, datetime.min.time(), NY))
    assert [i.action.key for i in back.items] == [key]


def test_snoozing_to_today_or_earlier_is_refused(user, replied, now):
    key = _same(user, now)[0].key
    with pytest.raises(InvalidInput, match="after today"):
        step_decisions.snooze(user, key, now.date(), now)
    assert len(today_for(user, now).items) == 1


def test_a_dismissal_is_kept_in_history_and_can_be_undone(user, replied, now):
    key = _same(user, now)[0].key
    decision = step_decisions.dismiss(user, key, "We spoke at the fair", now)
    assert today_for(user, now).items == []
    assert [(d.choice, d.reason) for d in step_decisions.history(user)] == [
        ("dismiss", "We spoke at the fair")
    ]
    step_decisions.undo(user, decision.pk, now)
    assert [i.action.key for i in today_for(user, now).items] == [key]
    assert step_decisions.history(user)[0].undone_at is not None


def test_an_unknown_key_is_refused_and_changes_nothing(user, replied, now, outsider):
    with pytest.raises(InvalidInput, match="No action"):
        step_decisions.dismiss(user, "follow_up:conversation:999999", "", now)
    key = _same(user, now)[0].key
    with pytest.raises(InvalidInput):
        step_decisions.dismiss(outsider, key, "", now)  # another user's action is not found
    assert len(today_for(user, now).items) == 1


# -- reindex ----------------------------------------------------------------------------------


def test_check_finds_a_stale_index_and_rebuild_repairs_it(user, replied, now):
    today_for(user, now)
    NextStep.objects.filter(owner=user).update(due=date(2030, 1, 1))
    assert due_index.check(user, now)
    due_index.rebuild(user, now)
    assert due_index.check(user, now) == []

"""Recording what happened moves a conversation along and the Today list follows."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coffeechat.core.models import Message
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_list import moment_for, today_for
from coffeechat.web.links import door_url

NY = ZoneInfo("America/New_York")


def _kinds(user, now):
    return {(item.action.kind.value, item.action.title) for item in today_for(user, now).items}


@pytest.fixture
def ana(user):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 3, "posting": 2})
    return crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "organization": org.pk,
            "research_notes": "Led the patient portal redesign.",
        },
    )


def _follow_up(user, day):
    items = today_for(user, moment_for(day, NY)).items
    return next(i for i in items if i.action.kind.value == "follow_up")


def test_a_request_is_followed_up_on_the_seventh_business_day_skipping_a_holiday(user, ana):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    sent = datetime(2026, 11, 2, 10, 0, tzinfo=NY)  # a Monday
    conversations.record_event(
        user, conversation.pk, {"type": "request_sent", "at": sent.isoformat()}, sent
    )
    # Veterans Day (Wed 11 Nov) is a US public holiday, so business day 7 is Thu 12 Nov.
    day_before = _follow_up(user, date(2026, 11, 11))
    assert day_before.action.bucket.value == "upcoming"
    due = _follow_up(user, date(2026, 11, 12))
    assert due.action.bucket.value == "today" and due.action.due == date(2026, 11, 12)
    assert door_url(due.action) == f"/conversations/{conversation.pk}/compose/?kind=follow-up"
    assert _follow_up(user, date(2026, 11, 13)).action.overdue


def test_the_whole_journey_changes_today_at_each_step(user, ana):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    t0 = datetime(2026, 11, 2, 10, 0, tzinfo=NY)

    def record(event: dict, at: datetime) -> None:
        conversations.record_event(user, conversation.pk, {**event, "at": at.isoformat()}, at)

    record({"type": "request_sent"}, t0)
    record({"type": "reply_received", "sentiment": "positive"}, t0 + timedelta(days=1))
    assert ("schedule", "Propose times to Ana Ruiz") in _kinds(user, t0 + timedelta(days=2))

    record(
        {
            "type": "scheduled",
            "starts_at": "2026-11-06T10:00",
            "time_zone": "America/Chicago",
            "minutes": 30,
        },
        t0 + timedelta(days=2),
    )
    kinds = _kinds(user, datetime(2026, 11, 6, 8, 0, tzinfo=NY))
    assert ("schedule", "Propose times to Ana Ruiz") not in kinds
    assert (
        "attend",
        "Interview Ana Ruiz at 11:00 (30 min, video)",
    ) in kinds  # 10:00 Chicago = 11:00 NY

    record({"type": "held"}, datetime(2026, 11, 6, 11, 30, tzinfo=NY))
    after = datetime(2026, 11, 6, 12, 0, tzinfo=NY)
    assert {"thank", "capture"} <= {kind for kind, _ in _kinds(user, after)}

    conversations.add_note(
        user, conversation.pk, {"text": "Portfolio beats degree", "highlight": "on"}
    )
    record({"type": "thank_you_sent"}, datetime(2026, 11, 6, 18, 0, tzinfo=NY))
    kinds = {kind for kind, _ in _kinds(user, datetime(2026, 11, 7, 9, 0, tzinfo=NY))}
    assert "thank" not in kinds and "capture" not in kinds
    report_back = _kinds(user, datetime(2026, 11, 13, 9, 0, tzinfo=NY))
    assert ("stay_in_touch", "Tell Ana Ruiz what you did with their advice") in report_back

    logged = list(
        Message.objects.filter(conversation=conversation).values_list("kind", "direction")
    )
    assert logged == [("request", "out"), ("reply", "in"), ("thank-you", "out")]


def test_a_negative_reply_closes_the_conversation_and_silences_it(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user, conversation.pk, {"type": "reply_received", "sentiment": "negative"}, now
    )
    conversation.refresh_from_db()
    assert conversation.stage == "closed" and conversation.close_reason == "declined"
    assert today_for(user, now + timedelta(days=30)).items == []


def test_an_out_of_office_reply_keeps_the_request_clock_running(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user, conversation.pk, {"type": "reply_received", "sentiment": "out_of_office"}, now
    )
    conversation.refresh_from_db()
    assert conversation.stage == "requested" and conversation.replied_at is None


def test_a_reply_without_a_sentiment_is_refused_and_changes_nothing(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    with pytest.raises(InvalidInput) as refused:
        conversations.record_event(user, conversation.pk, {"type": "reply_received"}, now)
    assert "sentiment" in refused.value.errors
    conversation.refresh_from_db()
    assert conversation.stage == "requested"


def test_a_draft_becomes_the_sent_request(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.save_draft(user, conversation.pk, {"subject": "Hello", "body": "Twenty minutes?"})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    messages = list(Message.objects.filter(conversation=conversation))
    assert len(messages) == 1
    assert messages[0].body == "Twenty minutes?" and messages[0].sent_at == now


def test_a_do_not_contact_person_cannot_be_chosen_for_outreach(user):
    contact = crm.create_contact(
        user, {"first_name": "Al", "source": "other", "do_not_contact": "on"}
    )
    with pytest.raises(InvalidInput) as refused:
        conversations.start_conversation(user, {"contact": contact.pk})
    assert "do-not-contact" in refused.value.summary()


def test_reopening_a_closed_conversation_returns_it_to_where_it_was(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user, conversation.pk, {"type": "closed", "reason": "no_response"}, now
    )
    assert today_for(user, now + timedelta(days=30)).items == []
    conversations.record_event(user, conversation.pk, {"type": "reopened"}, now)
    conversation.refresh_from_db()
    assert conversation.stage == "requested" and conversation.closed_at is None
    kinds = {i.action.kind.value for i in today_for(user, now + timedelta(days=30)).items}
    assert "follow_up" in kinds


def test_a_far_future_date_is_refused_not_crashed_on(user, ana, now):
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    with pytest.raises(InvalidInput) as refused:
        conversations.record_event(
            user, conversation.pk, {"type": "request_sent", "at": "9999-12-31T23:00"}, now
        )
    assert "plausible year" in refused.value.summary()


def test_a_conversation_can_change_length_and_path_but_keeps_its_stage(user, ana, now):
    path = crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, now)
    conversations.update_conversation(
        user, conversation.pk, {"planned_minutes": 45, "career_path": path.pk}, partial=True
    )
    conversation.refresh_from_db()
    assert (conversation.planned_minutes, conversation.career_path_id) == (45, path.pk)
    assert conversation.stage == "requested" and conversation.medium == "video"


def test_someone_who_already_declined_is_not_suggested_as_another_door(user, ana, now):
    """Closed conversations are read lightly for speed but still count as contacted."""
    ben = crm.create_contact(
        user, {"first_name": "Ben", "source": "linkedin", "organization": ana.organization_id}
    )
    declined = conversations.start_conversation(user, {"contact": ben.pk})
    conversations.record_event(user, declined.pk, {"type": "request_sent"}, now)
    conversations.record_event(user, declined.pk, {"type": "declined"}, now)
    waiting = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, waiting.pk, {"type": "request_sent"}, now)
    kinds = {i.action.kind.value for i in today_for(user, now + timedelta(days=6)).items}
    assert "follow_up" in kinds and "try_another" not in kinds
    crm.create_contact(
        user, {"first_name": "Cy", "source": "alumni", "organization": ana.organization_id}
    )
    kinds = {i.action.kind.value for i in today_for(user, now + timedelta(days=6)).items}
    assert "try_another" in kinds

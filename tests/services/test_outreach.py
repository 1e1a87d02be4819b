"""Templates, merge context, composing, marking sent and the one-request-per-organization rule."""

from datetime import timedelta

import pytest

from coffeechat.core.models import Message, Note, Template
from coffeechat.domain.builtin_templates import BUILTINS
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.errors import InvalidInput
from coffeechat.services.outreach import composer as outreach
from coffeechat.services.outreach import templates


@pytest.fixture
def org(user):
    return crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})


@pytest.fixture
def ana(user, org):
    return crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "source": "alumni",
            "last_name": "Ruiz",
            "title": "UX researcher",
            "email": "ana@example.com",
            "organization": org.pk,
            "connection_line": "Maya Chen, a fellow Michigan alum, suggested I write to you",
        },
    )


@pytest.fixture
def conversation(user, ana):
    return conversations.start_conversation(user, {"contact": ana.pk})


def test_builtins_are_seeded_once_and_edits_survive_reseeding(user):
    assert templates.seed_templates(user) == len(BUILTINS)
    first = Template.objects.get(owner=user, builtin_key="request-email")
    first.body = "Mine now"
    first.save()
    assert templates.seed_templates(user) == 0
    first.refresh_from_db()
    assert first.body == "Mine now"
    assert Template.objects.filter(owner=user).count() == len(BUILTINS)


def test_a_template_with_an_unknown_field_is_refused_with_the_field_named(user):
    data = {
        "name": "Mine",
        "channel": "email",
        "kind": "request",
        "subject": "Hi",
        "body": "Hi {frist_name}",
    }
    with pytest.raises(InvalidInput) as caught:
        templates.save_template(user, data)
    assert "{frist_name}" in caught.value.summary()
    assert "{first_name}" in caught.value.summary()  # the suggestion
    assert not Template.objects.filter(owner=user, name="Mine").exists()


def test_the_request_template_fills_from_contact_profile_and_conversation(user, conversation, now):
    profile = user.profile
    profile.name, profile.signature = "Ada Lovelace", "Ada Lovelace\nada@example.com"
    profile.background = "I taught maths for three years"
    profile.save()
    template = outreach.default_template(user, outreach.suggested_kind(conversation))
    composed = outreach.compose(user, conversation.pk, template.pk, now)
    assert composed.body.startswith("Hi Ana,")
    assert "Maya Chen, a fellow Michigan alum, suggested I write to you." in composed.body
    assert "UX researcher at Acme" in composed.body
    assert "I taught maths for three years." in composed.body
    assert "Would you have 30 minutes" in composed.body
    # No career path and no interests in the profile: that field is left for the user.
    assert composed.missing == ("my_interest",)
    assert "{my_interest}" in composed.subject


def test_the_thank_you_offers_each_highlight_as_a_frame_without_the_note_text(
    user, conversation, now
):
    notes = ["Learn SQL before the analytics bootcamp", "Ask for the Design Systems Slack invite"]
    for text in notes:
        Note.objects.create(owner=user, conversation=conversation, text=text, highlight=True)
    Note.objects.create(owner=user, conversation=conversation, text="Small talk about weather")
    conversation.held_at = now
    conversation.save()
    template = outreach.default_template(user, "thank-you")
    composed = outreach.compose(user, conversation.pk, template.pk, now)
    assert "- Your point about {point 1 in your words} stayed with me." in composed.body
    assert "- I keep coming back to what you said about {point 2 in your words}." in composed.body
    for word in ("SQL", "bootcamp", "Slack", "Design Systems", "weather"):
        assert word not in composed.body

    def failed(body: str) -> list[str]:
        data = {"channel": "email", "kind": "thank-you", "subject": "Thanks", "body": body}
        results = outreach.check_draft(user, data, now + timedelta(hours=2), conversation)
        return [r.id for r in results if not r.passed]

    # Until the user writes the points, the draft says what is left to do...
    assert failed(composed.body) == ["placeholders", "thank-you-specific"]
    # ...and once written in their own words, it passes.
    written = composed.body.replace(
        "{point 1 in your words}", "learning SQL before any bootcamp"
    ).replace("{point 2 in your words}", "the design community on Slack")
    assert failed(written) == []


def test_the_follow_up_replies_on_the_same_thread(user, conversation, now):
    data = {
        "channel": "email",
        "kind": "request",
        "subject": "Learning about UX from you",
        "body": "Hi Ana",
    }
    outreach.mark_sent(user, conversation.pk, data, now)
    template = outreach.default_template(user, "follow-up")
    composed = outreach.compose(user, conversation.pk, template.pk, now + timedelta(days=9))
    assert composed.subject == "Re: Learning about UX from you"


def test_marking_sent_records_the_message_and_the_stage(user, conversation, now):
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi Ana"}
    outreach.save_composer_draft(user, conversation.pk, data)
    message = outreach.mark_sent(user, conversation.pk, data, now)
    conversation.refresh_from_db()
    assert conversation.stage == "requested"
    assert conversation.requested_at == now
    assert message.sent_at == now and message.body == "Hi Ana"
    # The draft became the sent message: no stray draft is left behind.
    assert Message.objects.filter(conversation=conversation).count() == 1


def test_a_draft_with_unfilled_fields_needs_confirming(user, conversation, now):
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi {first_name}"}
    with pytest.raises(InvalidInput) as caught:
        outreach.mark_sent(user, conversation.pk, data, now)
    assert "{first_name}" in caught.value.summary()
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    outreach.mark_sent(user, conversation.pk, {**data, "confirm_unfilled": "1"}, now)
    conversation.refresh_from_db()
    assert conversation.stage == "requested"


def test_another_waiting_request_at_the_organization_is_reported(user, org, conversation, now):
    ben = crm.create_contact(user, {"first_name": "Ben", "organization": org.pk, "source": "other"})
    second = conversations.start_conversation(user, {"contact": ben.pk})
    assert outreach.waiting_elsewhere(user, second) == []
    outreach.mark_sent(user, conversation.pk, {"kind": "request", "subject": "s", "body": "b"}, now)
    assert outreach.waiting_elsewhere(user, second) == [conversation]


def test_the_next_contact_at_an_organization_skips_those_already_asked(
    user, org, conversation, now
):
    outreach.mark_sent(user, conversation.pk, {"kind": "request", "subject": "s", "body": "b"}, now)
    crm.create_contact(
        user,
        {"first_name": "Cleo", "organization": org.pk, "source": "other", "do_not_contact": True},
    )
    ben = crm.create_contact(user, {"first_name": "Ben", "organization": org.pk, "source": "other"})
    contact, planned = outreach.next_contact_at(user, org.pk)
    assert contact == ben and planned is None


def test_another_users_conversation_cannot_be_composed(outsider, conversation, now):
    from coffeechat.services.errors import NotFound

    template = templates.list_templates(outsider)[0]
    with pytest.raises(NotFound):
        outreach.compose(outsider, conversation.pk, template.pk, now)


@pytest.mark.parametrize("first_kind", ["update", "report-back"])
def test_the_first_message_after_the_thank_you_is_logged_as_the_report_back(
    user, conversation, now, first_kind
):
    conversation.stage, conversation.held_at, conversation.thanked_at = "thanked", now, now
    conversation.save()
    data = {"channel": "email", "kind": first_kind, "subject": "News", "body": "I did it"}
    outreach.save_composer_draft(user, conversation.pk, data)
    later = now + timedelta(days=8)
    outreach.mark_sent(user, conversation.pk, data, later)
    conversation.refresh_from_db()
    assert conversation.report_back_at == later
    assert list(conversation.messages.values_list("kind", "sent_at")) == [("report-back", later)]
    second = {**data, "kind": "update", "body": "More news"}
    outreach.mark_sent(user, conversation.pk, second, later + timedelta(days=30))
    kinds = list(conversation.messages.order_by("sent_at").values_list("kind", flat=True))
    assert kinds == ["report-back", "update"]
    assert conversations.open_draft(conversation) is None


def test_the_report_back_lists_what_was_done_since_the_thank_you(user, conversation, now):
    from coffeechat.core.models import ActionItem

    conversation.stage, conversation.held_at = "thanked", now - timedelta(days=8)
    conversation.thanked_at = now - timedelta(days=7)
    conversation.save()
    ActionItem.objects.create(owner=user, text="Old course", done_at=now - timedelta(days=9))
    ActionItem.objects.create(
        owner=user, text="Finished the SQL course", done_at=now - timedelta(days=2)
    )
    ActionItem.objects.create(owner=user, text="Not done yet")
    ActionItem.objects.create(
        owner=user,
        conversation=conversation,
        text="Read the book they recommended",
        done_at=now - timedelta(days=1),
    )
    template = outreach.default_template(user, "report-back")
    body = outreach.compose(user, conversation.pk, template.pk, now).body
    # Their own advice first, then the rest of what was done since the thank-you.
    assert "- Read the book they recommended\n- Finished the SQL course" in body
    assert "Old course" not in body and "Not done yet" not in body


def test_an_update_lists_recent_progress(user, ana, conversation, now):
    from coffeechat.core.models import ActionItem

    conversation.stage, conversation.held_at = "thanked", now - timedelta(days=60)
    conversation.thanked_at = conversation.report_back_at = now - timedelta(days=40)
    conversation.save()
    from coffeechat.services.reflection.paths import review_path

    path = crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    review_path(
        user, path.pk, {"status": "pursuing", "reason": "Loved it"}, now - timedelta(days=1)
    )
    kept = crm.create_career_path(user, {"title": "Data", "status": "exploring"})
    review_path(user, kept.pk, {"reason": "Still unsure"}, now - timedelta(days=1))
    old = crm.create_career_path(user, {"title": "Sales", "status": "exploring"})
    review_path(user, old.pk, {"status": "dropped", "reason": "No"}, now - timedelta(days=50))
    other = crm.create_contact(user, {"first_name": "Ben", "source": "other"})
    for _ in range(2):
        held = conversations.start_conversation(user, {"contact": other.pk})
        held.held_at = now - timedelta(days=5)
        held.save()
    ActionItem.objects.create(
        owner=user, text="Built a portfolio case study", done_at=now - timedelta(days=3)
    )
    template = outreach.default_template(user, "update")
    body = outreach.compose(user, conversation.pk, template.pk, now).body
    assert "- I have had 2 more conversations about the field." in body
    assert "- Done: Built a portfolio case study" in body
    assert f"- I am now pursuing {path.title}." in body
    assert "Data" not in body  # a review that changed nothing is no news
    assert "Sales" not in body  # decided before the report-back: told already


def test_an_update_tells_only_what_is_new_since_the_last_message_to_them(
    user, ana, conversation, now
):
    from coffeechat.core.models import ActionItem, Message

    conversation.stage, conversation.held_at = "thanked", now - timedelta(days=90)
    conversation.thanked_at = conversation.report_back_at = now - timedelta(days=80)
    conversation.save()
    ActionItem.objects.create(owner=user, text="Told last time", done_at=now - timedelta(days=40))
    Message.objects.create(
        owner=user,
        contact=ana,
        conversation=conversation,
        direction="out",
        kind="update",
        subject="An update",
        body="...",
        sent_at=now - timedelta(days=30),
    )
    ActionItem.objects.create(owner=user, text="New since", done_at=now - timedelta(days=3))
    template = outreach.default_template(user, "update")
    body = outreach.compose(user, conversation.pk, template.pk, now).body
    assert "- Done: New since" in body
    assert "Told last time" not in body


def test_an_introduction_ask_is_logged_at_the_time_given_without_moving_the_stage(
    user, conversation, now
):
    from zoneinfo import ZoneInfo

    data = {
        "kind": "introduction-ask",
        "subject": "Intro?",
        "body": "Would you introduce us?",
        "at": "2026-11-02T18:30",
    }
    message = outreach.mark_sent(user, conversation.pk, data, now)
    assert message.sent_at.astimezone(ZoneInfo("America/New_York")).hour == 18
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    with pytest.raises(InvalidInput):
        outreach.mark_sent(user, conversation.pk, {**data, "at": "yesterday"}, now)


def test_the_thank_you_timing_check_follows_the_users_thank_setting(user, conversation, now):
    from coffeechat.services.today.due_list import update_rule_settings

    conversation.held_at = now - timedelta(hours=30)
    conversation.save()
    draft = {"channel": "email", "kind": "thank-you", "subject": "Thanks", "body": "Thank you"}

    def timely():
        results = outreach.check_draft(user, draft, now, conversation)
        return next(r for r in results if r.id == "thank-you-timely").passed

    assert timely() is False  # 30 hours is late by the default 24
    update_rule_settings(user, {"thank_within_hours": 48})
    assert timely() is True

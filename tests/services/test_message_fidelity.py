"""What a message says is written to its reader: no private notes, the right meeting.

A draft for a contact with private notes, a referral and an in-person
60-minute meeting read as a message to that person, and the invite carries no
private text either.
"""

import pytest

from coffeechat.domain.outreach import Draft, run_checks
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.conversations import interview
from coffeechat.services.outreach import composer as outreach
from coffeechat.services.scheduling.invites import invite_ics

PRIVATE = "She moved from marketing to PM in 2021; seemed guarded about her manager"
PURPOSE = "Find out whether she thinks my marketing years count for anything"


@pytest.fixture
def profile(user):
    profile = user.profile
    profile.name, profile.signature = "Michael Brooks", "Michael Brooks"
    profile.background = "I have led product marketing for six years"
    profile.save()
    return profile


@pytest.fixture
def pm_path(user):
    return crm.create_career_path(
        user, {"title": "Product Management", "field": "Software", "status": "exploring"}
    )


@pytest.fixture
def dana(user):
    return crm.create_contact(
        user,
        {
            "first_name": "Dana",
            "last_name": "Okafor",
            "title": "Group product manager",
            "source": "linkedin",
            "email": "dana@example.com",
            "connection": PRIVATE,
            "research_notes": "Wrote a post on pricing experiments.",
        },
    )


def first_request(user, conversation, now):
    template = outreach.default_template(user, outreach.suggested_kind(conversation))
    return outreach.compose(user, conversation.pk, template.pk, now)


def test_a_draft_never_pastes_the_private_connection_note(user, profile, pm_path, dana, now):
    conversation = conversations.start_conversation(
        user, {"contact": dana.pk, "career_path": pm_path.pk, "purpose": PURPOSE}
    )
    draft = first_request(user, conversation, now)
    assert PRIVATE not in draft.body
    assert "marketing to PM" not in draft.body
    assert PURPOSE not in draft.body
    assert draft.body.startswith("Hi Dana,\n\nI came across your profile on LinkedIn.")


def test_the_interest_is_the_path_as_said_not_its_raw_field(user, profile, pm_path, dana, now):
    conversation = conversations.start_conversation(
        user, {"contact": dana.pk, "career_path": pm_path.pk}
    )
    draft = first_request(user, conversation, now)
    assert draft.subject == "Learning about product management from you"
    assert "I am exploring product management" in draft.body
    assert "Software" not in draft.subject + draft.body


def test_the_paths_own_phrase_is_used_as_written(user, profile, pm_path, dana, now):
    crm.update_career_path(
        user,
        pm_path.pk,
        {
            "title": pm_path.title,
            "status": "exploring",
            "interest_phrase": "a move from marketing into product",
        },
    )
    conversation = conversations.start_conversation(
        user, {"contact": dana.pk, "career_path": pm_path.pk}
    )
    assert (
        "I am exploring a move from marketing into product"
        in first_request(user, conversation, now).body
    )


def test_a_referral_draft_names_the_introducer_and_not_what_they_said(user, profile, pm_path, now):
    alice = crm.create_contact(
        user, {"first_name": "Alice", "last_name": "Ng", "source": "colleague"}
    )
    with_alice = conversations.start_conversation(user, {"contact": alice.pk})
    referral = interview.capture_referral(
        user,
        with_alice.pk,
        {"name": "Sam Lee", "context": "Hires ex-teachers, runs the district fellowship"},
    )
    sam_talk = conversations.start_conversation(
        user, {"contact": referral.to_contact.pk, "career_path": pm_path.pk}
    )
    draft = first_request(user, sam_talk, now)
    assert "Alice Ng suggested I reach out to you." in draft.body
    assert "Hires ex-teachers" not in draft.body
    assert "Introduced by" not in draft.body


def test_an_in_person_hour_asks_for_an_hour_over_coffee(user, profile, pm_path, dana, now):
    conversation = conversations.start_conversation(
        user,
        {
            "contact": dana.pk,
            "career_path": pm_path.pk,
            "medium": "in_person",
            "planned_minutes": 60,
        },
    )
    draft = first_request(user, conversation, now)
    assert "Would you have 60 minutes for a coffee" in draft.body
    assert "a call" not in draft.body
    ask = next(
        r for r in run_checks(Draft(subject=draft.subject, body=draft.body)) if r.id == "ask"
    )
    assert not ask.passed and "15–30 minutes" in ask.message  # advised, not rewritten
    assert ask.severity.value == "warning" and "more yeses" in ask.message

    # With the conversation, 60 is the length the user chose: accepted, with a note on why.
    data = {"channel": "email", "kind": "request", "subject": draft.subject, "body": draft.body}
    results = outreach.check_draft(user, data, now, conversation)
    ask = next(r for r in results if r.id == "ask")
    assert ask.severity.value == "tip"
    assert "You planned 60 minutes" in ask.message
    assert "more yeses" in ask.message and "respect their time" in ask.message
    failed = [r.id for r in results if not r.passed and r.severity.value != "tip"]
    assert "ask" not in failed

    # Asking for another length than planned is still a warning.
    data["body"] = draft.body.replace("60 minutes", "45 minutes")
    ask = next(r for r in outreach.check_draft(user, data, now, conversation) if r.id == "ask")
    assert ask.severity.value == "warning" and "45 is harder to fit" in ask.message


def test_the_invite_carries_no_private_text(user, profile, dana, now):
    conversation = conversations.start_conversation(
        user, {"contact": dana.pk, "purpose": PURPOSE, "medium": "in_person"}
    )
    conversation.start_date, conversation.start_time = now.date(), now.time()
    conversation.time_zone = "America/New_York"
    conversation.save()
    invite = invite_ics(conversation).decode()
    assert "marketing years" not in invite
    assert "marketing to PM" not in invite
    assert "in person" in invite

"""Research, send and try another door: getting a request out.

Dates are in November 2026: Monday the 2nd, Friday the 6th, Wednesday the 11th.
"""

from datetime import UTC, datetime

import pytest

from coffeechat.domain.types import (
    ActionKind,
    Bucket,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Stage,
)

from .builders import (
    at,
    contact,
    conversation,
    d,
    followed_up,
    of_kind,
    requested,
    single,
    snapshot,
    today_list,
)

BOB = contact(id=2, name="Bob Stone")
CARA = contact(id=3, name="Cara Diaz")


# Research


def test_a_planned_contact_without_research_needs_researching_from_the_day_chosen() -> None:
    snap = snapshot(contacts=[contact(has_research=False)], conversations=[conversation()])
    action = single(today_list(snap, at("2026-11-02", "12:00")), ActionKind.RESEARCH)
    assert action.title == "Research Ana Ruiz"
    assert action.due == d("2026-11-02")
    assert action.bucket is Bucket.TODAY
    assert action.reason.startswith("Research rule:")
    assert (action.contact_id, action.organization_id, action.conversation_id) == (1, 10, 100)


def test_research_is_due_on_the_local_date_the_contact_was_chosen() -> None:
    # 02:00 UTC on Tuesday is Monday evening in New York.
    chosen = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)
    snap = snapshot(
        contacts=[contact(has_research=False)], conversations=[conversation(created_at=chosen)]
    )
    action = single(today_list(snap, at("2026-11-03", "12:00")), ActionKind.RESEARCH)
    assert action.due == d("2026-11-02")
    assert action.overdue


@pytest.mark.parametrize(
    ("has_research", "stage", "expected"),
    [(False, Stage.PLANNED, 1), (True, Stage.PLANNED, 0), (False, Stage.REQUESTED, 0)],
)
def test_research_is_asked_only_for_planned_contacts_with_an_empty_research_section(
    has_research: bool, stage: Stage, expected: int
) -> None:
    snap = snapshot(
        contacts=[contact(has_research=has_research)],
        conversations=[conversation(stage=stage, requested_at=at("2026-11-02"))],
    )
    assert len(of_kind(today_list(snap, at("2026-11-02")), ActionKind.RESEARCH)) == expected


def test_a_contact_planned_for_two_paths_is_researched_once_from_the_oldest_plan() -> None:
    snap = snapshot(
        contacts=[contact(has_research=False)],
        conversations=[
            conversation(id=101, created_at=at("2026-11-03"), career_path_id=2),
            conversation(id=100, created_at=at("2026-11-02"), career_path_id=1),
            conversation(id=102, created_at=at("2026-11-04"), career_path_id=3),
        ],
    )
    action = single(today_list(snap, at("2026-11-04")), ActionKind.RESEARCH)
    assert (action.conversation_id, action.career_path_id, action.due) == (100, 1, d("2026-11-02"))


# Send


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-03", "18:00"), Bucket.UPCOMING),  # day 1
        (at("2026-11-04", "08:00"), Bucket.TODAY),  # day 2
        (at("2026-11-05", "08:00"), Bucket.OVERDUE),
    ],
)
def test_an_unsent_draft_is_due_two_days_after_it_was_written(
    now: datetime, bucket: Bucket
) -> None:
    snap = snapshot(conversations=[conversation(draft_created_at=at("2026-11-02", "22:00"))])
    action = single(today_list(snap, now), ActionKind.SEND)
    assert action.title == "Send your note to Ana Ruiz"
    assert action.due == d("2026-11-04")
    assert action.due_at is None
    assert action.bucket is bucket
    assert action.overdue is (bucket is Bucket.OVERDUE)


def test_send_after_days_setting_moves_the_send_date() -> None:
    snap = snapshot(conversations=[conversation(draft_created_at=at("2026-11-02"))])
    settings = RuleSettings(send_after_days=5)
    action = single(today_list(snap, at("2026-11-02"), settings=settings), ActionKind.SEND)
    assert action.due == d("2026-11-07")
    assert "after 5 days" in action.reason


def test_a_sent_request_no_longer_asks_to_be_sent() -> None:
    sent = conversation(
        stage=Stage.REQUESTED, draft_created_at=at("2026-11-02"), requested_at=at("2026-11-03")
    )
    assert (
        of_kind(today_list(snapshot(conversations=[sent]), at("2026-11-09")), ActionKind.SEND) == []
    )


# Try another door


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-04"), Bucket.UPCOMING),  # business day 2
        (at("2026-11-05"), Bucket.TODAY),  # business day 3
        (at("2026-11-06"), Bucket.OVERDUE),
    ],
)
def test_another_contact_at_the_organization_is_suggested_on_business_day_three(
    now: datetime, bucket: Bucket
) -> None:
    snap = snapshot(contacts=[contact(), BOB], conversations=[requested()])
    action = single(today_list(snap, now), ActionKind.TRY_ANOTHER)
    assert action.title == "Reach out to another contact at Acme"
    assert action.due == d("2026-11-05")
    assert action.bucket is bucket
    assert (action.organization_id, action.contact_id, action.conversation_id) == (10, None, 100)
    assert "1 more at Acme not yet contacted" in action.reason


def test_a_friday_request_suggests_another_contact_on_wednesday() -> None:
    snap = snapshot(contacts=[contact(), BOB], conversations=[requested("2026-11-06")])
    action = single(today_list(snap, at("2026-11-06")), ActionKind.TRY_ANOTHER)
    assert action.due == d("2026-11-11")


def test_try_another_business_days_setting_moves_the_suggestion() -> None:
    snap = snapshot(contacts=[contact(), BOB], conversations=[requested()])
    settings = RuleSettings(try_another_business_days=1)
    action = single(today_list(snap, at("2026-11-02"), settings=settings), ActionKind.TRY_ANOTHER)
    assert action.due == d("2026-11-03")


@pytest.mark.parametrize(
    "colleague_conversations",
    [
        pytest.param([requested(id=200, contact_id=2)], id="already requested"),
        pytest.param(
            [conversation(id=200, contact_id=2, stage=Stage.CLOSED, requested_at=at("2026-10-01"))],
            id="requested earlier and closed",
        ),
        pytest.param(
            [conversation(id=200, contact_id=2, stage=Stage.HELD)], id="already interviewed"
        ),
    ],
)
def test_colleagues_already_contacted_do_not_count_as_another_door(
    colleague_conversations: list[ConversationFacts],
) -> None:
    snap = snapshot(
        contacts=[contact(), BOB],
        conversations=[requested(), *colleague_conversations],
    )
    assert of_kind(today_list(snap, at("2026-11-09")), ActionKind.TRY_ANOTHER) == []


def test_a_colleague_only_planned_still_counts_as_not_yet_contacted() -> None:
    snap = snapshot(
        contacts=[contact(), BOB],
        conversations=[requested(), conversation(id=200, contact_id=2)],
    )
    assert len(of_kind(today_list(snap, at("2026-11-09")), ActionKind.TRY_ANOTHER)) == 1


@pytest.mark.parametrize(
    "colleague",
    [
        pytest.param(contact(id=2, name="Bob Stone", do_not_contact=True), id="do not contact"),
        pytest.param(
            contact(id=2, name="Bob Stone", organization_id=11, organization_name="Globex"),
            id="other organization",
        ),
    ],
)
def test_no_other_door_is_suggested_without_a_contactable_colleague(
    colleague: ContactFacts,
) -> None:
    snap = snapshot(contacts=[contact(), colleague], conversations=[requested()])
    assert of_kind(today_list(snap, at("2026-11-09")), ActionKind.TRY_ANOTHER) == []


def test_a_contact_without_an_organization_has_no_other_door() -> None:
    loner = contact(organization_id=None, organization_name=None)
    snap = snapshot(
        contacts=[loner, contact(id=2, organization_id=None, organization_name=None)],
        conversations=[requested()],
    )
    assert of_kind(today_list(snap, at("2026-11-09")), ActionKind.TRY_ANOTHER) == []


def test_requests_go_out_one_at_a_time_so_only_the_newest_open_request_asks_again() -> None:
    snap = snapshot(
        contacts=[contact(), BOB, CARA],
        conversations=[requested("2026-11-02"), requested("2026-11-05", id=200, contact_id=2)],
    )
    action = single(today_list(snap, at("2026-11-16")), ActionKind.TRY_ANOTHER)
    assert action.conversation_id == 200
    assert action.due == d("2026-11-10")


def test_an_older_request_asks_again_once_the_newer_one_is_closed() -> None:
    snap = snapshot(
        contacts=[contact(), BOB, CARA],
        conversations=[
            requested("2026-11-02"),
            conversation(id=200, contact_id=2, stage=Stage.CLOSED, requested_at=at("2026-11-05")),
        ],
    )
    action = single(today_list(snap, at("2026-11-16")), ActionKind.TRY_ANOTHER)
    assert action.conversation_id == 100


def test_a_followed_up_request_no_longer_suggests_another_door() -> None:
    snap = snapshot(contacts=[contact(), BOB], conversations=[followed_up("2026-11-12")])
    assert of_kind(today_list(snap, at("2026-11-13")), ActionKind.TRY_ANOTHER) == []


def test_an_organization_without_a_name_is_still_named_in_the_title() -> None:
    anonymous = contact(organization_name=None)
    snap = snapshot(
        contacts=[anonymous, contact(id=2, organization_name=None)], conversations=[requested()]
    )
    action = single(today_list(snap, at("2026-11-05")), ActionKind.TRY_ANOTHER)
    assert action.title == "Reach out to another contact at their organization"

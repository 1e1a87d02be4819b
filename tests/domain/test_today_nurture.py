"""Thank the introducer: once the conversation with the person introduced was held.

Sam Lee (2) was introduced by Ana Ruiz (1); the interview with Sam was held on
Monday 2 November 2026 at 10:30 New York time.
"""

from dataclasses import replace

import pytest

from coffeechat.domain.types import ActionKind, Bucket, RuleSettings, Stage

from .builders import (
    at,
    contact,
    conversation,
    d,
    of_kind,
    referral,
    single,
    snapshot,
    today_list,
)

ANA = contact()
SAM = contact(id=2, name="Sam Lee", organization_id=20, organization_name="Initech")
HELD = at("2026-11-02", "10:30")
WITH_SAM = conversation(id=200, contact_id=2, stage=Stage.HELD, held_at=HELD, has_notes=True)
INTRODUCED = referral(from_contact_id=1, to_contact_id=2, created_at=at("2026-10-20"))


def nudges(snap, now, **kwargs):
    return of_kind(today_list(snap, now, **kwargs), ActionKind.THANK_INTRODUCER)


@pytest.mark.parametrize(
    ("now", "bucket"),
    [
        (at("2026-11-02", "11:00"), Bucket.UPCOMING),
        (at("2026-11-03", "23:59"), Bucket.UPCOMING),
        (at("2026-11-04", "00:00"), Bucket.TODAY),
        (at("2026-11-05", "00:00"), Bucket.OVERDUE),
    ],
)
def test_the_introducer_is_due_thanks_two_days_after_the_referred_interview(now, bucket):
    snap = snapshot(contacts=[ANA, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED])
    action = single(today_list(snap, now), ActionKind.THANK_INTRODUCER)
    assert action.title == "Thank Ana Ruiz for introducing you to Sam Lee"
    assert action.due == d("2026-11-04")
    assert action.bucket is bucket
    assert action.contact_id == ANA.id and action.referral_id == INTRODUCED.id
    assert "Introducer rule" in action.reason and "Mon 2 Nov" in action.reason


def test_nothing_is_due_before_the_referred_conversation_is_held():
    booked = replace(WITH_SAM, stage=Stage.SCHEDULED, held_at=None)
    snap = snapshot(contacts=[ANA, SAM], conversations=[booked], referrals=[INTRODUCED])
    assert nudges(snap, at("2026-11-10")) == []


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (at("2026-11-02", "10:29"), 1),  # written before the interview: not a thank-you for it
        (at("2026-11-02", "10:30"), 0),  # any message to Ana from the interview on counts
        (at("2026-11-03", "18:00"), 0),
    ],
)
def test_a_message_sent_to_the_introducer_after_the_interview_counts_as_the_thanks(sent, expected):
    ana = replace(ANA, last_sent_at=sent)
    snap = snapshot(contacts=[ana, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED])
    assert len(nudges(snap, at("2026-11-04"))) == expected


def test_a_message_received_from_the_introducer_is_not_a_thank_you():
    ana = replace(ANA, last_exchange_at=at("2026-11-03"))
    snap = snapshot(contacts=[ana, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED])
    assert len(nudges(snap, at("2026-11-04"))) == 1


def test_an_introducer_marked_do_not_contact_is_not_nudged():
    ana = replace(ANA, do_not_contact=True)
    snap = snapshot(contacts=[ana, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED])
    assert nudges(snap, at("2026-11-04")) == []


def test_the_same_introduction_noted_twice_is_thanked_once():
    again = replace(INTRODUCED, id=501, created_at=at("2026-10-21"))
    snap = snapshot(contacts=[ANA, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED, again])
    assert len(nudges(snap, at("2026-11-04"))) == 1


def test_two_introducers_of_one_person_are_each_thanked():
    ben = contact(id=3, name="Ben Okoro")
    by_ben = referral(id=502, from_contact_id=3, to_contact_id=2)
    snap = snapshot(
        contacts=[ANA, SAM, ben], conversations=[WITH_SAM], referrals=[INTRODUCED, by_ben]
    )
    titles = sorted(action.title for action in nudges(snap, at("2026-11-04")))
    assert titles == [
        "Thank Ana Ruiz for introducing you to Sam Lee",
        "Thank Ben Okoro for introducing you to Sam Lee",
    ]


def test_the_first_held_interview_with_the_introduced_person_sets_the_date():
    later = replace(WITH_SAM, id=201, held_at=at("2026-11-20"))
    snap = snapshot(contacts=[ANA, SAM], conversations=[later, WITH_SAM], referrals=[INTRODUCED])
    assert single(today_list(snap, at("2026-11-04")), ActionKind.THANK_INTRODUCER).due == d(
        "2026-11-04"
    )


def test_the_number_of_days_is_a_setting():
    snap = snapshot(contacts=[ANA, SAM], conversations=[WITH_SAM], referrals=[INTRODUCED])
    settings = RuleSettings(thank_introducer_days=0)
    action = single(
        today_list(snap, at("2026-11-02", "11:00"), settings=settings), ActionKind.THANK_INTRODUCER
    )
    assert action.bucket is Bucket.TODAY
    assert "within 0 days" in action.reason

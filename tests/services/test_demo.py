"""The sample campaign: real rows, dated from "now", every Today rule firing, any day."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    PlannedQuestion,
    Question,
    Referral,
)
from coffeechat.domain.types import ActionKind, Stage
from coffeechat.domain.vocabulary import MessageKind, Source
from coffeechat.sample.campaign import PEOPLE
from coffeechat.sample.demo import load_demo
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today.due_list import today_for

NY = ZoneInfo("America/New_York")
HAND_WRITTEN = len(PEOPLE)


def _kinds(user, now) -> set[ActionKind]:
    return {item.action.kind for item in today_for(user, now).items}


# An unclassified reply only comes from a message import; the sample campaign logs
# every reply with how it went (tests/services/test_due_index.py covers that rule).
SAMPLE_KINDS = set(ActionKind) - {ActionKind.CLASSIFY_REPLY}


def test_every_rule_fires_at_now(user, now):
    load_demo(user, now)
    assert _kinds(user, now) == SAMPLE_KINDS


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 2, 7, 0, tzinfo=NY),  # Monday before school
        datetime(2026, 11, 6, 23, 45, tzinfo=NY),  # Friday, late: no room left today
        datetime(2026, 11, 7, 12, 0, tzinfo=NY),  # Saturday
        datetime(2026, 11, 8, 0, 5, tzinfo=NY),  # Sunday, just after midnight
        datetime(2026, 11, 27, 9, 0, tzinfo=NY),  # the day after Thanksgiving
        datetime(2026, 12, 24, 16, 0, tzinfo=NY),  # Christmas Eve
        datetime(2027, 1, 2, 10, 0, tzinfo=NY),  # just after New Year's Day
        datetime(2026, 3, 8, 3, 30, tzinfo=NY),  # the morning the clocks spring forward
        datetime(2026, 11, 1, 1, 30, tzinfo=NY),  # the hour that happens twice
        datetime(2026, 7, 3, 22, 30, tzinfo=UTC),  # given in UTC, Independence Day observed
    ],
    ids=lambda moment: moment.isoformat(),
)
def test_every_rule_fires_whatever_the_day(user, moment):
    load_demo(user, moment, contacts=0)
    missing = SAMPLE_KINDS - _kinds(user, moment)
    assert not missing


def test_the_campaign_is_made_of_real_records(user, now):
    summary = load_demo(user, now, contacts=0)
    profile = user.profile
    profile.refresh_from_db()
    assert profile.name == "Maya Okafor"
    assert profile.time_zone == "America/New_York" and profile.holiday_country == "US"
    assert profile.interests and profile.skills and profile.values and profile.availability
    assert CareerPath.objects.for_user(user).count() == 3 == summary.career_paths
    assert Organization.objects.for_user(user).count() == 8 == summary.organizations
    assert summary.contacts == HAND_WRITTEN and summary.generated_contacts == 0

    contacts = Contact.objects.for_user(user)
    assert {c.source for c in contacts} == {source.value for source in Source}
    assert contacts.filter(research_notes="").exists()
    assert contacts.exclude(research_notes="").exists()
    assert contacts.filter(do_not_contact=True).exists()
    assert contacts.filter(referred_by__isnull=False).count() == 2

    stages = set(Conversation.objects.for_user(user).values_list("stage", flat=True))
    assert stages == {stage.value for stage in Stage}
    kinds = set(Message.objects.for_user(user).values_list("kind", flat=True))
    assert {
        MessageKind.REQUEST,
        MessageKind.FOLLOW_UP,
        MessageKind.REPLY,
        MessageKind.THANK_YOU,
        MessageKind.REPORT_BACK,
    } <= kinds
    assert Message.objects.for_user(user).filter(sent_at__isnull=True).count() == 1  # a draft
    notes = Note.objects.for_user(user)
    assert notes.filter(highlight=True).exists()
    assert all(note.tags for note in notes)
    assert Referral.objects.for_user(user).count() == 2
    assert ActionItem.objects.for_user(user).filter(done_at__isnull=False).exists()
    assert Question.objects.for_user(user).filter(findable_online=True).exists()
    assert PlannedQuestion.objects.filter(owner=user).count() >= 4


def test_nothing_is_dated_after_now(user, now):
    load_demo(user, now, contacts=300)
    for model in (Organization, Contact, Conversation, Message, Note, Referral, ActionItem):
        latest = model.objects.filter(owner=user).order_by("-created_at").first()
        assert latest.created_at <= now, model.__name__
    assert not Message.objects.filter(owner=user, sent_at__gt=now).exists()
    assert not Conversation.objects.filter(owner=user, requested_at__gt=now).exists()
    assert not Conversation.objects.filter(owner=user, held_at__gt=now).exists()


def test_a_second_load_is_refused_and_changes_nothing(user, now):
    load_demo(user, now, contacts=10)
    counts = (Contact.objects.count(), Conversation.objects.count(), Message.objects.count())
    with pytest.raises(InvalidInput, match="already has 33 contacts"):
        load_demo(user, now)
    assert (
        Contact.objects.count(),
        Conversation.objects.count(),
        Message.objects.count(),
    ) == counts


def test_a_failure_half_way_leaves_nothing_behind(user, now, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("coffeechat.sample.demo.generate_contacts", boom)
    with pytest.raises(RuntimeError):
        load_demo(user, now)
    assert not Contact.objects.filter(owner=user).exists()
    assert not CareerPath.objects.filter(owner=user).exists()


def test_generated_contacts_are_added_on_top_and_reproducible(user, outsider, now):
    summary = load_demo(user, now, contacts=400)
    load_demo(outsider, now, contacts=400)
    assert summary.generated_contacts == 400
    assert Contact.objects.for_user(user).count() == HAND_WRITTEN + 400 == summary.contacts

    def people(owner):
        return list(
            Contact.objects.filter(owner=owner)
            .order_by("id")
            .values_list("first_name", "last_name", "source", "organization__name")
        )

    assert people(user) == people(outsider)
    stages = set(Conversation.objects.for_user(user).values_list("stage", flat=True))
    assert stages == {stage.value for stage in Stage}
    # The generated people leave the hand-written campaign's actions as they were.
    assert _kinds(user, now) == SAMPLE_KINDS


def test_a_negative_count_is_refused(user, now):
    with pytest.raises(InvalidInput):
        load_demo(user, now, contacts=-1)
    assert not Contact.objects.filter(owner=user).exists()


def test_the_summary_reads_as_a_sentence(user, now):
    summary = load_demo(user, now, contacts=5)
    text = str(summary)
    assert text.startswith("3 career paths, ")
    assert f"{HAND_WRITTEN + 5} contacts (5 of them generated)" in text
    assert summary.as_dict()["user"] == "ada"


def test_ten_thousand_generated_contacts_load_and_every_rule_still_fires(user, now):
    # How long it takes is measured by hand (bench/), not here: a timed test
    # fails on a busy machine and passes on a slow product.
    summary = load_demo(user, now, contacts=10_000)
    assert summary.contacts == HAND_WRITTEN + 10_000
    assert _kinds(user, now) == SAMPLE_KINDS


def test_the_sample_campaign_uses_the_built_in_bank_and_adds_only_its_own_questions(user, now):
    from coffeechat.sample.demo import load_demo
    from coffeechat.services.prep.questions import ensure_question_bank

    load_demo(user, now)
    mine = Question.objects.for_user(user).filter(builtin=False)
    # The two questions the sample user wrote herself; none duplicates a built-in one.
    assert mine.count() == 2
    assert not mine.filter(text__icontains="who else").exists()
    planned = PlannedQuestion.objects.filter(owner=user).select_related("question")
    assert any(p.question.builtin for p in planned)
    assert ensure_question_bank(user) == 0  # the bank was already complete

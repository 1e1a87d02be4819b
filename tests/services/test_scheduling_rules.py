"""Business hours, buffer, notice and horizon of the slot proposals are rule settings."""

from __future__ import annotations

import pytest

from coffeechat.domain.types import RuleSettings, RuleSettingsError
from coffeechat.services.errors import InvalidInput
from coffeechat.services.scheduling.booking import book_slot, propose_times
from coffeechat.services.today.due_list import update_rule_settings
from tests.services.test_scheduling import local_starts, make_conversation, set_windows


def test_the_defaults_are_the_documented_ones():
    rules = RuleSettings()
    assert (rules.slot_notice_hours, rules.slot_days_ahead, rules.slot_buffer_minutes) == (
        24,
        14,
        15,
    )
    assert (rules.business_day_start_hour, rules.business_day_end_hour) == (9, 17)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"business_day_end_hour": "9"}, "business_day_end_hour", "after the start hour (9)"),
        ({"business_day_start_hour": "24"}, "business_day_start_hour", "at most 23"),
        ({"slot_days_ahead": "0"}, "slot_days_ahead", "at least 1"),
        ({"slot_buffer_minutes": "241"}, "slot_buffer_minutes", "at most 240"),
    ],
)
def test_bad_values_name_their_field(overrides, field, message):
    with pytest.raises(RuleSettingsError) as caught:
        RuleSettings.from_overrides(overrides)
    assert caught.value.field == field and message in caught.value.message


@pytest.mark.django_db
def test_the_contacts_business_hours_follow_the_setting(user, now):
    set_windows(user, ("2", "10:00", "11:00"))  # 16:00–17:00 in Berlin
    conversation = make_conversation(user, now)
    assert local_starts(propose_times(user, conversation.pk, now)) == [
        "Wed 04 10:00",
        "Wed 04 10:30",
    ]
    update_rule_settings(user, {"business_day_end_hour": "16"})
    assert propose_times(user, conversation.pk, now).rows == []
    assert "09:00–16:00" in propose_times(user, conversation.pk, now).snippet


@pytest.mark.django_db
def test_the_buffer_and_the_notice_follow_the_settings(user, now):
    set_windows(user, ("2", "10:00", "11:00"))
    first = make_conversation(user, now)
    second = make_conversation(user, now, first="Linus")
    book_slot(user, first.pk, "2026-11-04T10:00:00-05:00", now)
    assert propose_times(user, second.pk, now).rows == []  # 15 minutes around it
    update_rule_settings(user, {"slot_buffer_minutes": "0"})
    assert local_starts(propose_times(user, second.pk, now)) == ["Wed 04 10:30"]
    # Now is Tue 3 Nov 09:00: with 48 hours' notice Wednesday is too soon.
    update_rule_settings(user, {"slot_notice_hours": "48"})
    assert "Wed 04" not in " ".join(local_starts(propose_times(user, second.pk, now)))


@pytest.mark.django_db
def test_a_bad_setting_is_refused_by_field_and_nothing_is_stored(user):
    with pytest.raises(InvalidInput) as caught:
        update_rule_settings(user, {"business_day_start_hour": "18"})
    assert "business_day_end_hour" in caught.value.errors
    user.profile.refresh_from_db()
    assert user.profile.rule_settings == {}

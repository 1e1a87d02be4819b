from dataclasses import fields

import pytest

from coffeechat.domain.types import MAX_SETTING, Medium, RuleSettings, RuleSettingsError


def test_defaults_are_the_numbers_product_md_names() -> None:
    settings = RuleSettings()
    assert (
        settings.send_after_days,
        settings.try_another_business_days,
        settings.follow_up_business_days,
        settings.let_go_business_days,
        settings.schedule_within_business_days,
        settings.prepare_within_hours,
        settings.prepare_margin_minutes,
        settings.thank_within_hours,
        settings.referral_within_business_days,
        settings.report_back_after_days,
        settings.stay_in_touch_days,
        settings.reflect_after_interviews,
        settings.quick_reply_business_days,
        settings.upcoming_days,
    ) == (2, 3, 7, 7, 1, 48, 5, 24, 2, 7, 30, 3, 3, 7)


def test_every_setting_has_one_line_of_help() -> None:
    help_texts = RuleSettings.field_help()
    assert list(help_texts) == [f.name for f in fields(RuleSettings)]
    assert all(text and "\n" not in text for text in help_texts.values())


def test_overrides_replace_only_the_named_settings() -> None:
    settings = RuleSettings.from_overrides({"follow_up_business_days": 5, "upcoming_days": 0})
    assert settings.follow_up_business_days == 5
    assert settings.upcoming_days == 0
    assert settings.let_go_business_days == 7


def test_overrides_accept_whole_numbers_written_as_text() -> None:
    assert RuleSettings.from_overrides({"stay_in_touch_days": " 45 "}).stay_in_touch_days == 45


def test_empty_overrides_give_the_defaults() -> None:
    assert RuleSettings.from_overrides({}) == RuleSettings()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("follow_up_days", 5, "is not a rule setting"),
        ("upcoming_days", -1, "must be at least 0"),
        ("upcoming_days", "-1", "must be at least 0"),
        ("send_after_days", 2.5, "must be a whole number"),
        ("send_after_days", 2.0, "must be a whole number"),
        ("send_after_days", True, "must be a whole number"),
        ("send_after_days", None, "must be a whole number"),
        ("send_after_days", "two", "must be a whole number"),
        ("send_after_days", "", "must be a whole number"),
        ("stay_in_touch_days", MAX_SETTING + 1, f"must be at most {MAX_SETTING}"),
        ("reflect_after_interviews", 0, "must be at least 1"),
    ],
)
def test_overrides_refuse_bad_values_naming_the_field(
    field: str, value: object, message: str
) -> None:
    with pytest.raises(RuleSettingsError) as caught:
        RuleSettings.from_overrides({field: value})
    assert caught.value.field == field
    assert message in caught.value.message
    assert str(caught.value).startswith(f"{field}: ")


def test_a_rule_settings_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="upcoming_days"):
        RuleSettings.from_overrides({"upcoming_days": -3})


def test_zero_is_a_valid_setting_where_it_means_no_delay() -> None:
    assert RuleSettings.from_overrides({"send_after_days": 0}).send_after_days == 0


@pytest.mark.parametrize(
    ("medium", "label"),
    [(Medium.VIDEO, "video"), (Medium.PHONE, "phone"), (Medium.IN_PERSON, "in person")],
)
def test_media_read_naturally_in_a_sentence(medium: Medium, label: str) -> None:
    assert medium.label == label

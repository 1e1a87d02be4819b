"""GET and PATCH /api/v1/profile."""

from __future__ import annotations

from coffeechat.core.models import Profile


def test_the_profile_shows_every_field(api):
    body = api.get("/profile").json()

    assert body["name"] == "Ada Student"
    assert body["time_zone"] == "America/New_York"
    assert body["holiday_country"] == "US"
    for field in ["interests", "skills", "values", "availability"]:
        assert body[field] == []
    assert body["default_minutes"] == 30
    assert body["strict_length"] is False


def test_patching_the_profile_changes_only_the_fields_sent(api, user):
    response = api.patch(
        "/profile",
        {
            "interests": [{"name": "Design", "weight": 5}, {"name": "Writing"}],
            "availability": [{"weekday": 1, "start": "09:00", "end": "12:00"}],
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert body["interests"] == [{"name": "Design", "weight": 5}, {"name": "Writing", "weight": 3}]
    assert body["availability"] == [{"weekday": 1, "start": "09:00", "end": "12:00"}]
    profile = Profile.objects.get(owner=user)
    assert profile.name == "Ada Student"
    assert profile.time_zone == "America/New_York"
    assert profile.holiday_country == "US"
    assert profile.interests[0] == {"name": "Design", "weight": 5}


def test_the_time_zone_and_holiday_country_can_be_changed(api, user):
    response = api.patch("/profile", {"time_zone": "Europe/Berlin", "holiday_country": "DE"})

    assert response.status_code == 200
    assert response.json()["time_zone"] == "Europe/Berlin"
    assert Profile.objects.get(owner=user).holiday_country == "DE"


def test_a_bad_time_zone_is_422_naming_the_field_and_changes_nothing(api, user):
    response = api.patch("/profile", {"time_zone": "Mars/Olympus", "name": "Someone else"})

    assert response.status_code == 422
    body = response.json()
    assert "time_zone" in body["errors"]
    assert "Mars/Olympus" in body["message"]
    profile = Profile.objects.get(owner=user)
    assert profile.time_zone == "America/New_York"
    assert profile.name == "Ada Student"


def test_a_weight_outside_one_to_five_is_422_naming_the_list(api, user):
    response = api.patch("/profile", {"skills": [{"name": "SQL", "weight": 9}]})

    assert response.status_code == 422
    assert "skills" in response.json()["errors"]
    assert Profile.objects.get(owner=user).skills == []


def test_a_value_of_the_wrong_type_is_422_with_a_message_naming_the_field(api):
    response = api.patch("/profile", {"default_minutes": "half an hour"})

    assert response.status_code == 422
    body = response.json()
    assert body["message"].startswith("default_minutes: ")
    assert list(body["errors"]) == ["default_minutes"]

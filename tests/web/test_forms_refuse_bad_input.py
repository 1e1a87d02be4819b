"""Bad input on every form gets a message naming the field and changes nothing."""

import pytest
from django.urls import reverse

from coffeechat.core.models import CareerPath, Contact, Organization, Profile
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def _snapshot(user):
    return (
        list(Contact.objects.filter(owner=user).values()),
        list(Organization.objects.filter(owner=user).values()),
        list(CareerPath.objects.filter(owner=user).values()),
        list(Profile.objects.filter(owner=user).values()),
    )


@pytest.mark.parametrize(
    ("url_name", "data", "field", "message"),
    [
        (
            "web:path_create",
            {"title": "", "status": "exploring"},
            "title",
            "This field is required",
        ),
        (
            "web:path_create",
            {"title": "PM", "status": "bored"},
            "status",
            "not one of the available",
        ),
        (
            "web:organization_create",
            {"name": "Acme", "motivation": "7", "posting": "1"},
            "motivation",
            "not one of the available",
        ),
        (
            "web:organization_create",
            {"name": "Acme", "motivation": "1", "posting": "1", "website": "not a url"},
            "website",
            "Enter a valid URL",
        ),
        (
            "web:contact_create",
            {"first_name": "", "source": "alumni"},
            "first_name",
            "This field is required",
        ),
        (
            "web:contact_create",
            {"first_name": "Sam", "source": "alumni", "email": "sam@"},
            "email",
            "valid email",
        ),
        (
            "web:contact_create",
            {"first_name": "Sam", "source": "alumni", "linkedin_url": "https://example.com/sam"},
            "linkedin_url",
            "linkedin.com/",
        ),
        (
            "web:contact_create",
            {"first_name": "Sam", "source": "alumni", "time_zone": "Mars/Olympus"},
            "time_zone",
            "not an IANA time zone",
        ),
        (
            "web:contact_create",
            {"first_name": "Sam", "source": "alumni", "cadence_days": "0"},
            "cadence_days",
            "greater than or equal to 1",
        ),
        (
            "web:profile",
            {"time_zone": "Nowhere/Land", "default_minutes": "30"},
            "time_zone",
            "not an IANA time zone",
        ),
        (
            "web:profile",
            {"time_zone": "UTC", "default_minutes": "30", "interests": "Design: 9"},
            "interests",
            "line 1: weight 9 is outside 1-5",
        ),
        (
            "web:profile",
            {
                "time_zone": "UTC",
                "default_minutes": "30",
                "availability": "Mon 09:00-10:00\nFunday 9:00-10:00",
            },
            "availability",
            "line 2",
        ),
        (
            "web:profile",
            {"time_zone": "UTC", "default_minutes": "5"},
            "default_minutes",
            "greater than or equal to 15",
        ),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_saved(signed_in, user, url_name, data, field, message):
    before = _snapshot(user)
    response = signed_in.post(reverse(url_name), data)
    assert response.status_code == 422
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert "Nothing was saved" in response.content.decode()
    assert _snapshot(user) == before


def test_what_the_user_typed_is_shown_again_after_an_error(signed_in):
    response = signed_in.post(
        reverse("web:contact_create"),
        {
            "first_name": "Sam",
            "source": "alumni",
            "email": "sam@",
            "research_notes": "Long notes I typed",
        },
    )
    assert "Long notes I typed" in response.content.decode()


def test_another_users_organization_is_not_a_valid_choice(signed_in, user, outsider):
    theirs = crm.create_organization(outsider, {"name": "Secret Co", "motivation": 1, "posting": 1})
    response = signed_in.post(
        reverse("web:contact_create"),
        {"first_name": "Sam", "source": "alumni", "organization": theirs.pk},
    )
    assert response.status_code == 422
    assert "organization" in response.context["form"].errors
    assert "Secret Co" not in signed_in.get(reverse("web:contact_create")).content.decode()


def test_an_event_that_does_not_fit_the_stage_is_refused_with_the_reason(signed_in, user):
    contact = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    conversation = conversations.start_conversation(user, {"contact": contact.pk})
    response = signed_in.post(
        reverse("web:conversation_event", args=[conversation.pk]), {"type": "held"}
    )
    assert response.status_code == 422
    assert "does not fit a conversation at stage" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.stage == "planned" and conversation.held_at is None


def test_scheduling_without_a_start_is_refused(signed_in, user):
    contact = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    conversation = conversations.start_conversation(user, {"contact": contact.pk})
    signed_in.post(
        reverse("web:conversation_event", args=[conversation.pk]), {"type": "request_sent"}
    )
    response = signed_in.post(
        reverse("web:conversation_event", args=[conversation.pk]),
        {"type": "scheduled", "starts_at": ""},
    )
    assert response.status_code == 422
    assert "needs its start" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.stage == "requested"


def test_a_bad_rule_number_is_named_and_not_stored(signed_in, user):
    response = signed_in.post(reverse("web:rules"), {"follow_up_business_days": "-2"})
    assert response.status_code == 422
    assert "must be at least 0" in response.content.decode()
    user.profile.refresh_from_db()
    assert user.profile.rule_settings == {}


def test_a_changed_rule_number_changes_today(signed_in, user, now):
    response = signed_in.post(reverse("web:rules"), {"follow_up_business_days": "5"})
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.rule_settings == {"follow_up_business_days": 5}

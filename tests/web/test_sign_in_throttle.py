"""Sign-in throttling on the login page: 429 with Retry-After, the right password too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from coffeechat.services.accounts import throttle

RIGHT = "correct horse battery staple"


@pytest.fixture
def clock(monkeypatch, now):
    """The view's clock, moved by the test."""
    moment = {"now": now}
    monkeypatch.setattr("coffeechat.web.views.auth.now", lambda: moment["now"])
    return moment


def sign_in(client, password, username="ada", address="198.51.100.7"):
    return client.post(
        reverse("web:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_fifth_wrong_password_is_answered_and_the_sixth_try_refused_even_if_right(
    client, user, clock
):
    for _ in range(5):
        assert sign_in(client, "wrong").status_code == 200

    refused = sign_in(client, RIGHT)

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(15 * 60)
    page = refused.content.decode()
    assert "Too many failed sign-ins for this username or from this address" in page
    assert "Try again in 15 minutes." in page
    assert "no-store" in refused["Cache-Control"]
    assert "_auth_user_id" not in client.session


def test_the_right_password_works_again_once_the_window_has_passed(client, user, clock):
    for _ in range(5):
        sign_in(client, "wrong")
    clock["now"] += timedelta(minutes=14, seconds=59)
    assert sign_in(client, RIGHT).status_code == 429

    clock["now"] += timedelta(seconds=1)
    assert sign_in(client, RIGHT).status_code == 302


def test_a_successful_sign_in_resets_the_usernames_count(client, user, clock):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, RIGHT).status_code == 302
    client.post(reverse("web:logout"))

    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, RIGHT).status_code == 302


def test_the_username_counts_whatever_its_case_and_from_any_address(client, user, clock):
    for number in range(5):
        sign_in(
            client, "wrong", username="ADA " if number % 2 else "ada", address=f"10.0.0.{number}"
        )

    assert sign_in(client, RIGHT, address="10.0.0.99").status_code == 429


def test_one_address_guessing_many_usernames_is_refused_after_twenty(client, user, clock):
    for number in range(20):
        assert sign_in(client, "wrong", username=f"user{number}").status_code == 200

    assert sign_in(client, RIGHT).status_code == 429
    # Another address is not held up by this one.
    assert sign_in(client, RIGHT, address="203.0.113.9").status_code == 302


def test_an_empty_field_is_not_counted_as_a_guess(client, user, clock):
    for _ in range(10):
        assert sign_in(client, "").status_code == 200

    assert sign_in(client, RIGHT).status_code == 302


def test_the_limits_are_settings(client, user, clock, settings):
    settings.SIGN_IN_LIMITS = {**settings.SIGN_IN_LIMITS, "per_username": 2, "window_minutes": 1}
    sign_in(client, "wrong")
    sign_in(client, "wrong")

    refused = sign_in(client, RIGHT)

    assert refused.status_code == 429 and refused["Retry-After"] == "60"


def test_old_failures_are_pruned_when_a_new_one_is_recorded(client, user, clock):
    from coffeechat.core.models import SignInFailure

    for _ in range(3):
        sign_in(client, "wrong")
    clock["now"] += timedelta(minutes=16)
    sign_in(client, "wrong")

    assert SignInFailure.objects.count() == 1


def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(client, user, clock, settings):
    settings.CLIENT_ADDRESS_FROM_PROXY = True
    for number in range(20):
        client.post(
            reverse("web:login"),
            {"username": f"user{number}", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            # The client forges the first entry; the proxy appends the real one.
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.7",
        )

    assert sign_in(client, RIGHT, address="127.0.0.1").status_code == 302  # proxy itself
    client.post(reverse("web:logout"))
    refused = client.post(
        reverse("web:login"),
        {"username": "ada", "password": RIGHT},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert refused.status_code == 429


def test_the_service_refuses_with_the_wait_in_seconds(db, now):
    for _ in range(5):
        throttle.record_password_failure("ada", "198.51.100.7", now)

    with pytest.raises(throttle.TooManyAttempts) as refused:
        throttle.check_password_attempt("ada", "203.0.113.1", now + timedelta(minutes=5))

    assert refused.value.retry_after == 10 * 60
    throttle.check_password_attempt("ada", "203.0.113.1", now + timedelta(minutes=15))

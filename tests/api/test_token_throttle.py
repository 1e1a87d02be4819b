"""Invalid API tokens from one address: after too many, 429 with Retry-After."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.api.conftest import BASE


@pytest.fixture
def clock(monkeypatch, now):
    moment = {"now": now}
    monkeypatch.setattr("coffeechat.api.auth.timezone.now", lambda: moment["now"])
    return moment


def call(client, token, address="198.51.100.7"):
    return client.get(
        f"{BASE}/profile", headers={"Authorization": f"Bearer {token}"}, REMOTE_ADDR=address
    )


def test_twenty_invalid_tokens_are_401_and_then_every_token_is_429(client, token, clock):
    for number in range(20):
        assert call(client, f"cc_wrong{number}").status_code == 401

    refused = call(client, token)

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(15 * 60)
    assert refused.json() == {
        "message": "Too many failed API token checks from this address. Try again in 15 minutes."
    }
    assert call(client, token, address="203.0.113.9").status_code == 200


def test_the_token_works_again_after_the_window(client, token, clock):
    for number in range(20):
        call(client, f"cc_wrong{number}")
    clock["now"] += timedelta(minutes=15)

    assert call(client, token).status_code == 200


def test_valid_tokens_do_not_count(client, token, clock):
    for _ in range(30):
        assert call(client, token).status_code == 200


def test_a_session_is_not_held_up_by_bad_tokens(client, user, clock):
    for number in range(20):
        call(client, f"cc_wrong{number}")
    client.force_login(user)

    assert client.get(f"{BASE}/profile", REMOTE_ADDR="198.51.100.7").status_code == 200

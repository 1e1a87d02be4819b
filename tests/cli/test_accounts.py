"""coffeechat createuser and token create."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from coffeechat.services.accounts.signin import user_for_api_token

GOOD = "correct horse battery staple"


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str, tty: bool = False) -> None:
        stream = io.StringIO(text)
        stream.isatty = lambda: tty  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", stream)

    return feed


def _exists(username: str) -> bool:
    return get_user_model().objects.filter(username=username).exists()


def test_createuser_reads_the_password_from_stdin(run, db, stdin):
    stdin(GOOD + "\n")
    result = run("createuser", "bob", "--email", "bob@example.edu", "--password-stdin")
    assert result.code == 0, result.err
    assert "Created the account 'bob'" in result.out
    bob = get_user_model().objects.get(username="bob")
    assert bob.check_password(GOOD)
    assert bob.email == "bob@example.edu"
    assert bob.profile is not None


def test_createuser_refuses_a_weak_password_with_djangos_reasons(run, db, stdin):
    stdin("bob\n")
    result = run("createuser", "bob", "--password-stdin")
    assert result.code == 2
    assert "This password is too short" in result.err
    assert "too similar to the username" in result.err
    assert not _exists("bob")


def test_createuser_refuses_a_common_password(run, db, stdin):
    stdin("password123\n")
    result = run("createuser", "bob", "--password-stdin")
    assert result.code == 2
    assert "This password is too common." in result.err
    assert not _exists("bob")


def test_createuser_refuses_a_taken_username(run, user, stdin):
    stdin(GOOD + "\n")
    result = run("createuser", "ada", "--password-stdin")
    assert result.code == 2
    assert "The username 'ada' is taken." in result.err


def test_createuser_refuses_a_bad_email(run, db, stdin):
    stdin(GOOD + "\n")
    result = run("createuser", "bob", "--email", "not-an-address", "--password-stdin")
    assert result.code == 2
    assert "--email: 'not-an-address' is not an email address" in result.err
    assert not _exists("bob")


def test_createuser_asks_twice_on_a_terminal(run, db, stdin, monkeypatch):
    stdin("", tty=True)
    answers = iter([GOOD, GOOD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run("createuser", "bob").code == 0
    assert get_user_model().objects.get(username="bob").check_password(GOOD)


def test_createuser_refuses_two_different_passwords(run, db, stdin, monkeypatch):
    stdin("", tty=True)
    answers = iter([GOOD, GOOD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    result = run("createuser", "bob")
    assert result.code == 2
    assert "passwords differ" in result.err
    assert not _exists("bob")


def test_createuser_without_a_terminal_says_how(run, db, stdin):
    stdin("")
    result = run("createuser", "bob")
    assert result.code == 2
    assert "--password-stdin" in result.err


def test_createuser_json(run, db, stdin):
    stdin(GOOD + "\n")
    data = run("createuser", "bob", "--password-stdin", "--json").json()
    assert data["username"] == "bob"


def test_token_create_prints_a_token_that_authenticates(run, user):
    result = run("token", "create", "--name", "laptop script")
    assert result.code == 0, result.err
    assert "shown only this once" in result.out
    secret = next(word for word in result.out.split() if word.startswith("cc_"))
    assert user_for_api_token(secret, timezone.now()) == user


def test_token_create_json_for_a_named_user(run, user, outsider):
    data = run("token", "create", "--user", "mallory", "--json").json()
    assert data["user"] == "mallory"
    assert data["name"] == "personal token"
    assert user_for_api_token(data["token"], timezone.now()) == outsider


def test_token_needs_an_action(run, user):
    result = run("token")
    assert result.code == 2

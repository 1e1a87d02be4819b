"""Settings → Password: the personal account gets a password and can sign in again."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.services.accounts.signin import ensure_personal_user

PASSWORD = "a long and unusual passphrase 42"


def test_the_personal_account_sets_a_password_then_signs_in_with_it(client, db):
    me = ensure_personal_user()
    client.force_login(me)
    page = client.get(reverse("web:password"))
    assert "Set a password" in page.content.decode()
    assert "Current password" not in page.content.decode()

    done = client.post(
        reverse("web:password"),
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
        follow=True,
    )
    assert "Password set. Sign in with me and this password" in done.content.decode()
    assert client.get(reverse("web:profile")).status_code == 200  # still signed in here

    client.post(reverse("web:logout"))
    signed = client.post(reverse("web:login"), {"username": "me", "password": PASSWORD})
    assert signed.status_code == 302
    assert client.get(reverse("web:profile")).status_code == 200


def test_a_weak_or_mismatched_password_is_refused_and_changes_nothing(client, db):
    me = ensure_personal_user()
    client.force_login(me)

    weak = client.post(reverse("web:password"), {"new_password1": "123", "new_password2": "123"})
    mismatch = client.post(
        reverse("web:password"), {"new_password1": PASSWORD, "new_password2": PASSWORD + "x"}
    )

    assert weak.status_code == mismatch.status_code == 422
    assert "too short" in weak.content.decode()
    assert "didn’t match" in mismatch.content.decode() or "didn't match" in (
        mismatch.content.decode()
    )
    me.refresh_from_db()
    assert not me.has_usable_password()


def test_changing_a_password_asks_for_the_current_one(signed_in, user):
    page = signed_in.get(reverse("web:password"))
    assert "Change your password" in page.content.decode()

    wrong = signed_in.post(
        reverse("web:password"),
        {"old_password": "not it", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert wrong.status_code == 422
    user.refresh_from_db()
    assert not user.check_password(PASSWORD)

    signed_in.post(
        reverse("web:password"),
        {
            "old_password": "correct horse battery staple",
            "new_password1": PASSWORD,
            "new_password2": PASSWORD,
        },
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

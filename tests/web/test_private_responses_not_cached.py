"""Private responses carry Cache-Control: no-store; public ones keep their caching."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.services.accounts.signin import create_api_token

API = "/api/v1"


def never_cached(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "no-cache", "must-revalidate", "private"} <= directives


def test_every_page_a_signed_in_user_sees_is_no_store(signed_in):
    for name in ("web:contacts", "web:organizations", "web:profile", "web:export"):
        response = signed_in.get(reverse(name))
        assert response.status_code == 200, name
        assert never_cached(response), name


def test_a_signed_in_users_redirects_and_errors_are_no_store_too(signed_in):
    assert never_cached(signed_in.get(reverse("web:login")))  # redirected to Today
    assert never_cached(signed_in.get("/contacts/999999/"))


def test_the_export_downloads_are_no_store(signed_in):
    for name in ("web:export_json", "web:export_csv", "web:export_vcard"):
        response = signed_in.get(reverse(name))
        assert response.status_code == 200, name
        assert response["Content-Disposition"].startswith("attachment")
        assert never_cached(response), name
        assert "X-Coffeechat-Offline" not in response, name


def test_only_pages_shown_to_the_signed_in_user_may_be_kept_offline_by_the_app(
    signed_in, client, user
):
    # no-store keeps HTTP caches out; the app's own worker keeps marked pages on
    # this device (emptied at sign-out) so interview mode opens with no network.
    assert signed_in.get(reverse("web:contacts"))["X-Coffeechat-Offline"] == "keep"
    assert "X-Coffeechat-Offline" not in signed_in.get(API + "/profile")
    assert "X-Coffeechat-Offline" not in signed_in.post(reverse("web:contact_create"), {})
    signed_in.logout()
    assert "X-Coffeechat-Offline" not in client.get(reverse("web:login"))


def test_api_responses_with_a_token_are_no_store(client, user):
    headers = {"Authorization": f"Bearer {create_api_token(user)}"}

    for path in ("/profile", "/today", "/export"):
        response = client.get(API + path, headers=headers)
        assert response.status_code == 200, path
        assert never_cached(response), path
    refused = client.get(API + "/profile", headers={"Authorization": "Bearer cc_wrong"})
    assert refused.status_code == 401 and never_cached(refused)


def test_api_responses_to_a_signed_in_session_are_no_store(signed_in):
    assert never_cached(signed_in.get(API + "/profile"))


def test_public_responses_are_left_to_their_own_caching(client, db):
    for path in ("/healthz", API + "/openapi.json", API + "/docs"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" not in response.get("Cache-Control", ""), path


# Static files are answered by WhiteNoise before Django: tests/cli/test_serve.py
# checks that they keep their max-age and carry nosniff.

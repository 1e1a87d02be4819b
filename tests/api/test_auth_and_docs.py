"""Who may call the API, how refusals read, and the public endpoints around it."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from coffeechat.core.models import ApiToken, CareerPath
from tests.api.conftest import BASE, ApiClient

CSRF = "a" * 32  # a well-formed CSRF secret, set as cookie and sent as header


def test_a_bearer_token_signs_the_client_in(api, user):
    response = api.get("/profile")

    assert response.status_code == 200
    assert response.json()["name"] == "Ada Student"


def test_using_a_token_records_when_it_was_last_used(api, user):
    api.get("/profile")

    assert ApiToken.objects.get(owner=user).last_used_at is not None


def test_a_wrong_token_is_refused_with_401_and_a_message(client, user, token):
    response = ApiClient(client, token + "x").get("/profile")

    assert response.status_code == 401
    assert response.json() == {"message": "The API token is not valid."}


def test_a_wrong_token_is_refused_even_alongside_a_signed_in_session(client, user, token):
    client.force_login(user)

    response = ApiClient(client, "cc_not-a-token").get("/profile")

    assert response.status_code == 401


def test_a_request_without_credentials_is_401_with_a_message(client, db):
    response = client.get(f"{BASE}/contacts")

    assert response.status_code == 401
    assert "Bearer" in response.json()["message"]


def test_a_write_without_credentials_is_401_not_a_csrf_error(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"{BASE}/career-paths", {"title": "X"}, content_type="application/json")

    assert response.status_code == 401
    assert "message" in response.json()


def test_a_signed_in_session_can_read(signed_in):
    response = signed_in.get(f"{BASE}/profile")

    assert response.status_code == 200
    assert response.json()["time_zone"] == "America/New_York"


def test_a_session_write_without_the_csrf_token_is_refused_and_changes_nothing(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(
        f"{BASE}/career-paths", {"title": "Forged"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    assert not CareerPath.objects.filter(title="Forged").exists()


def test_a_session_write_with_the_csrf_token_succeeds(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.cookies["csrftoken"] = CSRF

    response = client.post(
        f"{BASE}/career-paths",
        {"title": "UX research"},
        content_type="application/json",
        headers={"X-CSRFToken": CSRF},
    )

    assert response.status_code == 201
    assert CareerPath.objects.for_user(user).get().title == "UX research"


def test_a_bearer_write_needs_no_csrf_token(user, token):
    api = ApiClient(Client(enforce_csrf_checks=True), token)

    response = api.post("/career-paths", {"title": "Teaching"})

    assert response.status_code == 201


def test_the_openapi_schema_lists_every_resource(client, db):
    response = client.get(f"{BASE}/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/profile",
        "/api/v1/today",
        "/api/v1/contacts",
        "/api/v1/contacts/{contact_id}",
        "/api/v1/organizations",
        "/api/v1/organizations/{organization_id}",
        "/api/v1/career-paths",
        "/api/v1/career-paths/{career_path_id}",
        "/api/v1/conversations",
        "/api/v1/conversations/{conversation_id}",
        "/api/v1/conversations/{conversation_id}/events",
        "/api/v1/conversations/{conversation_id}/notes",
    ]:
        assert path in paths
    assert set(paths["/api/v1/contacts/{contact_id}"]) == {"get", "patch", "delete"}


def test_the_interactive_docs_page_answers(client, db):
    response = client.get(f"{BASE}/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_healthz_answers_without_a_single_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_healthz_answers_with_the_database_out_of_reach(client):
    # No db fixture: pytest-django raises on any database access.
    response = client.get("/healthz")

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/contacts/abc", "/conversations/1.5"])
def test_a_malformed_id_is_422_with_a_message(api, path):
    response = api.get(path)

    assert response.status_code == 422
    assert response.json()["message"]


def test_a_body_that_is_not_json_is_400_with_a_message(api):
    response = api.client.post(
        f"{BASE}/career-paths", data="{oops", content_type="application/json", headers=api.headers
    )

    assert response.status_code == 400
    assert response.json()["message"]


# Found by tests/api/test_schema_fuzz.py: these answers come from ninja or the error
# handlers before an endpoint runs, and the schema listed them for no operation (400),
# only for writes (422), or not at all on paginated lists (401 and 422).
@pytest.mark.parametrize(
    ("method", "path", "send", "status"),
    [
        ("patch", "/profile", {"body": [None, None]}, "400"),
        ("post", "/career-paths", {"body": "zzz"}, "400"),
        ("get", "/contacts", {"params": {"offset": "null"}}, "422"),
        ("get", "/contacts/{id}", {"id": "null,null"}, "422"),
        ("get", "/organizations", {"token": None}, "401"),
    ],
)
def test_answers_given_before_the_endpoint_runs_are_in_the_schema(
    client, api, method, path, send, status
):
    operation = api.get("/openapi.json").json()["paths"][
        BASE + path.replace("{id}", "{contact_id}")
    ][method]
    caller = ApiClient(client, None) if "token" in send else api
    url = path.replace("{id}", send.get("id", ""))
    if "body" in send:
        response = caller._send(method, url, send["body"])
    else:
        response = caller.get(url, **send.get("params", {}))

    assert str(response.status_code) == status
    assert status in operation["responses"]
    assert response.json()["message"]


def test_the_openapi_json_names_no_key_twice(client, db):
    # Swagger UI refuses such a document (js-yaml: duplicated mapping key), where
    # Python's json keeps the last value: ninja's int 401 and a str "401" both went out.
    def no_duplicates(pairs):
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    json.loads(client.get(f"{BASE}/openapi.json").content, object_pairs_hook=no_duplicates)


def test_a_read_without_parameters_lists_no_422_and_a_bodyless_write_no_400(api):
    paths = api.get("/openapi.json").json()["paths"]

    assert "422" not in paths[f"{BASE}/profile"]["get"]["responses"]
    assert "400" not in paths[f"{BASE}/contacts/{{contact_id}}"]["delete"]["responses"]


def test_the_docs_page_loads_nothing_from_another_origin(client, db):
    import re

    page = client.get(f"{BASE}/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert [a for a in assets if not a.startswith("/")] == []
    assert "cdn" not in page.lower()
    assert '"validatorUrl": null' in page


def test_the_docs_assets_are_served_by_the_app(client, db):
    from django.contrib.staticfiles import finders

    for name in ("swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"):
        assert finders.find(f"ninja/{name}"), name

"""An API client with a bearer token, and small builders for the user's rows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from coffeechat.services.accounts.signin import create_api_token
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations.actions import start_conversation

BASE = "/api/v1"


class ApiClient:
    """JSON in, JSON out, with ``Authorization: Bearer``; paths are relative to /api/v1."""

    def __init__(self, client: Client, token: str | None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _send(self, method: str, path: str, body: Any = None, **extra: Any) -> Any:
        kwargs: dict[str, Any] = {"headers": {**self.headers, **extra.pop("headers", {})}}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        kwargs.update(extra)
        return getattr(self.client, method)(BASE + path, **kwargs)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(BASE + path, params, headers=self.headers)

    def post(self, path: str, body: Any = None, **extra: Any) -> Any:
        return self._send("post", path, body if body is not None else {}, **extra)

    def patch(self, path: str, body: Any, **extra: Any) -> Any:
        return self._send("patch", path, body, **extra)

    def delete(self, path: str, **extra: Any) -> Any:
        return self._send("delete", path, **extra)


@pytest.fixture
def token(user) -> str:
    return create_api_token(user)


@pytest.fixture
def api(client, token) -> ApiClient:
    return ApiClient(client, token)


@pytest.fixture
def organization(user):
    return crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})


@pytest.fixture
def contact(user, organization):
    return crm.create_contact(
        user,
        {
            "first_name": "Grace",
            "last_name": "Hopper",
            "email": "grace@acme.example",
            "organization": organization.pk,
            "source": "alumni",
        },
    )


@pytest.fixture
def career_path(user):
    return crm.create_career_path(user, {"title": "Data engineering", "status": "exploring"})


@pytest.fixture
def conversation(user, contact):
    return start_conversation(user, {"contact": contact.pk})


@pytest.fixture
def foreign(outsider):
    """One row of each kind belonging to the outsider."""
    organization = crm.create_organization(
        outsider, {"name": "Elsewhere", "motivation": 0, "posting": 1}
    )
    contact = crm.create_contact(
        outsider, {"first_name": "Eve", "source": "other", "organization": organization.pk}
    )
    return {
        "organizations": organization,
        "contacts": contact,
        "career-paths": crm.create_career_path(
            outsider, {"title": "Spycraft", "status": "exploring"}
        ),
        "conversations": start_conversation(outsider, {"contact": contact.pk}),
    }

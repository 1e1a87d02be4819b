"""Every page and every API operation that names a row answers 404 for another
user's row, and changes nothing of theirs.

The routes come from the URL configuration and the OpenAPI document, not from a
list kept here: a new route is tested the day it is added, and a route whose
parameter this file cannot fill fails until it is taught which row to use.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps

from coffeechat.core.models import Question, Template
from coffeechat.core.models.base import OwnedModel
from coffeechat.services.accounts.signin import create_api_token
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts.merge import merge_contacts
from coffeechat.services.conversations.action_items import create_action_item
from coffeechat.services.conversations.actions import record_event, start_conversation
from coffeechat.services.data.import_stash import stash_upload
from coffeechat.services.data.imports import commit_import
from coffeechat.services.outreach.templates import seed_templates
from coffeechat.services.prep.plans import add_question
from coffeechat.services.prep.questions import ensure_question_bank
from coffeechat.services.reflection.paths import add_open_question
from coffeechat.services.today.due_list import today_for
from coffeechat.services.today.step_decisions import snooze
from tests.routes import web_pages

pytestmark = pytest.mark.django_db

# Routes whose parameter is not a row id but a secret that is itself the
# credential: whoever holds a sign-in link or a feed address may use it.
SECRET_ROUTES = {"sign_in_link", "calendar_feed_ics"}

# Owned models no route names by id, and why that is right.
NOT_ADDRESSED_BY_ID = {
    "Message": "read and written through its conversation",
    "Note": "read and written through its conversation",
    "Referral": "recorded through the conversation it was heard in",
    "FitRating": "read and written through its career path's fit",
    "PathDecision": "recorded through its career path's review",
    "ProfileRevision": "the history of the user's own profile, shown on the profile page",
}


@pytest.fixture
def victim(outsider, now, tmp_path, settings) -> dict[str, Any]:
    """One row of every kind a route can name, all belonging to the outsider."""
    settings.DATA_DIR = tmp_path
    org = crm.create_organization(outsider, {"name": "Elsewhere", "motivation": 2, "posting": 1})
    kept, other, merged, trashed = (
        crm.create_contact(
            outsider, {"first_name": name, "source": "alumni", "organization": org.pk}
        )
        for name in ("Eve", "Ivan", "Eva", "Trent")
    )
    path = crm.create_career_path(outsider, {"title": "Spycraft", "status": "exploring"})
    talk = start_conversation(outsider, {"contact": kept.pk, "career_path": path.pk})
    asked = now - timedelta(days=30)
    record_event(outsider, talk.pk, {"type": "request_sent", "at": asked.isoformat()}, asked)
    ensure_question_bank(outsider)
    line = add_question(outsider, talk.pk, Question.objects.filter(owner=outsider).first().pk)
    seed_templates(outsider)
    item = create_action_item(outsider, {"text": "Read the report", "kind": "skill"})
    open_question = add_open_question(outsider, path.pk, {"text": "How much travel is there?"})
    merge = merge_contacts(outsider, kept.pk, merged.pk, now)
    crm.move_to_trash(outsider, "contact", trashed.pk, now)
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    batch = commit_import(outsider, "linkedin", (header + "Mara,Stone,,,,,\n").encode()).batch
    step = today_for(outsider, now).items[0]
    ids = {
        "conversation": talk.pk,
        "contact": kept.pk,
        "other_contact": other.pk,
        "trashed_contact": trashed.pk,
        "organization": org.pk,
        "career_path": path.pk,
        "action_item": item.pk,
        "question": Question.objects.filter(owner=outsider).first().pk,
        "plan_line": line.pk,
        "template": Template.objects.filter(owner=outsider).first().pk,
        "open_question": open_question.pk,
        "import_batch": batch.pk,
        "merge": merge.pk,
        "decision": snooze(outsider, step.action.key, now.date() + timedelta(days=3), now).pk,
        "import_token": stash_upload(outsider, "linkedin", "c.csv", header.encode()),
    }
    return ids


@pytest.fixture
def own(user) -> dict[str, int]:
    """Rows of the signed-in user's own that a request body may name."""
    seed_templates(user)
    ensure_question_bank(user)
    return {
        "contact": crm.create_contact(user, {"first_name": "Grace", "source": "alumni"}).pk,
        "template": Template.objects.filter(owner=user).first().pk,
        "question": Question.objects.filter(owner=user).first().pk,
    }


def snapshot(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row the user owns, in every table that has an owner."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_app_config("core").get_models():
        if "owner" in {field.name for field in model._meta.fields}:
            rows = model._base_manager.filter(owner=user).order_by("pk").values()
            tables[model.__name__] = [dict(row) for row in rows]
    return tables


# -- web pages ----------------------------------------------------------------------

# Which of the victim's rows a page's ``pk`` names, by the first part of its path.
PK_BY_PREFIX = {
    "conversations": "conversation",
    "contacts/import-messages": "import_batch",
    "contacts/merges": "merge",
    "contacts": "contact",
    "organizations": "organization",
    "paths": "career_path",
    "action-items": "action_item",
    "actions": "action_item",
    "questions": "question",
    "templates": "template",
    "open-questions": "open_question",
    "import/batches": "import_batch",
    "today/set-aside": "decision",
    "trash/<str:kind>/<int:pk>/restore": "trashed_contact",
    "trash": "contact",
}
OTHER_PARAMS = {
    "other": "other_contact",
    "merge_id": "merge",
    "line": "plan_line",
    "token": "import_token",
}


def web_routes() -> list[tuple[str, str]]:
    """(name, pattern) of every page with a parameter, from the URL configuration."""
    return sorted(
        (name, route) for name, route in web_pages() if "<" in route and name not in SECRET_ROUTES
    )


def fill_web_route(route: str, ids: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        if name == "kind":
            return "contact"
        if name in OTHER_PARAMS:
            return str(ids[OTHER_PARAMS[name]])
        kind = next(kind for prefix, kind in PK_BY_PREFIX.items() if route.startswith(prefix))
        return str(ids[kind])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


@pytest.mark.parametrize(("name", "route"), web_routes(), ids=[n for n, _ in web_routes()])
def test_another_users_row_is_not_found_on_every_page(
    name, route, signed_in, user, outsider, victim
):
    url = fill_web_route(route, victim)
    before = snapshot(outsider)

    shown = signed_in.get(url)
    posted = signed_in.post(url, {"text": "x", "type": "closed", "next": "/"})

    # A page that only takes POST answers GET with 405 (and the reverse), which
    # says nothing about whether the row exists.
    assert {shown.status_code, posted.status_code} <= {404, 405}, (url, shown, posted)
    assert 404 in {shown.status_code, posted.status_code}, url
    assert snapshot(outsider) == before, url


# -- API operations -----------------------------------------------------------------

API_PARAMS = {
    "conversation_id": "conversation",
    "contact_id": "contact",
    "organization_id": "organization",
    "career_path_id": "career_path",
    "merge_id": "merge",
    "line_id": "plan_line",
    "batch_id": "import_batch",
    "template_id": "template",
    "decision_id": "decision",
}
# A parameter whose row depends on the path it is in.
API_PARAMS_BY_PATH = {
    ("/action-items/{item_id}", "item_id"): "action_item",
    ("/trash/{kind}/{item_id}/restore", "item_id"): "trashed_contact",
    ("/questions/{question_id}", "question_id"): "question",
    ("/conversations/{conversation_id}/interview/notes/{question_id}", "question_id"): "plan_line",
}
API_LITERALS = {
    "kind": {"/imports/{kind}": "linkedin", "/trash/{kind}/{item_id}/restore": "contact"}
}
# Bodies that pass validation, so the answer is about the row in the path and not
# the body; "own:…" stands for a row of the signed-in user's own.
API_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/conversations/{conversation_id}/events"): {"type": "closed"},
    ("post", "/conversations/{conversation_id}/notes"): {"text": "x"},
    ("put", "/conversations/{conversation_id}/plan"): {"question_ids": []},
    ("post", "/conversations/{conversation_id}/plan/lines"): {"question_id": "own:question"},
    ("patch", "/conversations/{conversation_id}/plan/lines/{line_id}"): {"minutes": 3},
    ("post", "/conversations/{conversation_id}/plan/lines/{line_id}/move"): {"direction": "up"},
    ("put", "/conversations/{conversation_id}/interview/notes/{question_id}"): {"text": "x"},
    ("post", "/outreach/conversations/{conversation_id}/compose"): {"template_id": "own:template"},
    ("put", "/career-paths/{career_path_id}/fit"): {"ratings": []},
    ("post", "/career-paths/{career_path_id}/reviews"): {"status": "exploring"},
    ("post", "/contacts/{contact_id}/merge"): {"other_id": "own:contact"},
    ("patch", "/contacts/{contact_id}"): {"first_name": "X"},
    ("patch", "/organizations/{organization_id}"): {"name": "X"},
    ("patch", "/career-paths/{career_path_id}"): {"title": "X"},
    ("patch", "/conversations/{conversation_id}"): {"planned_minutes": 20},
    ("patch", "/action-items/{item_id}"): {"text": "X"},
    ("patch", "/questions/{question_id}"): {"text": "X?"},
}
# Operations whose parameter is not the user's row at all.
API_NOT_ROWS = {("post", "/imports/{kind}")}


def api_operations() -> list[tuple[str, str]]:
    from coffeechat.api.app import api

    schema = api.get_openapi_schema()
    prefix = "/api/v1"
    return sorted(
        (method, path.removeprefix(prefix))
        for path, operations in schema["paths"].items()
        if "{" in path
        for method in operations
        if (method, path.removeprefix(prefix)) not in API_NOT_ROWS
    )


def fill_api_path(path: str, ids: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in API_LITERALS:
            return API_LITERALS[name][path]
        kind = API_PARAMS_BY_PATH.get((path, name)) or API_PARAMS[name]
        return str(ids[kind])

    return re.sub(r"\{(\w+)\}", value, path)


@pytest.mark.parametrize(
    ("method", "path"), api_operations(), ids=[f"{m} {p}" for m, p in api_operations()]
)
def test_another_users_row_is_404_on_every_api_operation(
    method, path, client, user, outsider, victim, own
):
    body = {
        field: own[value.removeprefix("own:")] if str(value).startswith("own:") else value
        for field, value in API_BODIES.get((method, path), {}).items()
    }
    headers = {"Authorization": f"Bearer {create_api_token(user)}"}
    before = snapshot(outsider)

    answer = getattr(client, method)(
        "/api/v1" + fill_api_path(path, victim),
        **({} if method in {"get", "delete"} else {"data": json.dumps(body)}),
        content_type="application/json",
        headers=headers,
    )

    assert answer.status_code == 404, (path, answer.status_code, answer.content[:300])
    assert snapshot(outsider) == before


# -- coverage -----------------------------------------------------------------------


# The model of each kind of row the victim fixture makes.
KIND_MODELS = {
    "conversation": "Conversation",
    "contact": "Contact",
    "other_contact": "Contact",
    "trashed_contact": "Contact",
    "organization": "Organization",
    "career_path": "CareerPath",
    "action_item": "ActionItem",
    "question": "Question",
    "plan_line": "PlannedQuestion",
    "template": "Template",
    "open_question": "OpenQuestion",
    "import_batch": "ImportBatch",
    "merge": "ContactMerge",
    "decision": "StepDecision",
}


def test_every_owned_model_is_named_by_a_tested_route_or_excused():
    used = {*PK_BY_PREFIX.values(), *OTHER_PARAMS.values(), *API_PARAMS.values()}
    used |= set(API_PARAMS_BY_PATH.values())
    owned = {model.__name__ for model in apps.get_models() if issubclass(model, OwnedModel)}
    reached = {KIND_MODELS[kind] for kind in used if kind in KIND_MODELS}

    assert owned - reached - set(NOT_ADDRESSED_BY_ID) == set()
    assert set(NOT_ADDRESSED_BY_ID) <= owned, "an excused model no longer exists"

"""The question plan and interview notes through the JSON API, and the question bank."""

from __future__ import annotations

import pytest

from coffeechat.core.models import Note
from tests.prep_fixtures import bank_question, booked_interview


@pytest.fixture
def conv(user, now):
    return booked_interview(user, now)


def put(api, path, body):
    return api._send("put", path, body)


def test_an_empty_plan_reads_with_its_budget(api, conv):
    data = api.get(f"/conversations/{conv.pk}/plan").json()
    assert (data["length"], data["margin"], data["budget"], data["used"]) == (30, 5, 25, 0)
    assert data["lines"] == [] and data["left_out"] == []


def test_adding_moving_and_removing_lines(api, user, conv):
    a, b = bank_question(user, "day-last-week"), bank_question(user, "trend-changing")
    added = api.post(f"/conversations/{conv.pk}/plan/lines", {"question_id": a.pk})
    assert added.status_code == 201
    assert [line["role"] for line in added.json()["lines"]] == ["opener", "pick", "closer"]
    data = api.post(f"/conversations/{conv.pk}/plan/lines", {"question_id": b.pk}).json()
    line_b = next(line for line in data["lines"] if line["question_id"] == b.pk)
    moved = api.post(
        f"/conversations/{conv.pk}/plan/lines/{line_b['id']}/move", {"direction": "up"}
    ).json()
    assert [line["question_id"] for line in moved["lines"]][1:3] == [b.pk, a.pk]
    assert moved["lines"][1]["start"] == 6 and moved["lines"][1]["end"] == 10
    deleted = api.delete(f"/conversations/{conv.pk}/plan/lines/{line_b['id']}")
    assert deleted.status_code == 204
    after = api.get(f"/conversations/{conv.pk}/plan").json()
    assert b.pk not in [line["question_id"] for line in after["lines"]]


def test_put_replaces_the_plan_and_reports_what_does_not_fit(api, user, conv):
    keys = [
        "day-recent-project",
        "skill-my-gap",
        "path-changer",
        "path-first-break",
        "advice-in-my-shoes",
        "skill-transferable",
        "trend-salary",
    ]
    ids = [bank_question(user, k).pk for k in keys]
    data = put(api, f"/conversations/{conv.pk}/plan", {"question_ids": ids}).json()
    assert data["used"] <= data["budget"] == 25
    # Without an opener or closer listed, picks have all 25 minutes: 5+5+4+4+4 fit,
    # the next 4 does not (3 left), the 2-minute one after it does.
    assert [line["question_id"] for line in data["left_out"]] == [ids[5]]
    assert data["left_out"][0]["left_out_reason"].startswith("Needs 4 min; 3 min left")
    assert any("web search" in warning for warning in data["warnings"])


def test_bad_plan_input_is_422_by_field(api, user, conv, outsider, now):
    theirs = bank_question(booked_interview(outsider, now).owner, "day-last-week")
    response = api.post(f"/conversations/{conv.pk}/plan/lines", {"question_id": theirs.pk})
    assert response.status_code == 422 and "question" in response.json()["errors"]
    line = api.post(
        f"/conversations/{conv.pk}/plan/lines",
        {"question_id": bank_question(user, "day-last-week").pk},
    ).json()["lines"][1]
    bad = api.patch(f"/conversations/{conv.pk}/plan/lines/{line['id']}", {"minutes": 99})
    assert bad.status_code == 422 and "minutes" in bad.json()["errors"]
    ok = api.patch(f"/conversations/{conv.pk}/plan/lines/{line['id']}", {"asked": True})
    assert ok.json()["lines"][1]["asked"] is True


def test_another_users_plan_is_404(api, outsider, now):
    theirs = booked_interview(outsider, now)
    assert api.get(f"/conversations/{theirs.pk}/plan").status_code == 404


def test_interview_notes_autosave_idempotently(api, user, conv):
    q = bank_question(user, "day-last-week")
    path = f"/conversations/{conv.pk}/interview/notes/{q.pk}"
    first = put(api, path, {"text": "Planning on Mondays"})
    assert first.status_code == 200 and first.json()["text"] == "Planning on Mondays"
    put(api, path, {"text": "Planning on Mondays"})
    assert Note.objects.filter(conversation=conv, question=q).count() == 1


def test_the_bank_lists_adds_hides_and_refuses_to_delete_builtins(api, user):
    listed = api.get("/questions", category="trends").json()
    assert len(listed) >= 8 and {q["category"] for q in listed} == {"trends"}
    created = api.post(
        "/questions",
        {"text": "How do you pick studies?", "category": "day-to-day", "tiara": "insights"},
    )
    assert created.status_code == 201 and created.json()["builtin"] is False
    builtin = listed[0]
    hidden = api.patch(f"/questions/{builtin['id']}", {"hidden": True}).json()
    assert hidden["hidden"] is True
    assert api.delete(f"/questions/{builtin['id']}").status_code == 422
    assert api.delete(f"/questions/{created.json()['id']}").status_code == 204
    bad = api.post("/questions", {"text": "Why?", "category": "x", "tiara": "insights"})
    assert bad.status_code == 422 and {"text", "category"} <= set(bad.json()["errors"])


def test_a_patch_with_a_bad_field_changes_nothing_not_even_hidden(api, user):
    question = api.get("/questions", category="trends").json()[0]
    bad = api.patch(f"/questions/{question['id']}", {"category": "x", "hidden": True})
    assert bad.status_code == 422 and "category" in bad.json()["errors"]
    after = next(q for q in api.get("/questions").json() if q["id"] == question["id"])
    assert after["hidden"] is False and after["category"] == "trends"


def test_the_plan_paths_do_not_shadow_the_conversation_endpoints(api, conv):
    assert api.get(f"/conversations/{conv.pk}").json()["id"] == conv.pk
    schema = api.get("/openapi.json").json()
    assert "/api/v1/conversations/{conversation_id}/plan" in schema["paths"]

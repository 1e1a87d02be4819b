"""GET /api/v1/career-paths/{id}/fit: criteria, ratings, evidence note ids, weighted score."""

from coffeechat.services.reflection.paths import save_ratings
from tests.reflection_data import campaign


def test_the_fit_lists_criteria_ratings_evidence_and_the_weighted_score(api, user, now):
    data = campaign(user, now)
    ux = data.paths["ux"]
    cited = [data.notes[1].pk, data.notes[2].pk]
    save_ratings(
        user,
        ux.pk,
        [
            {"kind": "interest", "name": "Explaining data", "score": 5, "note_ids": cited},
            {"kind": "skill", "name": "SQL", "score": 2, "note_ids": []},
        ],
    )
    response = api.get(f"/career-paths/{ux.pk}/fit")
    assert response.status_code == 200
    body = response.json()
    assert body["score"] == 3.88  # (5*5 + 3*2) / 8
    assert body["coverage"] == 0.67  # 8 of 12 weight rated
    assert body["criteria"] == [
        {
            "kind": "interest",
            "name": "Explaining data",
            "weight": 5,
            "rating": 5,
            "evidence_note_ids": cited,
            "pull": 10,
        },
        {
            "kind": "skill",
            "name": "SQL",
            "weight": 3,
            "rating": 2,
            "evidence_note_ids": [],
            "pull": -3,
        },
        {
            "kind": "value",
            "name": "Autonomy",
            "weight": 4,
            "rating": None,
            "evidence_note_ids": [],
            "pull": 0,
        },
    ]
    assert body["drivers"] == ["Explaining data"] and body["drags"] == ["SQL"]
    assert body["themes"][0]["tag"] == "pace" and body["themes"][0]["conversations"] == 2
    assert body["interviews_held"] == 3 and body["held_since_review"] == 3


def test_an_unrated_path_has_no_score_yet(api, user, now):
    ux = campaign(user, now).paths["ux"]
    body = api.get(f"/career-paths/{ux.pk}/fit").json()
    assert body["score"] is None and body["percent"] is None and body["coverage"] == 0


def test_another_users_path_is_a_404(api, outsider, now):
    theirs = campaign(outsider, now).paths["ux"]
    response = api.get(f"/career-paths/{theirs.pk}/fit")
    assert response.status_code == 404
    assert "message" in response.json()


def test_the_fit_endpoint_is_in_the_openapi_document(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert "/api/v1/career-paths/{career_path_id}/fit" in paths


def test_ratings_are_written_through_the_api_with_the_same_checks(api, user, outsider, now):
    data = campaign(user, now)
    ux, note = data.paths["ux"], data.notes[0]
    response = api._send(
        "put",
        f"/career-paths/{ux.pk}/fit",
        {
            "ratings": [
                {"kind": "value", "name": "autonomy", "rating": 4, "evidence_note_ids": [note.pk]}
            ]
        },
    )
    assert response.status_code == 200
    assert response.json()["score"] == 4.0
    assert response.json()["criteria"][2]["evidence_note_ids"] == [note.pk]
    theirs = campaign(outsider, now).notes[0]
    refused = api._send(
        "put",
        f"/career-paths/{ux.pk}/fit",
        {
            "ratings": [
                {"kind": "skill", "name": "SQL", "rating": 6},
                {"kind": "value", "name": "Pay", "rating": 3},
                {
                    "kind": "value",
                    "name": "Autonomy",
                    "rating": 1,
                    "evidence_note_ids": [theirs.pk],
                },
            ]
        },
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == {
        "skill:sql": ["The rating 6 is outside 1-5."],
        "value:pay": ["This is not one of your profile's interests, skills or values."],
        "value:autonomy": [f"No note with id {theirs.pk}."],
    }
    assert api.get(f"/career-paths/{ux.pk}/fit").json()["score"] == 4.0  # nothing changed


def test_a_review_is_recorded_through_the_api(api, user, now):
    ux = campaign(user, now).paths["ux"]
    refused = api.post(f"/career-paths/{ux.pk}/reviews", {"status": "dropped"})
    assert refused.status_code == 422 and "reason" in refused.json()["errors"]
    response = api.post(
        f"/career-paths/{ux.pk}/reviews", {"status": "dropped", "reason": "Too much travel."}
    )
    assert response.status_code == 201
    assert response.json()["previous_status"] == "exploring"
    ux.refresh_from_db()
    assert ux.status == "dropped" and ux.last_reviewed_at is not None

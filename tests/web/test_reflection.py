"""The reflection pages: rate a path citing notes, review it, compare paths, the guide."""

from datetime import timedelta

from django.urls import reverse

from coffeechat.core.models import CareerPath, FitRating, PathDecision, ProfileRevision
from coffeechat.services.reflection.paths import save_ratings
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url
from tests.reflection_data import campaign


def test_reflect_on_today_leads_to_the_paths_reflection_page(signed_in, user, now):
    data = campaign(user, now)
    reflect = [i for i in today_for(user, now).items if i.action.kind == "reflect"]
    assert [door_url(item.action) for item in reflect] == [
        reverse("web:path_reflection", args=[data.paths["ux"].pk])
    ]


def test_ratings_cite_notes_and_the_page_links_them_back(signed_in, user, now):
    data = campaign(user, now)
    ux, first_note = data.paths["ux"], data.notes[0]
    response = signed_in.post(
        reverse("web:path_ratings", args=[ux.pk]),
        {
            "criterion": ["interest:explaining data", "value:autonomy"],
            "score:interest:explaining data": "5",
            "notes:interest:explaining data": [str(data.notes[1].pk)],
            "score:value:autonomy": "2",
            "notes:value:autonomy": [str(first_note.pk)],
        },
    )
    assert response.status_code == 302
    page = signed_in.get(reverse("web:path_reflection", args=[ux.pk])).content.decode()
    link = reverse("web:conversation", args=[first_note.conversation_id]) + f"#note-{first_note.pk}"
    assert link in page
    # (5*5 + 2*4) / 9 = 3.67
    assert "3.7" in page
    assert "Drawing you in:</strong> Explaining data" in page
    assert "Holding it back:</strong> Autonomy" in page
    assert "pace" in page and "in 2 conversations" in page


def test_a_bad_rating_is_refused_by_row_and_keeps_what_was_chosen(signed_in, user, now):
    data = campaign(user, now)
    ux = data.paths["ux"]
    response = signed_in.post(
        reverse("web:path_ratings", args=[ux.pk]),
        {
            "criterion": ["interest:explaining data", "skill:sql"],
            "score:interest:explaining data": "4",
            "score:skill:sql": "9",
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "The rating 9 is outside 1-5." in page
    assert '<option value="4" selected>' in page
    assert FitRating.objects.count() == 0


def test_another_users_note_cannot_be_cited(signed_in, user, outsider, now):
    data = campaign(user, now)
    theirs = campaign(outsider, now)
    response = signed_in.post(
        reverse("web:path_ratings", args=[data.paths["ux"].pk]),
        {
            "criterion": ["skill:sql"],
            "score:skill:sql": "4",
            "notes:skill:sql": [str(theirs.notes[0].pk)],
        },
    )
    assert response.status_code == 422
    assert f"No note with id {theirs.notes[0].pk}." in response.content.decode()


def test_another_users_path_is_not_found(signed_in, outsider, now):
    theirs = campaign(outsider, now)
    url = reverse("web:path_reflection", args=[theirs.paths["ux"].pk])
    assert signed_in.get(url).status_code == 404
    assert (
        signed_in.post(reverse("web:path_review", args=[theirs.paths["ux"].pk])).status_code == 404
    )


def test_a_review_logs_the_decision_and_silences_reflect_on_today(signed_in, user, now):
    data = campaign(user, now)
    ux = data.paths["ux"]
    refused = signed_in.post(reverse("web:path_review", args=[ux.pk]), {"status": "promising"})
    assert refused.status_code == 422
    assert "Say why the path moves to promising." in refused.content.decode()
    response = signed_in.post(
        reverse("web:path_review", args=[ux.pk]),
        {"status": "promising", "reason": "Three people said the work is mostly storytelling."},
    )
    assert response.status_code == 302
    ux.refresh_from_db()
    assert ux.status == "promising" and ux.last_reviewed_at is not None
    decision = PathDecision.objects.get()
    assert (decision.previous_status, decision.status) == ("exploring", "promising")
    later = ux.last_reviewed_at + timedelta(minutes=1)
    assert not [i for i in today_for(user, later).items if i.action.kind == "reflect"]
    page = signed_in.get(reverse("web:path_reflection", args=[ux.pk])).content.decode()
    assert "Exploring → Promising" in page and "mostly storytelling" in page


def test_open_questions_are_added_answered_and_reopened(signed_in, user, now):
    ux = campaign(user, now).paths["ux"]
    signed_in.post(reverse("web:open_question_add", args=[ux.pk]), {"text": "  How much travel? "})
    question = ux.open_questions.get()
    assert question.text == "How much travel?"
    signed_in.post(reverse("web:open_question_answered", args=[question.pk]), {"answered": "1"})
    question.refresh_from_db()
    assert question.answered_at is not None
    signed_in.post(reverse("web:open_question_answered", args=[question.pk]), {"answered": "0"})
    question.refresh_from_db()
    assert question.answered_at is None
    empty = signed_in.post(reverse("web:open_question_add", args=[ux.pk]), {"text": " "})
    assert empty.status_code == 422


def test_the_comparison_shows_every_path_best_fit_first(signed_in, user, now):
    data = campaign(user, now)
    save_ratings(user, data.paths["data"].pk, [{"kind": "skill", "name": "SQL", "score": 5}])
    save_ratings(user, data.paths["ux"].pk, [{"kind": "skill", "name": "sql", "score": 2}])
    page = signed_in.get(reverse("web:compare_paths")).content.decode()
    assert page.index("Data journalism") < page.index("UX research")
    assert "storytelling" in page


def test_the_comparison_costs_the_same_queries_for_two_and_six_paths(signed_in, user, now):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    campaign(user, now)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(reverse("web:compare_paths")).status_code == 200
        return len(captured)

    small = count()
    for i in range(4):
        CareerPath.objects.create(owner=user, title=f"Path {i}")
    assert count() == small


def test_the_guide_turns_answers_into_the_profile_and_keeps_the_history(signed_in, user):
    response = signed_in.post(
        reverse("web:self_reflection"),
        {
            "energisers": "Explaining data\nWriting: 5",
            "enjoyed_skills": "SQL",
            "growth_skills": "Python",
            "ranked_values": "Autonomy\nImpact",
        },
    )
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.values == [
        {"name": "Autonomy", "weight": 5},
        {"name": "Impact", "weight": 4},
    ]
    assert user.profile.skills == [{"name": "SQL", "weight": 4}, {"name": "Python", "weight": 3}]
    signed_in.post(reverse("web:self_reflection"), {"ranked_values": "Impact\nAutonomy"})
    page = signed_in.get(reverse("web:self_reflection")).content.decode()
    assert "Autonomy 5 → 4" in page and "Impact 4 → 5" in page
    assert "removed SQL" in page
    assert ProfileRevision.objects.filter(owner=user).count() == 2


def test_a_bad_answer_is_refused_by_question_and_nothing_is_lost(signed_in, user):
    response = signed_in.post(
        reverse("web:self_reflection"),
        {"energisers": "Writing: 9", "ranked_values": "Autonomy\nPay"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "line 1: weight 9 is outside 1-5" in page
    assert "Autonomy\nPay</textarea>" in page
    user.profile.refresh_from_db()
    assert user.profile.values == []


def test_profile_page_edits_are_kept_in_the_history(signed_in, user):
    from coffeechat.services.contacts.actions import update_profile

    update_profile(user, {"values": [{"name": "Pay", "weight": 2}]}, partial=True)
    update_profile(user, {"values": [{"name": "Pay", "weight": 5}]}, partial=True)
    update_profile(user, {"goals": "Find a path"}, partial=True)  # not a weighted list
    assert ProfileRevision.objects.filter(owner=user).count() == 2
    page = signed_in.get(reverse("web:self_reflection")).content.decode()
    assert "Pay 2 → 5" in page

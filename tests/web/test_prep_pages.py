"""The question bank page, the plan editor, the brief and its Markdown, as a user sees them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coffeechat.core.models import PlannedQuestion, Question
from coffeechat.services.prep import plans
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url
from tests.prep_fixtures import bank_question, booked_interview


@pytest.fixture
def conv(user, now):
    return booked_interview(user, now)


def test_the_bank_lists_questions_by_category_and_filters(signed_in, user):
    page = signed_in.get(reverse("web:questions")).content.decode()
    assert "Path into the field" in page and "Resources and next steps" in page
    assert "What was your first real break into this field" in page
    assert "findable online" in page
    filtered = signed_in.get(reverse("web:questions"), {"tiara": "trends", "q": "five years"})
    text = filtered.content.decode()
    assert "Where do you think this work is heading over the next five years?" in text
    assert "What was your first real break" not in text


def test_adding_a_question_with_errors_keeps_what_was_typed(signed_in, user):
    url = reverse("web:question_create")
    response = signed_in.post(url, {"text": "How do you choose clients?", "minutes": 99})
    assert response.status_code == 422
    assert "How do you choose clients?" in response.content.decode()
    ok = signed_in.post(
        url,
        {
            "text": "How do you choose clients?",
            "category": "day-to-day",
            "tiara": "insights",
            "minutes": 3,
        },
    )
    assert ok.status_code == 302
    assert Question.objects.filter(owner=user, text="How do you choose clients?").exists()


def test_hiding_and_unhiding_a_builtin(signed_in, user):
    signed_in.get(reverse("web:questions"))
    q = bank_question(user, "trend-salary")
    row = f'id="q{q.pk}"'
    signed_in.post(reverse("web:question_hide", args=[q.pk]), {"hidden": "1"})
    assert row not in signed_in.get(reverse("web:questions")).content.decode()
    hidden = signed_in.get(reverse("web:questions"), {"show": "hidden"}).content.decode()
    assert row in hidden and "Unhide" in hidden
    signed_in.post(reverse("web:question_hide", args=[q.pk]), {"hidden": "0"})
    assert row in signed_in.get(reverse("web:questions")).content.decode()


def test_a_builtin_has_no_delete_button_and_cannot_be_deleted(signed_in, user):
    signed_in.get(reverse("web:questions"))
    q = bank_question(user, "trend-salary")
    response = signed_in.post(reverse("web:question_delete", args=[q.pk]), follow=True)
    assert "hidden, not deleted" in response.content.decode()
    q.refresh_from_db()
    assert q.deleted_at is None


def test_the_plan_editor_adds_moves_and_removes_without_javascript(signed_in, user, conv):
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    assert "Add a question from your bank" in page
    a, b = bank_question(user, "day-last-week"), bank_question(user, "trend-changing")
    for q in (a, b):
        response = signed_in.post(reverse("web:plan_add", args=[conv.pk]), {"question": q.pk})
        assert response.status_code == 302 and response["Location"].endswith("#plan")
    line_b = PlannedQuestion.objects.get(conversation=conv, question=b)
    signed_in.post(reverse("web:plan_move", args=[conv.pk, line_b.pk]), {"direction": "up"})
    picks = [r.question_id for r in plans.get_plan(user, conv.pk).picks]
    assert picks == [b.pk, a.pk]
    page = signed_in.get(reverse("web:conversation", args=[conv.pk])).content.decode()
    assert page.index(b.text) < page.index(a.text)
    assert "Uses <strong>13 of 25 minutes</strong>" in page
    signed_in.post(reverse("web:plan_remove", args=[conv.pk, line_b.pk]))
    assert [r.question_id for r in plans.get_plan(user, conv.pk).picks] == [a.pk]


def test_the_plan_editor_answers_htmx_with_the_partial(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    response = signed_in.post(
        reverse("web:plan_add", args=[conv.pk]), {"question": q.pk}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="plan-editor"') and "<html" not in html
    assert q.text in html and "Move up" in html
    again = signed_in.post(
        reverse("web:plan_add", args=[conv.pk]), {"question": q.pk}, HTTP_HX_REQUEST="true"
    )
    assert "already in the plan" in again.content.decode()


def test_the_brief_names_what_is_missing_and_today_links_to_it(signed_in, user, now):
    conv = booked_interview(user, now, research="")
    page = signed_in.get(reverse("web:brief", args=[conv.pk])).content.decode()
    assert "Still missing" in page
    for gap in ("No research", "No question plan", "tell me about yourself", "why this field"):
        assert gap in page
    prepare = [i for i in today_for(user, now).items if i.action.kind.value == "prepare"]
    assert prepare and door_url(prepare[0].action) == reverse("web:brief", args=[conv.pk])


def test_the_brief_shows_both_zones_the_plan_and_saves_the_answers(signed_in, user, conv):
    plans.add_question(user, conv.pk, bank_question(user, "day-last-week").pk)
    page = signed_in.get(reverse("web:brief", args=[conv.pk])).content.decode()
    assert "Wednesday 4 November 2026, 10:00" in page  # New York
    assert "Wednesday 4 November 2026, 16:00" in page  # Berlin
    assert "3–6" in page and "Could you walk me through what you actually did last week?" in page
    response = signed_in.post(
        reverse("web:brief_answers", args=[conv.pk]),
        {"elevator_pitch": "I teach maths and run research.", "why_this_field": "I like people."},
    )
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.elevator_pitch == "I teach maths and run research."
    assert (
        "Everything is in place"
        in signed_in.get(reverse("web:brief", args=[conv.pk])).content.decode()
    )


def test_a_too_long_answer_is_refused_and_kept_on_the_page(signed_in, user, conv):
    long = "word " * 700
    response = signed_in.post(
        reverse("web:brief_answers", args=[conv.pk]), {"elevator_pitch": long}
    )
    assert response.status_code == 422
    assert "word word word" in response.content.decode()


def test_the_brief_downloads_as_markdown(signed_in, user, conv):
    plans.add_question(user, conv.pk, bank_question(user, "day-last-week").pk)
    response = signed_in.get(reverse("web:brief_download", args=[conv.pk]))
    assert response["Content-Type"].startswith("text/markdown")
    assert 'filename="brief-ana-ruiz.md"' in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("# Brief: Ana Ruiz\n")
    assert "## Who they are" in text and "Led the portal." in text
    assert "2. [6–10 min] Could you walk me through what you actually did last week?" in text
    assert "- Your time: Wednesday 4 November 2026, 10:00 (America/New_York)" in text
    assert "- Their time: Wednesday 4 November 2026, 16:00 (Europe/Berlin)" in text


def test_another_users_brief_and_plan_are_404(signed_in, outsider, now):
    theirs = booked_interview(outsider, now)
    assert signed_in.get(reverse("web:brief", args=[theirs.pk])).status_code == 404
    assert signed_in.get(reverse("web:brief_download", args=[theirs.pk])).status_code == 404
    q = bank_question(outsider, "day-last-week")
    assert (
        signed_in.post(reverse("web:plan_add", args=[theirs.pk]), {"question": q.pk}).status_code
        == 404
    )


def test_an_own_question_deleted_from_the_bank_is_restorable_from_the_trash(signed_in, user):
    signed_in.post(
        reverse("web:question_create"),
        {
            "text": "How do you pick which studies to run?",
            "category": "day-to-day",
            "tiara": "insights",
            "minutes": 3,
        },
    )
    own = Question.objects.get(owner=user, text="How do you pick which studies to run?")
    signed_in.post(reverse("web:question_delete", args=[own.pk]))
    trash = signed_in.get(reverse("web:trash")).content.decode()
    assert "How do you pick which studies to run?" in trash
    signed_in.post(reverse("web:trash_restore", args=["question", own.pk]))
    own.refresh_from_db()
    assert own.deleted_at is None


def test_a_line_can_take_fewer_minutes_so_another_pick_fits(signed_in, user, conv):
    keys = [
        "day-recent-project",
        "skill-my-gap",
        "path-changer",
        "path-first-break",
        "advice-in-my-shoes",
        "skill-transferable",
    ]
    for key in keys:
        plans.add_question(user, conv.pk, bank_question(user, key).pk)
    assert len(plans.get_plan(user, conv.pk).plan.left_out) == 2
    project = PlannedQuestion.objects.get(conversation=conv, question__key="day-recent-project")
    url = reverse("web:plan_minutes", args=[conv.pk, project.pk])
    page = signed_in.post(url, {"minutes": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="min-{project.pk}" name="minutes" min="1" max="20" value="1"' in page
    assert len(plans.get_plan(user, conv.pk).plan.left_out) == 1
    refused = signed_in.post(url, {"minutes": "0"}, HTTP_HX_REQUEST="true").content.decode()
    assert "between 1 and 20" in refused


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Do you like your job?", "can be answered with yes or no"),
        ("What does your company do?", "could be answered by a web search"),
        ("Are there any roles you know of for me?", "asks for a job, a referral"),
    ],
)
def test_the_plan_editor_warns_about_a_question_of_your_own(signed_in, user, conv, text, warning):
    from coffeechat.services.prep.questions import create_question

    mine = create_question(
        user, {"text": text, "category": "day-to-day", "tiara": "insights", "minutes": 2}
    )
    response = signed_in.post(
        reverse("web:plan_add", args=[conv.pk]), {"question": mine.pk}, HTTP_HX_REQUEST="true"
    )
    editor = response.content.decode()
    assert warning in editor
    assert text.replace("?", "") in editor  # the warning names the question

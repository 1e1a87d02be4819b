"""Pages for preparing and holding a conversation: question bank, plan, brief, interview."""

from django.urls import path

from coffeechat.web.views import interview as interview_views
from coffeechat.web.views import prep, questions

_conversation = "conversations/<int:pk>/"
urlpatterns = [
    path("questions/", questions.question_bank, name="questions"),
    path("questions/new/", questions.question_create, name="question_create"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/hide/", questions.question_hide, name="question_hide"),
    path("questions/<int:pk>/delete/", questions.question_delete, name="question_delete"),
    path(_conversation + "plan/add/", prep.plan_add, name="plan_add"),
    path(_conversation + "plan/<int:line>/remove/", prep.plan_remove, name="plan_remove"),
    path(_conversation + "plan/<int:line>/move/", prep.plan_move, name="plan_move"),
    path(_conversation + "plan/<int:line>/minutes/", prep.plan_minutes, name="plan_minutes"),
    path(_conversation + "brief/", prep.brief, name="brief"),
    path(_conversation + "brief.md", prep.brief_download, name="brief_download"),
    path(_conversation + "brief/answers/", prep.brief_answers, name="brief_answers"),
    path(_conversation + "interview/", interview_views.interview, name="interview"),
    path(
        _conversation + "interview/start/", interview_views.interview_start, name="interview_start"
    ),
    path(_conversation + "interview/note/", interview_views.interview_note, name="interview_note"),
    path(
        _conversation + "interview/highlight/",
        interview_views.interview_highlight,
        name="interview_highlight",
    ),
    path(
        _conversation + "interview/asked/<int:line>/",
        interview_views.interview_asked,
        name="interview_asked",
    ),
    path(
        _conversation + "interview/referral/",
        interview_views.interview_referral,
        name="interview_referral",
    ),
    path(
        _conversation + "interview/advice/",
        interview_views.interview_advice,
        name="interview_advice",
    ),
    path(_conversation + "interview/end/", interview_views.interview_end, name="interview_end"),
    path(
        _conversation + "interview/start-now/",
        interview_views.interview_start_unbooked,
        name="interview_start_unbooked",
    ),
]

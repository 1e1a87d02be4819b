"""Self-reflection and career fit: paths, their reflection, open questions, action items,
insights across notes and the statistics."""

from django.urls import path

from coffeechat.web.views import action_items, insights, paths, reflection, stats

_path = "paths/<int:pk>/"

urlpatterns = [
    path("profile/reflect/", reflection.self_reflection_guide, name="self_reflection"),
    path("paths/", paths.path_list, name="paths"),
    path("paths/new/", paths.path_create, name="path_create"),
    path("paths/compare/", reflection.compare_paths, name="compare_paths"),
    path(_path, paths.path_detail, name="path"),
    path(_path + "edit/", paths.path_edit, name="path_edit"),
    path(_path + "reflect/", reflection.path_reflection, name="path_reflection"),
    path(_path + "reflect/ratings/", reflection.save_ratings, name="path_ratings"),
    path(_path + "reflect/review/", reflection.review_path, name="path_review"),
    path(_path + "reflect/questions/", reflection.add_open_question, name="open_question_add"),
    path(
        "open-questions/<int:pk>/answered/",
        reflection.answer_open_question,
        name="open_question_answered",
    ),
    path("action-items/", action_items.action_item_list, name="action_items"),
    path("action-items/<int:pk>/edit/", action_items.action_item_edit, name="action_item_edit"),
    path(
        "action-items/<int:pk>/toggle/",
        action_items.action_item_toggle,
        name="action_item_toggle",
    ),
    path("insights/", insights.insights, name="insights"),
    path("statistics/", stats.statistics, name="statistics"),
]

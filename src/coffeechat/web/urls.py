from django.urls import path

from coffeechat.web import urls_prep  # prep area
from coffeechat.web.urls_outreach import urlpatterns as outreach_urlpatterns
from coffeechat.web.views import action_items as action_item_views  # reflection (issue 6)
from coffeechat.web.views import (
    auth,
    contacts,
    conversations,
    exports,
    organizations,
    paths,
    profile,
    scheduling,
    set_aside,
    today,
    trash,
)
from coffeechat.web.views import contact_merge as contact_merge_views
from coffeechat.web.views import imports as import_views
from coffeechat.web.views import insights as insights_views  # insights and statistics
from coffeechat.web.views import network as network_views
from coffeechat.web.views import reflection as reflection_views
from coffeechat.web.views import stats as stats_views  # insights and statistics

app_name = "web"

urlpatterns = [
    path("", today.today, name="today"),
    path("welcome/", today.welcome, name="welcome"),
    path("sample-data/", today.load_sample_data, name="sample_data"),
    path("actions/<int:pk>/done/", today.complete_action_item, name="action_item_done"),
    path("today/snooze/", set_aside.snooze, name="snooze"),
    path("today/dismiss/", set_aside.dismiss, name="dismiss"),
    path("today/set-aside/", set_aside.set_aside, name="set_aside"),
    path("today/set-aside/<int:pk>/undo/", set_aside.undo, name="undo_set_aside"),
    path("signin/<str:secret>/", auth.sign_in_with_link, name="sign_in_link"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("running/", auth.running, name="running"),
    path("settings/password/", auth.password, name="password"),
    path("logout/", auth.logout_view, name="logout"),
    path("profile/", profile.edit_profile, name="profile"),
    path("profile/rules/", profile.edit_rules, name="rules"),
    path("paths/", paths.path_list, name="paths"),
    path("paths/new/", paths.path_create, name="path_create"),
    path("paths/<int:pk>/", paths.path_detail, name="path"),
    path("paths/<int:pk>/edit/", paths.path_edit, name="path_edit"),
    path("organizations/", organizations.organization_list, name="organizations"),
    path("organizations/new/", organizations.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization"),
    path("organizations/<int:pk>/edit/", organizations.organization_edit, name="organization_edit"),
    path("contacts/", contacts.contact_list, name="contacts"),
    path("contacts/new/", contacts.contact_create, name="contact_create"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/merge/", contact_merge_views.choose, name="contact_merge"),
    path(
        "contacts/<int:pk>/merge/<int:other>/",
        contact_merge_views.confirm,
        name="contact_merge_confirm",
    ),
    path(
        "contacts/merges/<int:merge_id>/undo/",
        contact_merge_views.undo,
        name="contact_merge_undo",
    ),
    path("conversations/", conversations.conversation_list, name="conversations"),
    path("conversations/new/", conversations.conversation_create, name="conversation_create"),
    path("conversations/<int:pk>/", conversations.conversation_detail, name="conversation"),
    path("conversations/<int:pk>/edit/", conversations.conversation_edit, name="conversation_edit"),
    path(
        "conversations/<int:pk>/event/", conversations.conversation_event, name="conversation_event"
    ),
    path(
        "conversations/<int:pk>/classify/",
        conversations.conversation_classify,
        name="conversation_classify",
    ),
    path(
        "conversations/<int:pk>/notes/", conversations.conversation_note, name="conversation_note"
    ),
    path("trash/", trash.trash_list, name="trash"),
    path("trash/<str:kind>/<int:pk>/", trash.move_to_trash, name="trash_move"),
    path("trash/<str:kind>/<int:pk>/restore/", trash.restore, name="trash_restore"),
    # Scheduling: propose times, book, invites, availability, the calendar feed.
    path("conversations/<int:pk>/propose/", scheduling.propose, name="conversation_propose"),
    path("conversations/<int:pk>/book/", scheduling.book, name="conversation_book"),
    path("conversations/<int:pk>/cancel/", scheduling.cancel, name="conversation_cancel"),
    path("conversations/<int:pk>/invite.ics", scheduling.invite, name="conversation_invite"),
    path("settings/availability/", scheduling.availability, name="availability"),
    path("settings/calendar-feed/", scheduling.feed_settings, name="calendar_feed"),
    path("calendar/<str:secret>.ics", scheduling.feed, name="calendar_feed_ics"),
    # reflection and nurture (issue 6)
    path("paths/compare/", reflection_views.compare_paths, name="compare_paths"),
    path("paths/<int:pk>/reflect/", reflection_views.path_reflection, name="path_reflection"),
    path("paths/<int:pk>/reflect/ratings/", reflection_views.save_ratings, name="path_ratings"),
    path("paths/<int:pk>/reflect/review/", reflection_views.review_path, name="path_review"),
    path(
        "paths/<int:pk>/reflect/questions/",
        reflection_views.add_open_question,
        name="open_question_add",
    ),
    path(
        "open-questions/<int:pk>/answered/",
        reflection_views.answer_open_question,
        name="open_question_answered",
    ),
    path("profile/reflect/", reflection_views.self_reflection_guide, name="self_reflection"),
    path("action-items/", action_item_views.action_item_list, name="action_items"),
    path(
        "action-items/<int:pk>/edit/", action_item_views.action_item_edit, name="action_item_edit"
    ),
    path(
        "action-items/<int:pk>/toggle/",
        action_item_views.action_item_toggle,
        name="action_item_toggle",
    ),
    path("network/", network_views.network_list, name="network"),
]

# -- prep area: question bank, plan editor, brief, interview mode (web/urls_prep.py)
urlpatterns += urls_prep.urlpatterns
# outreach
urlpatterns += outreach_urlpatterns
# imports: upload, map columns, preview, confirm; past batches and undo.
urlpatterns += [
    path("import/", import_views.import_page, name="imports"),
    path("import/upload/", import_views.upload, name="import_upload"),
    path("import/batches/<int:pk>/undo/", import_views.undo, name="import_undo"),
    path("import/<str:token>/", import_views.preview, name="import_preview"),
    path("import/<str:token>/columns/", import_views.mapping, name="import_mapping"),
    path("import/<str:token>/confirm/", import_views.confirm, name="import_confirm"),
    path("import/<str:token>/cancel/", import_views.cancel, name="import_cancel"),
]
urlpatterns += [
    # -- targets area (issue 3): ranked organizations, search, exports, trash --
    path("organizations/<int:pk>/rate/", organizations.organization_rate, name="organization_rate"),
    path("export/", exports.export_page, name="export"),
    path("export/coffeechat.json", exports.download_json, name="export_json"),
    path("export/coffeechat-csv.zip", exports.download_csv, name="export_csv"),
    path("export/contacts.vcf", exports.download_vcard, name="export_vcard"),
    path("export/restore/", exports.restore, name="export_restore"),
]
urlpatterns += [
    # Insights (note search, themes) and statistics
    path("insights/", insights_views.insights, name="insights"),
    path("statistics/", stats_views.statistics, name="statistics"),
]

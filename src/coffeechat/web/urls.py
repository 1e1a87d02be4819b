from django.urls import path

from coffeechat.web.views import (
    auth,
    contacts,
    conversations,
    organizations,
    paths,
    profile,
    today,
    trash,
)
from coffeechat.web.views import insights as insights_views  # insights and statistics
from coffeechat.web.views import stats as stats_views  # insights and statistics

app_name = "web"

urlpatterns = [
    path("", today.today, name="today"),
    path("welcome/", today.welcome, name="welcome"),
    path("sample-data/", today.load_sample_data, name="sample_data"),
    path("actions/<int:pk>/done/", today.complete_action_item, name="action_item_done"),
    path("signin/<str:secret>/", auth.sign_in_with_link, name="sign_in_link"),
    path("login/", auth.LoginView.as_view(), name="login"),
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
    path("conversations/", conversations.conversation_list, name="conversations"),
    path("conversations/new/", conversations.conversation_create, name="conversation_create"),
    path("conversations/<int:pk>/", conversations.conversation_detail, name="conversation"),
    path("conversations/<int:pk>/edit/", conversations.conversation_edit, name="conversation_edit"),
    path(
        "conversations/<int:pk>/event/", conversations.conversation_event, name="conversation_event"
    ),
    path(
        "conversations/<int:pk>/draft/", conversations.conversation_draft, name="conversation_draft"
    ),
    path(
        "conversations/<int:pk>/notes/", conversations.conversation_note, name="conversation_note"
    ),
    path("trash/", trash.trash_list, name="trash"),
    path("trash/<str:kind>/<int:pk>/", trash.move_to_trash, name="trash_move"),
    path("trash/<str:kind>/<int:pk>/restore/", trash.restore, name="trash_restore"),
    # Insights (note search, themes) and statistics
    path("insights/", insights_views.insights, name="insights"),
    path("statistics/", stats_views.statistics, name="statistics"),
]

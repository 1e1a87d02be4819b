"""Today and what it leads to: the list, the first-run welcome, setting actions aside."""

from django.urls import path

from coffeechat.web.views import set_aside, today

urlpatterns = [
    path("", today.today, name="today"),
    path("welcome/", today.welcome, name="welcome"),
    path("sample-data/", today.load_sample_data, name="sample_data"),
    path("actions/<int:pk>/done/", today.complete_action_item, name="action_item_done"),
    path("today/snooze/", set_aside.snooze, name="snooze"),
    path("today/dismiss/", set_aside.dismiss, name="dismiss"),
    path("today/set-aside/", set_aside.set_aside, name="set_aside"),
    path("today/set-aside/<int:pk>/undo/", set_aside.undo, name="undo_set_aside"),
]

"""A conversation's own pages: the list, the page, its events, notes and classification."""

from django.urls import path

from coffeechat.web.views import conversations

_conversation = "conversations/<int:pk>/"

urlpatterns = [
    path("conversations/", conversations.conversation_list, name="conversations"),
    path("conversations/new/", conversations.conversation_create, name="conversation_create"),
    path(_conversation, conversations.conversation_detail, name="conversation"),
    path(_conversation + "edit/", conversations.conversation_edit, name="conversation_edit"),
    path(_conversation + "event/", conversations.conversation_event, name="conversation_event"),
    path(
        _conversation + "classify/",
        conversations.conversation_classify,
        name="conversation_classify",
    ),
    path(_conversation + "notes/", conversations.conversation_note, name="conversation_note"),
]

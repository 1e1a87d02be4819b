"""Scheduling: propose times, book, cancel, the invite, availability, the calendar feed."""

from django.urls import path

from coffeechat.web.views import scheduling

_conversation = "conversations/<int:pk>/"

urlpatterns = [
    path(_conversation + "propose/", scheduling.propose, name="conversation_propose"),
    path(_conversation + "book/", scheduling.book, name="conversation_book"),
    path(_conversation + "cancel/", scheduling.cancel, name="conversation_cancel"),
    path(_conversation + "invite.ics", scheduling.invite, name="conversation_invite"),
    path("settings/availability/", scheduling.availability, name="availability"),
    path("settings/calendar-feed/", scheduling.feed_settings, name="calendar_feed"),
    path("calendar/<str:secret>.ics", scheduling.feed, name="calendar_feed_ics"),
]

"""The web app's pages: one route module per area (``web/routes/``), all in ``web:``."""

from django.urls import include, path

from coffeechat.web.routes import (
    accounts,
    contacts,
    conversations,
    data,
    outreach,
    prep,
    pwa,
    reflection,
    scheduling,
    today,
)

app_name = "web"

urlpatterns = [
    path("", include(area))
    for area in (
        today,
        accounts,
        contacts,
        conversations,
        prep,
        outreach,
        scheduling,
        reflection,
        data,
        pwa,
    )
]

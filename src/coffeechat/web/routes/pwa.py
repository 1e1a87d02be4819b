"""Installing the app and using it offline: the service worker at the site root."""

from django.urls import path

from coffeechat.web.views import pwa

urlpatterns = [
    path("sw.js", pwa.service_worker, name="service_worker"),
]

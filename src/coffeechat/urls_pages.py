"""The site's pages without the API: what links to pages are reversed against.

The root URLconf (``coffeechat.urls``) is these patterns plus the API. Building
the API means building every pydantic schema (about half a second), which a CLI
command that only prints links to pages should not pay. The web pages are
mounted at the same prefix in both, so a path reversed here is the path served.
"""

from django.urls import include, path

from coffeechat.web.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("coffeechat.web.urls")),
]

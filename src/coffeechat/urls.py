from django.urls import include, path

from coffeechat.api.app import api
from coffeechat.web.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("", include("coffeechat.web.urls")),
]

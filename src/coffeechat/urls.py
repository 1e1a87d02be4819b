from django.urls import path

from coffeechat.api.app import api
from coffeechat.urls_pages import urlpatterns as page_patterns

urlpatterns = [
    path("api/v1/", api.urls),
    *page_patterns,
]

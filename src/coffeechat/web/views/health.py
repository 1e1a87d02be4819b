from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from coffeechat import __version__


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for a reverse proxy: answers without touching the database."""
    return JsonResponse({"status": "ok", "version": __version__})

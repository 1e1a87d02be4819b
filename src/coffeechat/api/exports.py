"""The whole account as the JSON export: the same document as Export → JSON on the web."""

from django.http import HttpRequest, HttpResponse
from ninja import Router

from coffeechat.api.common import READ_ERRORS
from coffeechat.services.data.exports import export_json

router = Router(tags=["export"])


@router.get(
    "",
    response={200: dict, **READ_ERRORS},
    summary="Export everything as restorable JSON",
    openapi_extra={"responses": {200: {"description": "A coffeechat export document."}}},
)
def export(request: HttpRequest):
    """The document ``coffeechat export json`` writes: every table, keys sorted, ids local
    to the export. Restore it into an empty account from the web Export page."""
    # Sent as produced, so the bytes match the CLI's and the web page's download.
    return HttpResponse(export_json(request.auth), content_type="application/json; charset=utf-8")

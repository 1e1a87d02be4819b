"""Import LinkedIn messages: upload, preview, commit, and undo past imports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services.data import import_stash
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.outreach import message_import as service
from coffeechat.web.views.common import now

MAX_BYTES = 50 * 1024 * 1024
SESSION_KEY = "message_import"


def _page(request: HttpRequest, status: int = 200, **extra: object) -> HttpResponse:
    context = {"batches": service.message_batches(request.user), "section": "web:contacts", **extra}
    return render(request, "web/outreach/message_import.html", context, status=status)


def _stash(request: HttpRequest, data: bytes, filename: str) -> None:
    """Keep the uploaded file between preview and commit, in the user's own stash."""
    token = import_stash.stash_upload(request.user, "messages", filename, data)
    request.session[SESSION_KEY] = {"token": token}


def _stashed(request: HttpRequest) -> tuple[bytes, str] | None:
    token = str((request.session.get(SESSION_KEY) or {}).get("token", ""))
    try:
        stashed = import_stash.load_upload(request.user, token)
    except NotFound:
        return None
    return stashed.data, stashed.filename


def _drop_stash(request: HttpRequest) -> None:
    token = str((request.session.pop(SESSION_KEY, None) or {}).get("token", ""))
    import_stash.discard_upload(request.user, token)


@login_required
def message_import(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    upload = request.FILES.get("file")
    if upload is None:
        return _page(request, status=422, error="Choose your messages.csv file first.")
    if upload.size > MAX_BYTES:
        return _page(request, status=422, error="The file is larger than 50 MB.")
    data = upload.read()
    try:
        preview = service.preview_messages(request.user, data)
    except InvalidInput as exc:
        return _page(request, status=422, error=f"{upload.name}: {exc.summary()}")
    _stash(request, data, upload.name)
    return _page(request, preview=preview, filename=upload.name)


@login_required
@require_POST
def message_import_commit(request: HttpRequest) -> HttpResponse:
    stashed = _stashed(request)
    if stashed is None:
        messages.error(request, "The preview expired; upload the file again.")
        return redirect("web:message_import")
    data, filename = stashed
    try:
        batch = service.import_messages(request.user, data, filename, now())
    except InvalidInput as exc:
        messages.error(request, f"Nothing imported: {exc.summary()}")
        return redirect("web:message_import")
    _drop_stash(request)
    messages.success(
        request,
        f"Logged {batch.created_count} message{'s' if batch.created_count != 1 else ''} "
        f"from {filename}; {batch.skipped_count} skipped. You can undo this import below.",
    )
    return redirect("web:message_import")


@login_required
@require_POST
def message_import_undo(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        batch = service.undo_message_import(request.user, pk, now())
    except InvalidInput as exc:
        messages.error(request, exc.summary())
    else:
        messages.success(request, f"Undid the import of {batch.filename}: its messages are gone.")
    return redirect("web:message_import")

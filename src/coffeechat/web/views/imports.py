"""The Import page: choose a kind, upload, (map columns), preview, confirm; undo a batch.

Every step calls services.imports, as the CLI does. The uploaded bytes stay
on the server between steps (services.import_stash); the page only carries a
random token and the user's choices for possible duplicates.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.services.data import import_stash, page, queries
from coffeechat.services.data.import_kinds import KINDS
from coffeechat.services.data.import_mapping import (
    FIELD_LABELS,
    ImportFileError,
    column_examples,
    guess_mapping,
    names_someone,
    read_header,
)
from coffeechat.services.data.import_preview import DECISIONS, DUPLICATE, NEW, PROBLEM, UPDATE
from coffeechat.services.data.imports import commit_import, undo_import
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.web.views.common import now

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SECTION = {"section": "web:imports"}


def human_size(size: int) -> str:
    """2 KB, 10.0 MB: what a person reads in a size message."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes == int(megabytes) else f"{megabytes:.1f} MB"


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    batches = queries.import_batches(request.user, 50)
    for batch in batches:
        kind = KINDS.get(batch.kind)
        batch.kind_label = kind.label if kind else batch.kind
    context = {
        "kinds": KINDS.values(),
        "chosen": request.GET.get("kind", "linkedin"),
        "batches": batches,
        "max_size": human_size(MAX_UPLOAD_BYTES),
        **SECTION,
    }
    return render(request, "web/data/imports.html", context)


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind not in KINDS:
        messages.error(request, "Choose what kind of file this is.")
        return redirect("web:imports")
    back = reverse("web:imports") + f"?kind={kind}"
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose a file to import.")
        return redirect(back)
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        messages.error(
            request,
            f"{upload.name} is {human_size(upload.size)}; the limit is "
            f"{human_size(MAX_UPLOAD_BYTES)}. Split it into smaller files and import them "
            "one after the other. Nothing was changed.",
        )
        return redirect(back)
    token = import_stash.stash_upload(request.user, kind, upload.name or "", upload.read())
    if KINDS[kind].takes_mapping:
        return redirect("web:import_mapping", token=token)
    return redirect("web:import_preview", token=token)


@login_required
def mapping(request: HttpRequest, token: str) -> HttpResponse:
    stashed = import_stash.load_upload(request.user, token)
    try:
        header_line, header = read_header(stashed.data)
    except ImportFileError as exc:
        return _refused(request, stashed, str(exc))
    if request.method == "POST":
        chosen = {
            field: request.POST[field]
            for field in FIELD_LABELS
            if request.POST.get(field) in header
        }
        if not names_someone(chosen):
            messages.error(
                request, "Choose a column for the first name, the full name or the email."
            )
        else:
            import_stash.save_mapping(request.user, token, chosen)
            return redirect("web:import_preview", token=token)
    else:
        chosen = stashed.mapping or guess_mapping(header)
    context = {
        "stashed": stashed,
        "header": header,
        "header_line": header_line,
        "examples": sorted(column_examples(stashed.data).items(), key=lambda i: header.index(i[0])),
        "fields": [(name, label, chosen.get(name, "")) for name, label in FIELD_LABELS.items()],
        **SECTION,
    }
    return render(request, "web/data/import_mapping.html", context)


def _refused(request: HttpRequest, stashed: import_stash.Stashed, reason: str) -> HttpResponse:
    import_stash.discard_upload(request.user, stashed.token)
    where = stashed.filename or "The file"
    separator = ", " if reason.startswith("line ") else ": "
    messages.error(request, f"{where}{separator}{reason}. Nothing was changed.")
    return redirect(reverse("web:imports") + f"?kind={stashed.kind}")


@login_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    show = request.GET.get("show", "")
    try:
        screen = page.import_preview(request.user, token, show=show, page=_page(request.GET))
    except InvalidInput as exc:
        stashed = import_stash.load_upload(request.user, token)
        return _refused(request, stashed, " ".join(exc.errors.get("file", [exc.summary()])))
    context = {
        "screen": screen,
        "stashed": screen.stashed,
        "show": show,
        "filters": [
            ("", "All"),
            (NEW, "New"),
            (UPDATE, "Updates"),
            (DUPLICATE, "Duplicates"),
            (PROBLEM, "Problems"),
        ],  # fmt: skip
        "per_class": page.ROWS_SHOWN_PER_CLASS,
        "decisions": DECISIONS,
        **SECTION,
    }
    return render(request, "web/data/import_preview.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, token: str) -> HttpResponse:
    """Keep this page's choices for possible duplicates, then show the page asked for."""
    import_stash.save_decisions(request.user, token, _posted_decisions(request.POST))
    query = urlencode({"show": request.POST.get("show", ""), "page": _page(request.POST, "go")})
    return redirect(reverse("web:import_preview", args=[token]) + f"?{query}")


@login_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    stashed = import_stash.save_decisions(request.user, token, _posted_decisions(request.POST))
    default = request.POST.get("default_decision", "skip")
    if default not in DECISIONS:
        default = "skip"
    try:
        result = commit_import(
            request.user,
            stashed.kind,
            stashed.data,
            filename=stashed.filename,
            mapping=stashed.mapping or None,
            decisions={line: choice for line, choice in stashed.decisions.items() if choice},
            default_decision=default,
            job_changes=request.POST.get("job_changes", "") == "on",
        )
    except InvalidInput as exc:
        return _refused(request, stashed, " ".join(exc.errors.get("file", [exc.summary()])))
    import_stash.discard_upload(request.user, token)
    messages.success(
        request,
        f"Imported {stashed.filename or 'the file'}: {result.created} new, {result.updated} "
        f"updated, {result.skipped} skipped, {result.problems} with problems left out. "
        "You can undo this import below.",
    )
    return redirect("web:imports")


def _posted_decisions(posted: QueryDict) -> dict[int, str]:
    """``decision-<line>`` fields; an empty choice means "as chosen for all" and clears one."""
    decisions: dict[int, str] = {}
    for key, value in posted.items():
        line = key.removeprefix("decision-")
        if line != key and line.isdigit() and (value in DECISIONS or value == ""):
            decisions[int(line)] = value
    return decisions


def _page(values: QueryDict, name: str = "page") -> int:
    text = values.get(name, "1")
    return int(text) if text.isdigit() else 1


@login_required
@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    if not import_stash.discard_upload(request.user, token):
        raise NotFound("No such upload: it was imported, cancelled or has expired.")
    messages.success(request, "Import cancelled; nothing was changed.")
    return redirect("web:imports")


@login_required
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    batch = queries.owned_import_batch(request.user, pk)
    if request.method == "POST":
        try:
            result = undo_import(request.user, pk, now())
        except InvalidInput as exc:
            messages.error(request, exc.summary())
            return redirect("web:imports")
        kept = (
            f" {result.kept} contact{'s' if result.kept != 1 else ''} you have since "
            "edited, talked to or written to were kept."
            if result.kept
            else ""
        )
        messages.success(
            request,
            f"Undid the import of {batch.filename or 'the file'}: {result.removed} contacts "
            f"removed, {result.emptied} filled fields emptied again.{kept}",
        )
        return redirect("web:imports")
    return render(request, "web/data/import_undo.html", {"batch": batch, **SECTION})

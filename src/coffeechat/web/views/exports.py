"""The Export page: download everything (JSON, CSV, vCard) and restore a JSON export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services.data import exports
from coffeechat.services.data.restore_json import existing_data, import_json
from coffeechat.services.errors import InvalidInput
from coffeechat.web.views.common import now

MAX_RESTORE_BYTES = 200 * 1024 * 1024  # far above a real account; refuses a wrong file early


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="coffeechat JSON export",
        help_text="A file made by Export → JSON (or coffeechat export json).",
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RESTORE_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size // (1024 * 1024)} MB; a coffeechat export this "
                f"large is not plausible (limit {MAX_RESTORE_BYTES // (1024 * 1024)} MB)."
            )
        return upload


@login_required
def export_page(
    request: HttpRequest, form: RestoreForm | None = None, **extra: object
) -> HttpResponse:
    context = {
        "form": form or RestoreForm(),
        "has_data": bool(existing_data(request.user)),
        "section": "web:export",
        **extra,
    }
    return render(request, "web/data/export.html", context, status=422 if extra else 200)


def _download(content: bytes | str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _stamp() -> str:
    return now().strftime("%Y-%m-%d")


@login_required
def download_json(request: HttpRequest) -> HttpResponse:
    return _download(
        exports.export_json(request.user),
        f"coffeechat-{_stamp()}.json",
        "application/json; charset=utf-8",
    )


@login_required
def download_csv(request: HttpRequest) -> HttpResponse:
    return _download(
        exports.export_csv_zip(request.user), f"coffeechat-{_stamp()}-csv.zip", "application/zip"
    )


@login_required
def download_vcard(request: HttpRequest) -> HttpResponse:
    return _download(
        exports.export_vcard(request.user),
        f"coffeechat-contacts-{_stamp()}.vcf",
        "text/vcard; charset=utf-8",
    )


@login_required
@require_POST
def restore(request: HttpRequest) -> HttpResponse:
    form = RestoreForm(request.POST, request.FILES)
    if not form.is_valid():
        return export_page(request, form=form, restore_failed=True)
    try:
        counts = import_json(request.user, form.cleaned_data["file"].read())
    except InvalidInput as exc:
        problems = [
            (path if path != "__all__" else "", message)
            for path, messages_ in exc.errors.items()
            for message in messages_
        ]
        return export_page(request, form=RestoreForm(), restore_problems=problems)
    total = sum(counts.values())
    messages.success(request, f"Restored {total} rows from the export. Welcome back.")
    return redirect("web:today")

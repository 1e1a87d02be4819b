"""Contact imports over the API: the same per-row report as the CLI, and undo."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, UploadedFile

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.services.data import queries
from coffeechat.services.data.import_mapping import mapping_from_options
from coffeechat.services.data.imports import commit_import, undo_import
from coffeechat.services.errors import InvalidInput

router = Router(tags=["imports"])
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class BatchOut(Schema):
    id: int
    kind: str
    filename: str
    created_at: datetime
    created_count: int
    updated_count: int
    skipped_count: int
    problem_count: int
    undone_at: datetime | None


# Listed before /{kind} so that GET /batches is not taken for a kind.
@router.get("/batches", response={200: list[BatchOut], **READ_ERRORS}, summary="Past imports")
def list_batches(request: HttpRequest) -> list[object]:
    return list(queries.import_batches(request.auth, 200))


@router.post("/{kind}", response={200: dict, **WRITE_ERRORS}, summary="Import a file")
def import_file(
    request: HttpRequest,
    kind: str,
    file: File[UploadedFile],
    dry_run: Form[bool] = False,
    duplicates: Form[str | None] = None,
    job_changes: Form[bool] = True,
    map: Form[str] = "",
) -> dict[str, object]:
    """Import contacts from a multipart ``file``: ``linkedin``, ``google``, ``vcard`` or ``csv``.

    The answer is the per-row report (``rows`` with ``line``, ``class``, ``reason``)
    and the counts. ``dry_run`` writes nothing. ``duplicates`` (skip, new, merge)
    decides possible duplicates; without it they are skipped, each named in the report.
    A known person at a new organization (``job_change`` in the row) gets the new
    organization and title unless ``job_changes`` is false.
    For ``csv``, ``map`` is ``first_name=Given,email=Mail``.
    A file that cannot be read is a 422 naming the line; nothing is written.
    """
    if file.size and file.size > MAX_UPLOAD_BYTES:
        raise InvalidInput({"file": [f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MB"]})
    mapping = mapping_from_options([map]) if map.strip() else None
    result = commit_import(
        request.auth,
        kind,
        file.read(),
        filename=file.name or "",
        mapping=mapping,
        default_decision=duplicates,
        job_changes=job_changes,
        dry_run=dry_run,
    )
    return {"dry_run": dry_run, **result.as_dict()}


@router.post(
    "/batches/{batch_id}/undo", response={200: dict, **WRITE_ERRORS}, summary="Undo an import"
)
def undo_batch(request: HttpRequest, batch_id: int) -> dict[str, object]:
    """Remove the contacts the batch created and empty the fields it filled."""
    return undo_import(request.auth, batch_id, now()).as_dict()

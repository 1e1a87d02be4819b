"""Import contacts from a file: preview, commit as one batch, undo the batch.

The web page, the CLI and the API all call these. Nothing is written until
``commit_import``, which re-reads the file and re-classifies it inside one
transaction (the preview may be minutes old), then writes everything or
nothing. The batch remembers what it filled into existing contacts, so
``undo_import`` can take exactly that back out again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from django.db import transaction
from django.db.models import F, Q

from coffeechat.core.models import Contact, ImportBatch, Organization
from coffeechat.importers.base import ImportFileError
from coffeechat.importers.fields import organization_key
from coffeechat.services.contacts.search_index import deferred_search_index
from coffeechat.services.data.bulk_insert import insert_rows
from coffeechat.services.data.import_kinds import KINDS, ImportKind
from coffeechat.services.data.import_preview import (
    CREATE,
    DECISIONS,
    DUPLICATE,
    MERGE,
    NEW,
    UPDATE,
    Preview,
    PreviewRow,
    build_preview,
)
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.today.due_index import rebuilds_index

Progress = Callable[[int, int], None]
# A contact the user has since written to, met or been referred by is theirs now.
# Rows the import wrote are stamped created_at == updated_at (to the microsecond);
# a later save by the user moves updated_at on.
_EDITED = Q(updated_at__gt=F("created_at") + timedelta(seconds=1))
_USED = (
    Q(conversations__isnull=False)
    | Q(messages__isnull=False)
    | Q(referrals_made__isnull=False)
    | Q(referrals_received__isnull=False)
    | _EDITED
)
CHUNK = 500
# In a batch's ``filled``: what a job change replaced, put back by undo.
BEFORE = "_before"


def import_kind(name: str) -> ImportKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InvalidInput(
            {"kind": [f"{name!r} is not an import kind; use one of {', '.join(KINDS)}"]}
        ) from None


def preview_import(
    user: Any, kind: str, data: bytes, mapping: Mapping[str, str] | None = None
) -> Preview:
    """Parse and classify without writing; a file that cannot be read is InvalidInput."""
    parser = import_kind(kind).parse
    try:
        parsed = parser(data, mapping)
    except ImportFileError as exc:
        raise InvalidInput({"file": [str(exc)]}) from None
    return build_preview(user, parsed)


@dataclass
class ImportResult:
    batch: ImportBatch | None
    preview: Preview
    created: int
    updated: int
    skipped: int
    problems: int

    def as_dict(self) -> dict[str, object]:
        return {
            "batch": self.batch.pk if self.batch else None,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "problems": self.problems,
            "rows": [row.as_dict() for row in self.preview.rows],
        }


@rebuilds_index
def commit_import(
    user: Any,
    kind: str,
    data: bytes,
    *,
    filename: str = "",
    mapping: Mapping[str, str] | None = None,
    decisions: Mapping[int, str] | None = None,
    default_decision: str | None = None,
    job_changes: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the import as one batch in one transaction; ``dry_run`` writes nothing.

    ``decisions`` maps a file line to skip/new/merge for the rows that are only
    possibly duplicates; other such rows get ``default_decision``, and when
    that is None too (nobody chose) they are skipped and the report says so.
    A known person's new organization or title (a job change) is written unless
    ``job_changes`` is False; undo puts the old ones back.
    """
    if default_decision is not None and default_decision not in DECISIONS:
        raise InvalidInput({"duplicates": [f"use one of {', '.join(DECISIONS)}"]})
    with transaction.atomic():
        preview = preview_import(user, kind, data, mapping)
        _apply_decisions(preview, decisions or {}, default_decision)
        if not job_changes:
            _keep_jobs(preview)
        created = [row for row in preview.rows if row.kind == NEW]
        updated = [row for row in preview.rows if row.kind == UPDATE]
        problems = preview.count("problem")
        skipped = len(preview.rows) - len(created) - len(updated) - problems
        if dry_run:
            return ImportResult(None, preview, len(created), len(updated), skipped, problems)
        batch = ImportBatch.objects.create(
            owner=user,
            kind=kind,
            filename=filename[:300],
            created_count=len(created),
            updated_count=len(updated),
            skipped_count=skipped,
            problem_count=problems,
        )
        total = len(created) + len(updated)
        step = _Counter(progress, total)
        organizations = _organizations(user, batch, created + updated)
        # New contacts are indexed for search once, after the insert, rather than
        # row by row by the triggers (about half the write time on SQLite).
        with deferred_search_index(user, import_batch=batch.pk):
            _create_contacts(user, batch, created, organizations, step)
        batch.filled = _fill_contacts(user, updated, organizations, step)
        batch.save(update_fields=["filled"])
    return ImportResult(batch, preview, len(created), len(updated), skipped, problems)


class _Counter:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, count: int) -> None:
        self.done += count
        if self.progress:
            self.progress(self.done, self.total)


def _apply_decisions(preview: Preview, decisions: Mapping[int, str], default: str | None) -> None:
    for row in preview.possible_duplicates:
        decision = decisions.get(row.line, default)
        if decision is None:
            who = row.reason.removesuffix(": you decide")
            row.reason = f"{who}; skipped until you choose to import or merge it"
            continue
        if decision not in DECISIONS:
            raise InvalidInput({"duplicates": [f"line {row.line}: {decision!r} is not a choice"]})
        if decision == CREATE:
            row.kind, row.reason = NEW, "imported as a new contact, as you chose"
        elif decision == MERGE and row.contact_id and row.fills:
            row.kind, row.reason = UPDATE, "merged into the similar contact, as you chose"
        elif decision == MERGE:
            row.reason = "nothing to merge into the similar contact; skipped"
        else:
            row.reason = "possibly a duplicate; skipped, as you chose"


def _keep_jobs(preview: Preview) -> None:
    """Leave every job change out: the row still fills empty fields, if it has any."""
    for row in preview.job_changes:
        row.changes, row.was = {}, {}
        if row.fills:
            row.reason += "; the job change is left out, as you chose"
        else:
            row.kind = DUPLICATE
            row.reason += "; left as it is, as you chose"


def _organizations(user: Any, batch: ImportBatch, rows: list[PreviewRow]) -> dict[str, int]:
    """Organization id per normalised name: the user's own, plus the new ones this batch makes."""
    ids: dict[str, int] = {}
    for pk, name in Organization.objects.for_user(user).values_list("id", "name").order_by("id"):
        ids.setdefault(organization_key(name), pk)
    wanted: dict[str, str] = {}
    for row in rows:
        name = (
            row.values["organization_name"]
            if row.kind == NEW
            else row.fills.get("organization_name") or row.changes.get("organization_name", "")
        )
        key = organization_key(name)
        if name and key not in ids:
            wanted.setdefault(key, name)
    if wanted:
        insert_rows(
            Organization,
            (
                {"owner_id": user.pk, "name": name, "import_batch_id": batch.pk}
                for name in wanted.values()
            ),
        )
        created = Organization.objects.filter(owner=user, import_batch=batch).values_list(
            "id", "name"
        )
        for pk, name in created:
            ids.setdefault(organization_key(name), pk)
    return ids


def _create_contacts(
    user: Any,
    batch: ImportBatch,
    rows: list[PreviewRow],
    organizations: dict[str, int],
    step: _Counter,
) -> None:
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        contacts = []
        for row in chunk:
            values = {k: v for k, v in row.values.items() if k != "organization_name"}
            org = organizations.get(organization_key(row.values["organization_name"]))
            values.update(owner_id=user.pk, import_batch_id=batch.pk, organization_id=org)
            contacts.append(values)
        insert_rows(Contact, contacts)
        step(len(chunk))


def _fill_contacts(
    user: Any, rows: list[PreviewRow], organizations: dict[str, int], step: _Counter
) -> dict[str, dict[str, object]]:
    filled: dict[str, dict[str, object]] = {}
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        contacts = Contact.objects.for_user(user).in_bulk([row.contact_id for row in chunk])
        changed = []
        for row in chunk:
            contact = contacts.get(row.contact_id)
            if contact is None:
                continue
            written: dict[str, object] = {}
            for name, value in row.fills.items():
                if name == "organization_name":
                    org = organizations.get(organization_key(value))
                    if org and contact.organization_id is None:
                        contact.organization_id = org
                        written["organization"] = org
                elif not getattr(contact, name):
                    setattr(contact, name, value)
                    written[name] = value
            written.update(_change_job(contact, row.changes, organizations))
            if written:
                filled[str(contact.pk)] = written
                changed.append(contact)
        fields = sorted(
            {name for w in filled.values() for name in w if name != BEFORE} | {"updated_at"}
        )
        if changed:
            Contact.objects.bulk_update(changed, fields, batch_size=CHUNK)
        step(len(chunk))
    return filled


@dataclass
class UndoResult:
    batch: ImportBatch
    removed: int
    emptied: int
    kept: int

    def as_dict(self) -> dict[str, object]:
        return {
            "batch": self.batch.pk,
            "removed": self.removed,
            "emptied": self.emptied,
            "kept": self.kept,
        }


@rebuilds_index
def undo_import(user: Any, batch_id: object, now: datetime) -> UndoResult:
    """Take a batch back out: its new contacts go, the fields it filled are emptied.

    A created contact the user has since edited, or had a conversation, a
    message or a referral with, is kept (detached from the batch), and so is an
    organization they edited: undo never loses what the user did. A filled
    field the user has changed since is left alone.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.for_user(user).select_for_update().filter(pk=batch_id).first()
        if batch is None:
            raise NotFound(f"No import with id {batch_id}.")
        if batch.undone_at:
            raise InvalidInput({"__all__": ["This import was already undone."]})
        created = Contact.objects.filter(owner=user, import_batch=batch)
        kept_ids = list(created.filter(_USED).values_list("id", flat=True).distinct())
        removed = created.exclude(id__in=kept_ids).delete()[1].get("core.Contact", 0)
        Contact.objects.filter(id__in=kept_ids).update(import_batch=None)
        emptied = _empty_filled(user, batch.filled)
        made = Organization.objects.filter(owner=user, import_batch=batch)
        made.filter(contacts__isnull=True).exclude(_EDITED).delete()
        Organization.objects.filter(owner=user, import_batch=batch).update(import_batch=None)
        batch.undone_at = now
        batch.kept_count = len(kept_ids)
        batch.save(update_fields=["undone_at", "kept_count", "updated_at"])
    return UndoResult(batch, removed, emptied, len(kept_ids))


def _change_job(
    contact: Contact, changes: dict[str, Any], organizations: dict[str, int]
) -> dict[str, object]:
    """Write a job change; what it replaced goes under ``BEFORE`` for undo."""
    written: dict[str, object] = {}
    before: dict[str, object] = {}
    org = organizations.get(organization_key(changes.get("organization_name", "")))
    if org and contact.organization_id not in (None, org):
        before["organization"] = contact.organization_id
        contact.organization_id = written["organization"] = org
    title = changes.get("title", "")
    if title and contact.title and contact.title != title:
        before["title"] = contact.title
        contact.title = written["title"] = title
    if before:
        written[BEFORE] = before
    return written


def _empty_filled(user: Any, filled: dict[str, dict[str, object]]) -> int:
    contacts = Contact.objects.filter(owner=user).in_bulk([int(pk) for pk in filled])
    kept_organizations = _organizations_still_there(user, filled)
    changed, fields, emptied = [], {"updated_at"}, 0
    for pk, written in filled.items():
        contact = contacts.get(int(pk))
        if contact is None:
            continue
        before = cast(dict[str, Any], written.get(BEFORE, {}))
        for name, value in written.items():
            if name == BEFORE:
                continue
            if name == "organization":
                if contact.organization_id == value:
                    previous = before.get("organization")
                    contact.organization_id = previous if previous in kept_organizations else None
                    fields.add("organization")
                    emptied += 1
            elif getattr(contact, name) == value:
                setattr(contact, name, before.get(name, ""))
                fields.add(name)
                emptied += 1
        changed.append(contact)
    if changed:
        Contact.objects.bulk_update(changed, sorted(fields), batch_size=CHUNK)
    return emptied


def _organizations_still_there(user: Any, filled: dict[str, dict[str, object]]) -> set[int]:
    """The organizations job changes replaced that were not deleted since: one query."""
    replaced = {
        cast(dict[str, Any], written[BEFORE]).get("organization")
        for written in filled.values()
        if BEFORE in written
    }
    wanted = [pk for pk in replaced if pk is not None]
    if not wanted:
        return set()
    return set(Organization.objects.filter(owner=user, pk__in=wanted).values_list("id", flat=True))

"""Uploaded files kept on the server between the preview and the confirmation.

The browser only ever holds a random token: the bytes confirmed are the bytes
previewed, and the client cannot swap in other rows. Files live in the data
directory, under the uploading user's own folder, so a token from another
account finds nothing. Leftovers older than a day are removed on each upload.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from coffeechat.services.errors import NotFound

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,40}")
MAX_AGE_SECONDS = 24 * 3600


@dataclass
class Stashed:
    token: str
    kind: str
    filename: str
    data: bytes
    mapping: dict[str, str] = field(default_factory=dict)
    # What the user chose for possible duplicates so far, by file line: a file
    # with thousands of them is decided a page at a time.
    decisions: dict[int, str] = field(default_factory=dict)


def _folder(user: Any) -> Path:
    folder = Path(settings.DATA_DIR) / "imports" / str(int(user.pk))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def stash_upload(user: Any, kind: str, filename: str, data: bytes) -> str:
    folder = _folder(user)
    _remove_stale(folder)
    token = secrets.token_urlsafe(18)
    (folder / f"{token}.bin").write_bytes(data)
    _write_meta(folder, token, {"kind": kind, "filename": filename[:300], "mapping": {}})
    return token


def load_upload(user: Any, token: str) -> Stashed:
    if not _TOKEN.fullmatch(token or ""):
        raise NotFound("That upload is not known; choose the file again.")
    folder = _folder(user)
    try:
        meta = json.loads((folder / f"{token}.json").read_text())
        data = (folder / f"{token}.bin").read_bytes()
    except (OSError, ValueError):
        raise NotFound(
            "That upload has expired or was already imported; choose the file again."
        ) from None
    decisions = {int(line): str(choice) for line, choice in (meta.get("decisions") or {}).items()}
    return Stashed(
        token, meta["kind"], meta["filename"], data, dict(meta.get("mapping") or {}), decisions
    )


def save_mapping(user: Any, token: str, mapping: dict[str, str]) -> None:
    """A new column mapping; choices made for the old one's rows no longer apply."""
    stashed = load_upload(user, token)
    _write_meta(_folder(user), token, _meta(stashed, mapping=mapping, decisions={}))


def save_decisions(user: Any, token: str, decisions: dict[int, str]) -> Stashed:
    """Add the choices of one page of possible duplicates to those made before."""
    stashed = load_upload(user, token)
    merged = {**stashed.decisions, **decisions}
    _write_meta(_folder(user), token, _meta(stashed, decisions=merged))
    stashed.decisions = merged
    return stashed


def _meta(
    stashed: Stashed,
    *,
    mapping: dict[str, str] | None = None,
    decisions: dict[int, str] | None = None,
) -> dict[str, object]:
    kept = stashed.decisions if decisions is None else decisions
    return {
        "kind": stashed.kind,
        "filename": stashed.filename,
        "mapping": stashed.mapping if mapping is None else mapping,
        "decisions": {str(line): choice for line, choice in kept.items()},
    }


def discard_upload(user: Any, token: str) -> bool:
    """Forget an upload; whether this user had one under ``token``."""
    if not _TOKEN.fullmatch(token or ""):
        return False
    found = False
    for suffix in (".bin", ".json"):
        path = _folder(user) / f"{token}{suffix}"
        found = path.exists() or found
        path.unlink(missing_ok=True)
    return found


def _write_meta(folder: Path, token: str, meta: dict[str, object]) -> None:
    (folder / f"{token}.json").write_text(json.dumps(meta))


def _remove_stale(folder: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass

"""What the reflection pages read besides their own searches and scores."""

from __future__ import annotations

from typing import Any

from coffeechat.core.models import Note


def has_notes(user: Any) -> bool:
    """Any live note at all: an empty search then says "no match", not "no notes yet"."""
    return Note.objects.for_user(user).exists()

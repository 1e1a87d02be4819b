"""How long a note may be, wherever it is written (interview mode, the conversation
page, the API): one limit and one message."""

from __future__ import annotations

# About 3,000 words: more than anyone types in a 30-minute conversation, and small
# enough that search snippets, exports and the page stay quick.
MAX_NOTE_CHARS = 20_000


def note_too_long(length: int) -> str | None:
    """Why a note of ``length`` characters is refused, or None when it fits.

    >>> note_too_long(20_000) is None
    True
    >>> note_too_long(20_001)
    'A note is at most 20,000 characters; this one has 20,001. Split it into two notes.'
    """
    if length <= MAX_NOTE_CHARS:
        return None
    return (
        f"A note is at most {MAX_NOTE_CHARS:,} characters; this one has {length:,}. "
        "Split it into two notes."
    )

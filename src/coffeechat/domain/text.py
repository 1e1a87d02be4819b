"""Where a long text folds on a page: the first part shown, the rest behind "Show all"."""

from __future__ import annotations

FOLD_CHARS = 700
FOLD_LINES = 12


def fold_point(text: str, chars: int = FOLD_CHARS, lines: int = FOLD_LINES) -> int | None:
    """The index the shown part of ``text`` ends at, or None when it all fits.

    A fold falls after a paragraph, a line or a word, never inside one, and only
    when what it hides is worth a click (at least a fifth of the limit).

    >>> fold_point("short") is None
    True
    >>> text = "word " * 15 + "\\n\\n" + "word " * 200
    >>> fold_point(text, chars=100)  # after the paragraph
    77
    >>> fold_point("word " * 200, chars=100)  # after a word
    100
    >>> fold_point("line\\n" * 20, chars=100, lines=2)  # after the second line
    10
    >>> fold_point("x" * 110, chars=100) is None
    True
    """
    end = _line_limit(text, lines)
    end = min(end, chars) if end is not None else chars
    if len(text) - end < chars // 5:
        return None
    window = text[:end]
    for separator in ("\n\n", "\n", " "):
        cut = window.rfind(separator)
        if cut >= end // 2:
            return cut + len(separator)
    return end


def _line_limit(text: str, lines: int) -> int | None:
    position = -1
    for _ in range(lines):
        position = text.find("\n", position + 1)
        if position < 0:
            return None
    return position + 1

"""Text helpers the outreach checks share: words, sentences, quotes.

Kept tiny and regex-based on purpose: the checks coach a human writer, so a
readable rule that is right on real drafts beats a linguistic model.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’][A-Za-z]+)*")
# A sentence ends at . ! ? (possibly repeated) before whitespace, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
# Straight or curly double quotes; single quotes are apostrophes too often to trust.
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def words(text: str) -> list[str]:
    """The words of ``text``; contractions and numbers count as one word each.

    >>> words("I'm a 2nd-year student, curious about UX.")
    ['I’m', 'a', '2nd', 'year', 'student', 'curious', 'about', 'UX']
    """
    return [w.replace("'", "’") for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    """How many words ``text`` has.

    >>> word_count("Hi Ana,\\n\\nThanks for your time!")
    6
    """
    return len(words(text))


def sentences(text: str) -> list[str]:
    """Sentences and lines of ``text``, stripped, without empty ones.

    >>> sentences("Hi Ana,\\nI loved your talk. Would you have 20 minutes?")
    ['Hi Ana,', 'I loved your talk.', 'Would you have 20 minutes?']
    """
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def without_quotes(text: str) -> str:
    """``text`` with double-quoted passages blanked, so titles do not count as prose.

    >>> without_quotes('I read "Your brain at work" last week.')
    'I read  last week.'
    """
    return _QUOTED.sub("", text)


def excerpt(text: str, start: int, end: int, margin: int = 30) -> str:
    """The match with a little context, on one line, with ellipses where cut.

    >>> excerpt("one two three four five", 8, 13, margin=4)
    '…two three fou…'
    """
    left, right = max(0, start - margin), min(len(text), end + margin)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def sentence_around(text: str, start: int) -> str:
    """The sentence (or line) containing position ``start``.

    >>> sentence_around("Hi. Are you hiring? Thanks.", 6)
    'Are you hiring?'
    """
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    left = 0 if left < 0 else left + 1
    ends = [i for i in (text.find(mark, start) for mark in (". ", "? ", "! ", "\n")) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return " ".join(text[left:right].split())

"""Insights search over notes: the query language and snippet marking.

The search box accepts what people type, not a query language they must learn:
words (all must appear), "quoted phrases", and ``word*`` for a prefix. Every
other character, including FTS operators (``AND``, ``OR``, ``NEAR``, ``:``,
``^``, parentheses) is read as plain text, so no input can make the database
refuse the query. The databases' own engines (SQLite FTS5, PostgreSQL text
search) do the matching; this module only turns the box's text into terms
each engine accepts, and the engines' marked snippets back into safe HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Private-use characters never typed by people; the engines wrap matches in them.
MARK_START = "\ue000"
MARK_END = "\ue001"

# Letters and digits only: "_" separates words in both engines, as "-" does.
_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    """Words that must appear together, in order; ``prefix`` lets the last one be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


def parse_query(text: str) -> tuple[Term, ...]:
    """The search box's text as terms; anything that is not a word is ignored.

    >>> parse_query('salary "user research" design*')
    (Term(words=('salary',), prefix=False), Term(words=('user', 'research'), prefix=False), \
Term(words=('design',), prefix=True))
    >>> parse_query('self-taught (AND OR "unbalanced')
    (Term(words=('self', 'taught'), prefix=False), Term(words=('and',), prefix=False), \
Term(words=('or',), prefix=False), Term(words=('unbalanced',), prefix=False))
    >>> parse_query('*** ()')
    ()
    """
    terms: list[Term] = []
    for phrase, bare in _CHUNK.findall(text[:MAX_QUERY_LENGTH]):
        chunk = phrase if phrase else bare
        words = tuple(word.lower() for word in _WORD.findall(chunk))
        if not words:
            continue
        # A hyphenated word ("self-taught") is a phrase of its parts, as the engines index it.
        prefix = not phrase and bare.rstrip(")]},.;!?").endswith("*")
        term = Term(words=words, prefix=prefix)
        if term not in terms:
            terms.append(term)
    return tuple(terms[:MAX_TERMS])


def fts5_expression(terms: Iterable[Term]) -> str:
    """An FTS5 MATCH expression: every term quoted, so no word is read as an operator.

    >>> fts5_expression(parse_query('NEAR "a b" c*'))
    '"near" AND "a b" AND "c"*'
    """
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def postgres_raw_query(terms: Iterable[Term]) -> str:
    """A ``to_tsquery`` string of words made only of word characters, so it always parses.

    Phrases use ``<->`` (followed by); a prefix ends in ``:*``.

    >>> postgres_raw_query(parse_query('"user research" design*'))
    '(user <-> research) & (design:*)'
    """
    parts = []
    for term in terms:
        joined = " <-> ".join(term.words)
        parts.append(f"({joined}{':*' if term.prefix else ''})")
    return " & ".join(parts)


def marked_html(snippet: str) -> str:
    """Escape a snippet and turn the engine's match markers into ``<mark>`` elements.

    The markers are toggled strictly, so the result is balanced HTML whatever
    the text contains.

    >>> marked_html("Use \\ue000SQL\\ue001 <daily> & more")
    'Use <mark>SQL</mark> &lt;daily&gt; &amp; more'
    >>> marked_html("\\ue000open \\ue000twice")
    '<mark>open twice</mark>'
    """
    out: list[str] = []
    open_mark = False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", snippet):
        if piece == MARK_START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif piece == MARK_END and open_mark:
            out.append("</mark>")
            open_mark = False
        elif piece not in (MARK_START, MARK_END):
            out.append(html.escape(piece, quote=False))
    if open_mark:
        out.append("</mark>")
    return "".join(out)


@dataclass(frozen=True)
class Theme:
    """A tag and the number of notes that carry it."""

    tag: str
    count: int

"""Message templates with ``{merge_field}`` placeholders: parse, validate, fill.

A field with no value is left as ``{field}`` in the filled draft, so the
"placeholders" check catches it and the user sees exactly what to write.
``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

# Every field a template may use, with the help shown on the Templates page.
FIELDS: dict[str, str] = {
    "first_name": "Their first name.",
    "last_name": "Their last name.",
    "full_name": "Their full name.",
    "their_role": "Their role or title.",
    "organization": "Their organization.",
    "connection": (
        "How you are connected, said to them: the contact's sentence for messages, else one "
        "from who introduced you or the source. Never your private notes."
    ),
    "my_name": "Your name (from your profile).",
    "my_first_name": "Your first name.",
    "my_interest": (
        "What you are exploring, as it reads mid-sentence: the career path's phrase or title."
    ),
    "background": "Your one-sentence background (from your profile).",
    "purpose": "What you hope to learn (from the conversation).",
    "minutes": "The conversation's length, in minutes.",
    "meeting": 'The kind of meeting: "a video call", "a phone call" or "a coffee".',
    "signature": "Your signature (from your profile).",
    "original_subject": "The subject of your first request (for follow-ups).",
    "specific_points": (
        'A sentence to finish per highlighted note ("Your point about … stayed with me."); '
        "the notes themselves are shown beside the draft, never pasted."
    ),
    "first_point": "A place for your words on the first highlighted note.",
    "action_items_done": "Action items you finished since the thank-you, one per line.",
    "recent_progress": (
        "What is new since your last message to them: interviews held, items done, path decisions."
    ),
    "referral_name": "The person they mentioned or introduced you to.",
    "interview_time": "The booked interview in their time zone, and yours when it differs.",
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")


class TemplateError(ValueError):
    """A template that cannot be used, naming the offending field.

    >>> str(TemplateError("frist_name", "is not a merge field"))
    '{frist_name} is not a merge field'
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{{{field}}} {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Filled:
    text: str
    missing: tuple[str, ...]  # fields that had no value and were left in place


def fields_in(text: str) -> list[str]:
    """The merge fields ``text`` uses, in order of first use.

    >>> fields_in("Hi {first_name}, {{literal}} {organization} {first_name}")
    ['first_name', 'organization']
    """
    seen: list[str] = []
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is not None and name.strip() not in seen:
            seen.append(name.strip())
    return seen


def validate(text: str) -> None:
    """Refuse unknown fields and stray braces, naming the first problem.

    >>> validate("Hi {first_name}")
    >>> try:
    ...     validate("Hi {frist_name}")
    ... except TemplateError as exc:
    ...     print(exc)
    {frist_name} is not a merge field; did you mean {first_name}?
    """
    for name in fields_in(text):
        if name not in FIELDS:
            raise TemplateError(name, "is not a merge field" + _suggestion(name))
    stray = _TOKEN.sub("", text)
    if "{" in stray or "}" in stray:
        raise TemplateError("", "an unmatched brace: write {{ or }} for a literal one")


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), list(FIELDS), n=1, cutoff=0.6)
    return f"; did you mean {{{close[0]}}}?" if close else ""


def fill(text: str, values: Mapping[str, str]) -> Filled:
    """``text`` with each known field replaced by its non-empty value.

    >>> fill("Hi {first_name} at {organization} {{ok}}", {"first_name": "Ana"})
    Filled(text='Hi Ana at {organization} {ok}', missing=('organization',))
    """
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = (match.group(1) or "").strip()
        value = values.get(name, "").strip()
        if value:
            return value
        if name not in missing:
            missing.append(name)
        return "{" + name + "}"

    return Filled(_TOKEN.sub(replace, text), tuple(missing))

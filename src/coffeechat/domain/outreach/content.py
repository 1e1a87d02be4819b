"""What a first request must say: the connection, the interest, the ask, and about them."""

from __future__ import annotations

import re

from coffeechat.domain.outreach.model import (
    FIRST_MESSAGES,
    Check,
    Draft,
    Failure,
    Severity,
)
from coffeechat.domain.outreach.text import sentences, without_quotes

_CONNECTION = re.compile(
    r"\b(?:we\s+met|met\s+(?:you|at)|found\s+you|found\s+your|came\s+across|saw\s+your"
    r"|read\s+your|heard\s+(?:you|your|about\s+you)|your\s+(?:talk|post|article|panel|podcast"
    r"|presentation|session)|fellow|alum(?:ni|nus|na)?|graduate[sd]?\s+(?:of|from)"
    r"|suggested|recommended|referred|introduced|mutual|pointed\s+me|gave\s+me\s+your"
    r"|both\s+(?:studied|went|worked|attended)|classmates?|colleague"
    r"|former\s+(?:colleague|classmate|manager|teammate|student)"
    r"|connected\s+(?:on|via|through)|(?:on|via)\s+linkedin|sister|brother|friend|cousin"
    r"|neighbou?r|professor|mentor)\b",
    re.IGNORECASE,
)


def _connection(draft: Draft) -> Failure | None:
    if _CONNECTION.search(draft.body):
        return None
    return Failure(
        "Say how you found them or what you have in common (a school, a talk, a "
        "friend who suggested them): a cold note with no link is the easiest to ignore."
    )


CONNECTION = Check(
    "connection",
    Severity.WARNING,
    "It says how you found them, which gives a stranger a reason to answer.",
    lambda draft: draft.kind in FIRST_MESSAGES,
    _connection,
)

_INTEREST = re.compile(
    r"\b(?:curious\s+about|interested\s+in|exploring|explore|learn(?:ing)?\s+(?:more\s+)?about"
    r"|considering|thinking\s+(?:about|of)\s+(?:a\s+)?(?:career|move|moving|switch)"
    r"|move\s+into|moving\s+into|transition(?:ing)?\s+(?:into|to)|career\s+in"
    r"|passionate\s+about|fascinated\s+by|drawn\s+to|want\s+to\s+understand)\s+\S+",
    re.IGNORECASE,
)


def _interest(draft: Draft) -> Failure | None:
    if _INTEREST.search(draft.body):
        return None
    return Failure(
        "Name the field or role you are curious about, so they know what to talk about "
        "and that you did your homework."
    )


INTEREST = Check(
    "interest",
    Severity.WARNING,
    "It names what you are curious about, so they can say yes to something specific.",
    lambda draft: draft.kind in FIRST_MESSAGES,
    _interest,
)

_CONVERSATION = re.compile(
    r"\b(?:chat|call|conversation|talk|speak|coffee|meet|meeting|zoom|phone|hear|connect"
    r"|pick\s+your\s+brain|questions?)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "sixty": 60}
_MINUTES = re.compile(
    r"\b(\d{1,3}|ten|fifteen|twenty|thirty|forty|sixty)"
    r"(?:\s*(?:-|–|to|or)\s*(\d{1,3}|fifteen|twenty|thirty|forty|sixty))?"
    r"[\s-]*(?:min(?:ute)?s?)\b|\b(half\s+an\s+hour|quarter\s+of\s+an\s+hour|an\s+hour|one\s+hour)\b",
    re.IGNORECASE,
)
_PHRASE_MINUTES = {"half an hour": 30, "quarter of an hour": 15, "an hour": 60, "one hour": 60}
SHORTEST, LONGEST = 15, 30


def _minutes(match: re.Match[str]) -> int:
    """The longest length the phrase allows: "15-20 minutes" asks for up to 20."""
    if match.group(3):
        return _PHRASE_MINUTES[" ".join(match.group(3).lower().split())]
    values = [g for g in (match.group(1), match.group(2)) if g]
    return max(int(v) if v.isdigit() else _NUMBER_WORDS[v.lower()] for v in values)


def _ask(draft: Draft) -> Failure | None:
    text = without_quotes(draft.body)
    questions = [s for s in sentences(text) if s.rstrip().endswith("?")]
    asks = [s for s in questions if _CONVERSATION.search(s)]
    if not asks:
        return Failure(
            'End with a clear question asking for a short conversation ("Would you have '
            '20 minutes for a call next week?"): without a question there is nothing to answer.'
        )
    for sentence in asks:
        found = _MINUTES.search(sentence)
        if found and SHORTEST <= _minutes(found) <= LONGEST:
            return None
        if found:
            return _length_outside(_minutes(found), found.group(0), draft.planned_minutes)
    return Failure(
        f"Say how long you are asking for ({SHORTEST}–{LONGEST} minutes): {_WHY_SHORT}",
        asks[0],
        Severity.WARNING,
    )


_WHY_SHORT = (
    "a short, bounded ask gets more yeses from busy people and shows you respect their time."
)


def _length_outside(minutes: int, excerpt: str, planned: int | None) -> Failure:
    """An ask outside 15–30 minutes: a warning, or a note when it is the length the user chose."""
    if minutes == planned:
        return Failure(
            f"You planned {minutes} minutes for this conversation, so the ask says so. "
            f"Asks of {SHORTEST}–{LONGEST} minutes are accepted more often: {_WHY_SHORT} "
            "Keep it if they offered the time or you know they have it.",
            excerpt,
            Severity.TIP,
        )
    too = "too little to learn from" if minutes < SHORTEST else "harder to fit into their week"
    return Failure(
        f"Ask for {SHORTEST}–{LONGEST} minutes ({minutes} is {too}): {_WHY_SHORT} "
        "If you chose another length on purpose, set it on the conversation and this "
        "becomes a note.",
        excerpt,
        Severity.WARNING,
    )


ASK = Check(
    "ask",
    Severity.ERROR,
    "It asks a clear question for a short conversation of a stated length.",
    lambda draft: draft.kind in FIRST_MESSAGES,
    _ask,
)

_ABOUT_THEM = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_ABOUT_ME = re.compile(r"\b(?:i|i['’]m|i['’]ve|i['’]d|i['’]ll|me|my|mine|myself)\b", re.IGNORECASE)


def _about_them(draft: Draft) -> Failure | None:
    text = without_quotes(draft.body)
    lines = sentences(text)
    them = sum(1 for s in lines if _ABOUT_THEM.search(s))
    me = sum(1 for s in lines if _ABOUT_ME.search(s))
    if them >= me:
        return None
    return Failure(
        f"{me} sentences are about you and {them} about them: people answer notes that "
        "show interest in their work more than notes about the writer.",
        f"{them} about them, {me} about you",
    )


ABOUT_THEM = Check(
    "about-them",
    Severity.WARNING,
    "At least as much about them and their work as about you.",
    lambda draft: draft.kind in FIRST_MESSAGES,
    _about_them,
)

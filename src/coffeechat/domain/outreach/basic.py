"""Form checks: length, subject, leftover merge fields, attachment wording."""

from __future__ import annotations

import re

from coffeechat.domain.outreach.model import (
    ASKING_MESSAGES,
    Check,
    Draft,
    Failure,
    Severity,
)
from coffeechat.domain.outreach.text import excerpt, word_count
from coffeechat.domain.vocabulary import Channel, MessageKind

EMAIL_WORDS = 100
STRICT_EMAIL_WORDS = 75
EMAIL_WORDS_ERROR = 150
LINKEDIN_NOTE_CHARS = 300
LINKEDIN_MESSAGE_CHARS = 1900


def _length(draft: Draft) -> Failure | None:
    if draft.channel is Channel.LINKEDIN_NOTE:
        return _chars(draft.body, LINKEDIN_NOTE_CHARS, "a LinkedIn connection note")
    if draft.channel is Channel.LINKEDIN_MESSAGE:
        return _chars(draft.body, LINKEDIN_MESSAGE_CHARS, "a LinkedIn message")
    count = word_count(draft.body)
    limit = STRICT_EMAIL_WORDS if draft.strict else EMAIL_WORDS
    if count > EMAIL_WORDS_ERROR:
        return Failure(
            f"{count} words is far too long: busy people answer notes they can read in "
            f"a glance, so cut to {limit} or fewer.",
            f"{count} words",
            Severity.ERROR,
        )
    if count > limit:
        return Failure(
            f"{count} words is more than the {limit} a busy person reads at a glance; "
            "cut what they do not need to say yes.",
            f"{count} words",
        )
    return None


def _chars(body: str, limit: int, what: str) -> Failure | None:
    count = len(body.strip())
    if count <= limit:
        return None
    return Failure(
        f"{count} characters is over the {limit:,} LinkedIn allows for {what}; "
        "it will be cut off or refused.",
        f"…{body.strip()[limit - 20 : limit + 20]}…",
        Severity.ERROR,
    )


LENGTH = Check(
    "length",
    Severity.WARNING,
    "Short enough to read at a glance, which is what gets answered.",
    lambda draft: True,
    _length,
)


def _subject(draft: Draft) -> Failure | None:
    if draft.subject.strip():
        return None
    return Failure("An email without a subject looks like spam and is easy to skip; add one.")


SUBJECT = Check(
    "subject",
    Severity.ERROR,
    "The subject tells them at once what you are asking.",
    lambda draft: draft.channel is Channel.EMAIL,
    _subject,
)

_PLACEHOLDER = re.compile(r"\{\{?\s*[^{}\n]{1,40}?\s*\}?\}|\[\[[^\]\n]{1,40}\]\]")


def _placeholders(draft: Draft) -> Failure | None:
    for text in (draft.subject, draft.body):
        found = _PLACEHOLDER.search(text)
        if found:
            return Failure(
                "A merge field was left unfilled; a visible {field} tells them this was a "
                "mass mailing.",
                found.group(0),
            )
    return None


PLACEHOLDERS = Check(
    "placeholders",
    Severity.ERROR,
    "Every merge field is filled in.",
    lambda draft: True,
    _placeholders,
)

_ATTACHMENT = re.compile(
    r"\b(?:i(?:['’]ve| have)?\s+attached|attached\s+(?:is|are|please find|you will find|my)"
    r"|please\s+find\s+(?:attached|enclosed)|(?:resume|résumé|cv)\s+(?:is\s+)?(?:attached|enclosed)"
    r"|enclosed\s+(?:is|are)|(?:see|find)\s+the\s+attach\w*|attachment)\b",
    re.IGNORECASE,
)


def _attachment(draft: Draft) -> Failure | None:
    found = _ATTACHMENT.search(draft.body)
    if found is None:
        return None
    return Failure(
        "Attaching a resume to a first message reads as a job application, and "
        "strangers' attachments often go unopened.",
        excerpt(draft.body, found.start(), found.end()),
    )


NO_ATTACHMENT = Check(
    "no-attachment",
    Severity.WARNING,
    "No attachment: the note asks for advice, not for a review of your documents.",
    lambda draft: draft.kind in ASKING_MESSAGES and draft.kind is not MessageKind.INTRODUCTION_ASK,
    _attachment,
)

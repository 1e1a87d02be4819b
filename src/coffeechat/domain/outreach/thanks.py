"""Thank-you checks: name a specific point, and send it within a day."""

from __future__ import annotations

import re
from datetime import timedelta

from coffeechat.domain.outreach.model import Check, Draft, Failure, Severity
from coffeechat.domain.vocabulary import MessageKind

_STOPWORDS = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "always",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "could",
        "does",
        "doing",
        "down",
        "each",
        "even",
        "every",
        "from",
        "have",
        "having",
        "here",
        "into",
        "just",
        "like",
        "made",
        "make",
        "many",
        "more",
        "most",
        "much",
        "must",
        "need",
        "only",
        "other",
        "over",
        "really",
        "said",
        "same",
        "should",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "those",
        "through",
        "very",
        "want",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "your",
        "yours",
        "you'll",
        "you're",
    ]
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#.'’-]*[a-z0-9+#]|[a-z0-9]", re.IGNORECASE)


def keywords(text: str) -> set[str]:
    """The words of a note worth finding in a thank-you.

    >>> sorted(keywords("Learn SQL before the bootcamp, said it twice"))
    ['bootcamp', 'learn', 'sql', 'twice']
    """
    return {
        w.lower()
        for w in _TOKEN.findall(text)
        if len(w) >= 4 and w.lower() not in _STOPWORDS and not w.isdigit()
    } | {w.lower() for w in _TOKEN.findall(text) if w.isupper() and len(w) >= 2}


def names_point(body: str, point: str) -> bool:
    """Whether ``body`` names ``point``: at least half its keywords (and two, when it has two).

    >>> names_point("Your tip to learn SQL first was gold.", "Learn SQL before the bootcamp")
    True
    >>> names_point("Thanks for your time!", "Learn SQL before the bootcamp")
    False
    """
    wanted = keywords(point)
    if not wanted:
        return False
    found = wanted & keywords(body)
    return len(found) >= min(2, len(wanted)) and len(found) * 2 >= len(wanted)


def _specific(draft: Draft) -> Failure | None:
    if not draft.highlights:
        return Failure(
            "No highlighted notes to compare with: highlight what stood out in your notes, "
            "then name at least one of those points so they see you listened.",
            severity=Severity.TIP,
        )
    if any(names_point(draft.body, point) for point in draft.highlights):
        return None
    return Failure(
        "Name at least one specific point from the conversation: a generic thank-you "
        "reads like a form letter.",
        draft.highlights[0],
    )


THANK_YOU_SPECIFIC = Check(
    "thank-you-specific",
    Severity.WARNING,
    "It names a specific point from the conversation, which shows you listened.",
    lambda draft: draft.kind is MessageKind.THANK_YOU,
    _specific,
)


def _timely(draft: Draft) -> Failure | None:
    if draft.interview_ended_at is None or draft.now is None:
        return None
    waited = draft.now - draft.interview_ended_at
    if waited <= timedelta(hours=draft.thank_within_hours):
        return None
    hours = int(waited.total_seconds() // 3600)
    return Failure(
        f"The interview ended {hours} hours ago: a thank-you within "
        f"{draft.thank_within_hours} hours is remembered; "
        "send it now, late is still better than never.",
        f"{hours} hours after the interview",
    )


THANK_YOU_TIMELY = Check(
    "thank-you-timely",
    Severity.WARNING,
    "Sent within 24 hours of the interview, while it is fresh for both of you.",
    lambda draft: draft.kind is MessageKind.THANK_YOU,
    _timely,
)

"""The data the outreach checks read and return."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from coffeechat.domain.vocabulary import Channel, MessageKind


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    TIP = "tip"


# LinkedIn notes and messages have no subject line: the composer hides the field
# and the checks ignore whatever it held before the channel changed.
SUBJECTLESS = frozenset({Channel.LINKEDIN_NOTE, Channel.LINKEDIN_MESSAGE})


def has_subject(channel: Channel | str) -> bool:
    """
    >>> has_subject("email"), has_subject("linkedin-message")
    (True, False)
    """
    return channel not in SUBJECTLESS


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """A message being written, with what the checks need to judge it.

    ``highlights`` are the conversation's highlighted notes (for thank-yous);
    ``interview_ended_at`` and ``now`` let the thank-you timing be judged
    without reading a clock.
    """

    channel: Channel = Channel.EMAIL
    kind: MessageKind = MessageKind.REQUEST
    subject: str = ""
    body: str = ""
    strict: bool = False
    highlights: tuple[str, ...] = ()
    interview_ended_at: datetime | None = None
    now: datetime | None = None
    # The user's Thank rule setting, so the check and Today agree on "late".
    thank_within_hours: int = 24
    # The conversation's planned length: a length the user chose on purpose is
    # accepted by the ask check, with a note, rather than warned about.
    planned_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """What a failing check found; ``severity`` overrides the check's own when set."""

    message: str
    excerpt: str = ""
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    id: str
    passed: bool
    severity: Severity
    message: str
    excerpt: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "passed": self.passed,
            "severity": self.severity.value,
            "message": self.message,
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True, slots=True)
class Check:
    """One rule: ``run`` returns a Failure, or None when the draft passes.

    ``reason`` is the one sentence shown when it passes: why the rule matters.
    """

    id: str
    severity: Severity
    reason: str
    applies: Callable[[Draft], bool]
    run: Callable[[Draft], Failure | None]

    def __call__(self, draft: Draft) -> CheckResult:
        failure = self.run(draft)
        if failure is None:
            return CheckResult(self.id, True, self.severity, self.reason)
        severity = failure.severity or self.severity
        return CheckResult(self.id, False, severity, failure.message, failure.excerpt)


# Kinds that open a relationship: the strictest rules apply to them.
FIRST_MESSAGES = frozenset({MessageKind.REQUEST})
ASKING_MESSAGES = frozenset(
    {MessageKind.REQUEST, MessageKind.FOLLOW_UP, MessageKind.INTRODUCTION_ASK}
)

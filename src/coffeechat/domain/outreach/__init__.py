"""Outreach checks: pure rules that coach a draft before the user sends it.

``run_checks(draft)`` returns one result per check that applies to the
draft's channel and kind, in a fixed order: errors first in the list of
checks, so the composer, the API and the tests agree.
"""

from __future__ import annotations

import dataclasses

from coffeechat.domain.outreach.basic import LENGTH, NO_ATTACHMENT, PLACEHOLDERS, SUBJECT
from coffeechat.domain.outreach.content import ABOUT_THEM, ASK, CONNECTION, INTEREST
from coffeechat.domain.outreach.model import Check, CheckResult, Draft, Severity, has_subject
from coffeechat.domain.outreach.overstepping import NO_JOB_ASK
from coffeechat.domain.outreach.thanks import THANK_YOU_SPECIFIC, THANK_YOU_TIMELY

CHECKS: tuple[Check, ...] = (
    LENGTH,
    SUBJECT,
    PLACEHOLDERS,
    NO_JOB_ASK,
    ASK,
    CONNECTION,
    INTEREST,
    ABOUT_THEM,
    NO_ATTACHMENT,
    THANK_YOU_SPECIFIC,
    THANK_YOU_TIMELY,
)

__all__ = [
    "CHECKS",
    "Check",
    "CheckResult",
    "Draft",
    "Severity",
    "blocking",
    "has_subject",
    "run_checks",
]


def run_checks(draft: Draft) -> list[CheckResult]:
    """Every applicable check's result for ``draft``.

    >>> from coffeechat.domain.vocabulary import Channel, MessageKind
    >>> [r.id for r in run_checks(Draft(channel=Channel.LINKEDIN_NOTE, kind=MessageKind.UPDATE))]
    ['length', 'placeholders', 'no-job-ask']
    """
    if not has_subject(draft.channel) and draft.subject:
        draft = dataclasses.replace(draft, subject="")  # no subject line on LinkedIn
    return [check(draft) for check in CHECKS if check.applies(draft)]


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    """The failed errors: what should make the user think twice before sending."""
    return [r for r in results if not r.passed and r.severity is Severity.ERROR]

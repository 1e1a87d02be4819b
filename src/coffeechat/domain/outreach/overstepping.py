"""The overstepping pitfall: asking a stranger for a job, a referral or a resume review."""

from __future__ import annotations

from coffeechat.domain.outreach.job_asks import find_job_ask
from coffeechat.domain.outreach.model import Check, Draft, Failure, Severity
from coffeechat.domain.outreach.text import sentence_around
from coffeechat.domain.vocabulary import MessageKind


def _job_ask(draft: Draft) -> Failure | None:
    for text in (draft.subject, draft.body):
        found = find_job_ask(text)
        if found is not None:
            return Failure(
                f"“{found.group(0)}” asks for a job, referral or resume review: that "
                "oversteps what they agreed to and is the surest way to lose their goodwill.",
                sentence_around(text, found.start()),
            )
    return None


NO_JOB_ASK = Check(
    "no-job-ask",
    Severity.ERROR,
    "No request for a job, referral or resume review: you are asking for advice.",
    lambda draft: draft.kind is not MessageKind.REPLY,
    _job_ask,
)

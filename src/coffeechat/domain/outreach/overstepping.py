"""The overstepping pitfall: asking a stranger for a job, a referral or a resume review."""

from __future__ import annotations

import re

from coffeechat.domain.outreach.model import Check, Draft, Failure, Severity
from coffeechat.domain.outreach.text import sentence_around
from coffeechat.domain.vocabulary import MessageKind

# Each phrase is an *ask*, not a mention: "what your job involves" is a fair
# question in an informational interview; "any openings on your team?" is not.
_JOB_ASK = re.compile(
    r"\b(?:"
    r"(?:ask(?:ing)?|look(?:ing)?|search(?:ing)?|apply(?:ing)?|hop(?:e|ing))\s+(?:you\s+)?for\s+"
    r"(?:a|an|any)\s+(?:job|position|role|internship|referral|opening|offer)"
    r"|(?:any|open|current)\s+(?:job\s+)?(?:openings?|positions?|vacanc(?:y|ies)|roles?\s+open"
    r"|internships?)"
    # "Is Acme hiring?" asks; "is the industry hiring juniors?" is a fair question about trends.
    r"|are\s+you\s+hiring|is\s+your\s+\w+\s+hiring|is\s+the\s+team\s+hiring"
    r"|is\s+(?-i:[A-Z][\w&.-]*)\s+hiring"
    r"|hire\s+me|hiring\s+(?:me|for)"
    r"|(?:get|land|find|help\s+me\s+get)\s+(?:me\s+)?(?:a|an)\s+(?:job|position|internship|role)"
    r"|job\s+(?:opening|offer|opportunit(?:y|ies))"
    r"|internship\s+(?:opportunit(?:y|ies)|openings?|positions?|at\s+your)"
    r"|refer\s+me|(?:for|need|want|appreciate|love|like|get|provide|give\s+me|offer\s+me)\s+"
    r"(?:a|an|your)\s+(?:internal\s+)?referral"
    r"|put\s+in\s+a\s+good\s+word|pass\s+(?:along\s+)?my\s+(?:resume|résumé|cv)"
    r"|(?:review|look\s+(?:at|over)|read|check|feedback\s+on|critique)\s+(?:my|the\s+attached)\s+"
    r"(?:resume|résumé|cv|cover\s+letter)"
    r"|(?:forward|send)\s+(?:my|you\s+my)\s+(?:resume|résumé|cv)"
    r")\b",
    re.IGNORECASE,
)
# "I'm not asking for a job", "not to ask for a referral": a negation just before
# the phrase (at most two words away) turns it into a reassurance.
_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _job_ask(draft: Draft) -> Failure | None:
    for text in (draft.subject, draft.body):
        for found in _JOB_ASK.finditer(text):
            if _NEGATED.search(text[: found.start()]):
                continue
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

"""Warnings for a question planned for an interview: job asks, yes/no, findable online.

The interview is the user's one chance to hear what only this person knows, so
the plan warns (and keeps the question: the user decides) when a question
would spend that time badly. Regex-based on purpose, like the outreach checks:
a readable rule that is right on real questions beats a linguistic model.
"""

from __future__ import annotations

import re

from coffeechat.domain.outreach.job_asks import find_job_ask

# Questions that open with an auxiliary verb invite "yes" or "no" ("Do you like
# your job?"): the answer stops there and the time is spent on another prompt.
_YES_NO_START = re.compile(
    r"^(?:do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may"
    r"|might|am|isn['’]t|aren['’]t|don['’]t|doesn['’]t|didn['’]t)\b",
    re.IGNORECASE,
)
# ...unless the auxiliary is a polite way in to an open request ("could you
# tell me about…"), or the question names its alternatives ("…A or B?").
_POLITE_OPEN = re.compile(
    r"^(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:tell|walk|describe|explain|share|talk"
    r"|give|say|help\s+me\s+understand|take\s+me)\b",
    re.IGNORECASE,
)
_OPEN_WORD = re.compile(r"\b(?:what|how|why|which|who|where|when|in\s+what\s+way)\b", re.IGNORECASE)

# Facts a web search, the organization's own site or a salary survey answers.
_FINDABLE = re.compile(
    r"\b(?:"
    r"what\s+does\s+(?:your|the)\s+(?:company|organi[sz]ation|firm|employer|business|agency)\s+do"
    r"|what\s+(?:products|services)\s+does"
    r"|mission\s+statement|(?:company|organi[sz]ation|firm)['’]s\s+mission"
    r"|how\s+many\s+(?:people|employees|staff|offices)"
    r"|where\s+(?:is|are)\s+(?:your|the|its)\s+(?:headquarters|hq|offices?)"
    r"|when\s+was\s+(?:your|the)\s+(?:company|organi[sz]ation|firm|business)\s+(?:founded|started)"
    r"|who\s+(?:is|are)\s+(?:your|the)\s+(?:company['’]s\s+)?(?:ceo|founders?|competitors|customers"
    r"|clients)"
    r"|average\s+salary|salary\s+range|(?:annual\s+)?revenue"
    r")",
    re.IGNORECASE,
)


def is_yes_no(question: str) -> bool:
    """Whether ``question`` can be answered with a plain yes or no.

    >>> is_yes_no("Do you like your job?")
    True
    >>> is_yes_no("Could you tell me how you got started?")
    False
    >>> is_yes_no("Looking back, would you choose this path again?")
    True
    >>> is_yes_no("Do you prefer research or design work?")
    False
    """
    if _OPEN_WORD.search(question) or re.search(r"\bor\b", question, re.IGNORECASE):
        return False
    # "Looking back, would you…": the question may start after an opening phrase.
    clauses = [clause.strip() for clause in re.split(r"[,;:]", question)]
    return any(_YES_NO_START.match(c) and not _POLITE_OPEN.match(c) for c in clauses)


def is_findable_online(question: str) -> bool:
    """Whether a web search answers ``question``.

    >>> is_findable_online("What does your company do?")
    True
    >>> is_findable_online("What does your week look like?")
    False
    """
    return bool(_FINDABLE.search(question))


def question_warnings(question: str, *, flagged_online: bool = False) -> list[str]:
    """Why ``question`` would spend the interview badly, one sentence per problem.

    >>> question_warnings("Could you pass my resume along?")[0][:60]
    '“Could you pass my resume along?” asks for a job, a referral'
    """
    text = " ".join(question.split())
    warnings: list[str] = []
    found = find_job_ask(text)
    if found is not None:
        warnings.append(
            f"“{text}” asks for a job, a referral or a resume review (“{found.group(0)}”): "
            "that oversteps what they agreed to; ask who else you should talk to instead."
        )
    if is_yes_no(text):
        warnings.append(
            f"“{text}” can be answered with yes or no: ask it open (“What…”, “How…”) "
            "so they tell you the story behind the answer."
        )
    if flagged_online or is_findable_online(text):
        warnings.append(
            f"“{text}” could be answered by a web search: look it up before the call "
            "and ask something only they can tell you."
        )
    return warnings

"""Job asks and their negations: the phrases the overstepping check and the plan look for.

Each family below is an *ask*, not a mention: "what your job involves" is a fair
question in an informational interview; "any openings on your team?" is not.
The families were written from real first messages (what people actually type
when they hope for a job without saying so: "get my foot in the door", "keep
me in mind", "pass my resume along") and are tested against a corpus of asks,
negations and fair questions in ``tests/domain/test_job_asks.py``. A new
phrasing is one more line here and one more sentence there.
"""

from __future__ import annotations

import re

_JOB = r"(?:job|position|role|internship|opening|offer|opportunity)"
_JOBS = r"(?:jobs?|positions?|roles?|internships?|openings?|opportunit(?:y|ies)|vacanc(?:y|ies))"
_RESUME = r"(?:resume|résumé|cv|application)"
_A = r"(?:a|an|any)"
_YOUR_PLACE = r"(?:your|the)\s+(?:team|company|firm|department|group|org|organization)"

FAMILIES: tuple[tuple[str, str], ...] = (
    # Looking, hoping, applying for one.
    (
        "looking for a job",
        r"(?:ask(?:ing)?|look(?:ing)?|search(?:ing)?|apply(?:ing)?|hop(?:e|ing)|request)"
        rf"\s+(?:you\s+)?for\s+{_A}\s+(?:job|position|role|internship|referral|opening|offer)",
    ),
    (
        "any openings",
        r"(?:any|open|current)\s+(?:job\s+)?(?:openings?|positions?|vacanc(?:y|ies)"
        r"|roles?\s+open|internships?)",
    ),
    (
        "any roles you know of",
        rf"any\s+{_JOBS}\s+(?:(?:that\s+)?you\s+(?:know|are\s+aware|'re\s+aware|’re\s+aware)\s+of"
        r"|(?:that\s+)?(?:might|would|could)\s+(?:fit|suit)\s+me|for\s+(?:me|someone\s+like\s+me))",
    ),
    ("openings on your team", rf"{_JOBS}\s+(?:on|in|at|within)\s+{_YOUR_PLACE}"),
    ("do you have openings", rf"do\s+you\s+have\s+(?:any\s+)?{_JOBS}"),
    ("anything opens up", r"(?:anything|something|a\s+(?:spot|role|position))\s+opens?\s+up"),
    ("keep me in mind", r"keep\s+me\s+in\s+mind|consider(?:ed)?\s+me\s+for|be\s+considered\s+for"),
    # Hiring.
    (
        "are you hiring",
        r"are\s+you\s+hiring|is\s+your\s+\w+\s+hiring|is\s+the\s+team\s+hiring"
        # "Is Acme hiring?" asks; "is the industry hiring juniors?" is about trends.
        r"|is\s+(?-i:[A-Z][\w&.-]*)\s+hiring|anyone\s+(?:who\s+is|who['’]s|that['’]s)\s+hiring",
    ),
    ("hire me", r"hire\s+me|hiring\s+me"),
    (
        "get me a job",
        r"(?:get|getting|land|find|help\s+me\s+(?:get|land|find))\s+(?:me\s+)?"
        r"(?:a|an)\s+(?:job|position|internship|role)",
    ),
    ("a job for me", rf"(?:a|any)\s+{_JOB}\s+for\s+me"),
    ("job opening", r"job\s+(?:opening|offer|opportunit(?:y|ies))"),
    (
        "internship opportunity",
        r"internship\s+(?:opportunit(?:y|ies)|openings?|positions?|at\s+your)",
    ),
    ("foot in the door", r"(?:get|getting|put)\s+my\s+foot\s+in\s+the\s+door"),
    # Wanting to join: "people who work at your company" is a fair question.
    (
        "love to join your team",
        r"(?:love|like|want|hope|hoping|keen|eager)\s+to\s+(?:join|work\s+(?:on|for|at|with))\s+"
        + _YOUR_PLACE,
    ),
    # Referrals and good words.
    (
        "refer me",
        r"refer\s+me|(?:for|need|want|appreciate|love|like|get|provide|give\s+me|offer\s+me)\s+"
        r"(?:a|an|your)\s+(?:internal\s+)?referral",
    ),
    ("put in a good word", r"put\s+in\s+a\s+good\s+word|vouch\s+for\s+me"),
    (
        "introduce me to the hiring manager",
        r"(?:introduce|connect)\s+me\s+(?:to|with)\s+(?:a|the|your)\s+"
        r"(?:hiring\s+manager|recruiter|recruiting\s+team|hr\b)",
    ),
    # Resumes.
    (
        "pass my resume along",
        rf"pass\s+(?:along\s+)?my\s+{_RESUME}|pass\s+(?:it|my\s+{_RESUME})\s+(?:along|on)"
        rf"|(?:forward|send)\s+(?:on\s+)?(?:my|you\s+my)\s+{_RESUME}|flag\s+my\s+{_RESUME}",
    ),
    (
        "review my resume",
        r"(?:review|look\s+(?:at|over)|read|check|feedback\s+on|critique)\s+"
        rf"(?:my|the\s+attached)\s+(?:{_RESUME}|cover\s+letter)",
    ),
)

JOB_ASK = re.compile(
    r"\b(?:" + "|".join(f"(?:{pattern})" for _, pattern in FAMILIES) + r")\b", re.IGNORECASE
)

# A negation in the same clause, at most three words before the phrase, makes
# it a reassurance: "I'm not asking for a job", "no need to review my resume",
# "without asking for a referral". A comma or a full stop ends the clause, so
# "I know you're not hiring, but could you refer me?" still asks.
_NEGATED = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno|\bwithout|\brather\s+than|\binstead\s+of)"
    r"\s+(?:\w+['’]?\w*\s+){0,3}$",
    re.IGNORECASE,
)


def find_job_ask(text: str) -> re.Match[str] | None:
    """The first phrase in ``text`` that asks for a job, a referral or a resume review.

    >>> find_job_ask("Any roles you know of would be great.").group(0)
    'Any roles you know of'
    >>> find_job_ask("I'm not looking for a referral.") is None
    True
    """
    for found in JOB_ASK.finditer(text):
        if not _NEGATED.search(text[: found.start()]):
            return found
    return None

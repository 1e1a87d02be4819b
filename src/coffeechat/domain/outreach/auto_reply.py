"""Is an incoming message an automatic reply (out of office, away, on leave)?

An auto-reply is not an answer: a request that only got one is still waiting,
so the import logs it without marking the conversation replied. The patterns
look for the present-tense, automated wording such replies share, so a person
writing "sorry, I was out of office last week" is still a reply.
"""

from __future__ import annotations

import re

_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|autoreply|auto|out of (the )?office|ooo)\b\s*[:\-]",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"\b("
    r"this is an? (automatic|automated|auto[- ]?generated) (reply|response|message)"
    r"|(automatic|automated) (reply|response)\b"
    r"|auto[- ]?reply"
    r"|i(?: am|'m|’m) (currently )?(out of (the )?office|away from (the |my )?(office|desk)"
    r"|on (annual |parental |maternity |paternity |sick )?(leave|vacation|holiday)"
    r"|travell?ing with limited access)"
    r"|i(?: am|'m|’m) currently (away|out|offline)"
    r"|(with|have) (limited|no) access to (my )?(e-?mail|messages|linkedin)"
    r"|i will (be back|return) (on|in the office|to the office)"
    r")",
    re.IGNORECASE,
)


def is_auto_reply(subject: str, content: str) -> bool:
    """
    >>> is_auto_reply("Automatic reply: Coffee chat?", "Thanks for your message.")
    True
    >>> is_auto_reply("", "I'm currently out of the office until 14 Nov with limited access.")
    True
    >>> is_auto_reply("", "Sorry, I was out of office last week. Happy to chat, Tuesday?")
    False
    """
    return bool(_SUBJECT.search(subject) or _BODY.search(content))

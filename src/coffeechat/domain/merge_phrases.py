"""Merge-field wording addressed to the person a message goes to.

A message is read by the contact, so every phrase here speaks to them in the
user's voice. The user's own notes about a person (how they know them, what a
referrer said, what they hope to learn) are written about that person and never
appear here: a sentence is either one the user wrote *for* them, or one built
from plain facts (the source, the introducer's name, the medium).
"""

from __future__ import annotations

from coffeechat.domain.types import Medium
from coffeechat.domain.vocabulary import Source

# What the source says about how the user found them, as said to them. Sources
# that mean the two already know each other (friends, colleagues) have no
# stock sentence: only the user knows how to put that, so the draft asks.
SOURCE_SENTENCES: dict[Source, str] = {
    Source.ALUMNI: "I found you through our alumni network.",
    Source.LINKEDIN: "I came across your profile on LinkedIn.",
    Source.EVENT: "I heard about your work at a recent event.",
    Source.CONFERENCE: "I heard about your work at a recent conference.",
    Source.SOCIAL: "I have been following what you share online.",
}

MEETING_WORDS: dict[Medium, str] = {
    Medium.VIDEO: "a video call",
    Medium.PHONE: "a phone call",
    Medium.IN_PERSON: "a coffee",
}


def connection_sentence(line: str, source: str, introducer: str = "") -> str:
    """How the two of them are connected, in a sentence to the contact.

    The user's own line wins; else the introducer's name; else the source.
    Empty when nothing true can be said, so the draft keeps ``{connection}``.

    >>> connection_sentence("We were both at Config 2025", "conference")
    'We were both at Config 2025.'
    >>> connection_sentence("", "referral", "Alice Ng")
    'Alice Ng suggested I reach out to you.'
    >>> connection_sentence("", "linkedin")
    'I came across your profile on LinkedIn.'
    >>> connection_sentence("", "colleague")
    ''
    """
    if line.strip():
        return sentence(line)
    if introducer.strip():
        return f"{' '.join(introducer.split())} suggested I reach out to you."
    try:
        return SOURCE_SENTENCES.get(Source(source), "")
    except ValueError:
        return ""


def interest_phrase(phrase: str, title: str) -> str:
    """What the user is exploring, as it reads mid-sentence ("I am exploring …").

    The path's own phrase is used as written; else its title, with title-case
    words lowered and acronyms or mixed-case names (UX, iOS) kept.

    >>> interest_phrase("a move into product management", "Product management")
    'a move into product management'
    >>> interest_phrase("", "Product Management")
    'product management'
    >>> interest_phrase("", "UX research")
    'UX research'
    >>> interest_phrase("", "iOS Development")
    'iOS development'
    """
    if phrase.strip():
        return " ".join(phrase.split())
    return " ".join(_lowered(word) for word in title.split())


def _lowered(word: str) -> str:
    is_title_case = word[:1].isupper() and (word[1:].islower() or not word[1:].isalpha())
    return word.lower() if is_title_case and len(word) > 1 else word


# Sentence frames a thank-you offers for each highlighted point. A highlight is a
# note in note-taking voice ("learn SQL b4 bootcamp!!"), written about them, so
# it never goes into the message: the frame holds a placeholder the user fills
# in their own words, and the composer shows the note beside the draft.
POINT_FRAMES: tuple[str, ...] = (
    "Your point about {} stayed with me.",
    "I keep coming back to what you said about {}.",
    "Thank you for explaining {}.",
)


def point_placeholder(number: int) -> str:
    """The placeholder a frame leaves for the user's words on point ``number``.

    >>> point_placeholder(2)
    '{point 2 in your words}'
    """
    return "{point " + str(number) + " in your words}"


def point_frames(count: int) -> list[str]:
    """One prefilled sentence per highlighted point, none holding the note's text.

    >>> point_frames(2)[1]
    'I keep coming back to what you said about {point 2 in your words}.'
    >>> point_frames(0)
    []
    """
    return [
        POINT_FRAMES[index % len(POINT_FRAMES)].format(point_placeholder(index + 1))
        for index in range(count)
    ]


def meeting_words(medium: str) -> str:
    """The meeting as the ask names it: "a video call", "a phone call", "a coffee".

    >>> meeting_words("in_person")
    'a coffee'
    >>> meeting_words("carrier pigeon")
    'a conversation'
    """
    try:
        return MEETING_WORDS[Medium(medium)]
    except ValueError:
        return "a conversation"


def sentence(text: str) -> str:
    """``text`` on one line, ending with a full stop unless it has its own.

    >>> sentence("We met at  Config\\n2025")
    'We met at Config 2025.'
    """
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."

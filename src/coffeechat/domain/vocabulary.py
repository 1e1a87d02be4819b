"""The product's fixed vocabularies, with the labels people read.

Kept in domain/ so the rules, the importers, the models and the API all speak
the same words; ``LABELS`` gives the human form of each value.
"""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    ALUMNI = "alumni"
    LINKEDIN = "linkedin"
    EVENT = "event"
    CONFERENCE = "conference"
    SOCIAL = "social"
    FRIEND_FAMILY = "friend-family"
    COLLEAGUE = "colleague"
    REFERRAL = "referral"
    OTHER = "other"


class Channel(StrEnum):
    EMAIL = "email"
    LINKEDIN_NOTE = "linkedin-note"
    LINKEDIN_MESSAGE = "linkedin-message"
    OTHER = "other"


class MessageKind(StrEnum):
    REQUEST = "request"
    FOLLOW_UP = "follow-up"
    THANK_YOU = "thank-you"
    REPORT_BACK = "report-back"
    UPDATE = "update"
    INTRODUCTION_ASK = "introduction-ask"
    # The time confirmation that carries the calendar invite (scheduling); moves no stage.
    CONFIRMATION = "confirmation"
    REPLY = "reply"


class Direction(StrEnum):
    OUTGOING = "out"
    INCOMING = "in"


class PathStatus(StrEnum):
    EXPLORING = "exploring"
    PROMISING = "promising"
    PURSUING = "pursuing"
    DROPPED = "dropped"


class QuestionCategory(StrEnum):
    PATH = "path"
    DAY_TO_DAY = "day-to-day"
    CHALLENGES = "challenges"
    TRENDS = "trends"
    SKILLS = "skills"
    CULTURE = "culture"
    ADVICE = "advice"
    NEXT_STEPS = "next-steps"


class Tiara(StrEnum):
    """The TIARA framework: trends, insights, advice, resources, assignments."""

    TRENDS = "trends"
    INSIGHTS = "insights"
    ADVICE = "advice"
    RESOURCES = "resources"
    ASSIGNMENTS = "assignments"


class ActionItemKind(StrEnum):
    COURSE = "course"
    SKILL = "skill"
    CERTIFICATE = "certificate"
    RESUME = "resume"
    PERSON = "person"
    OTHER = "other"


class CloseReason(StrEnum):
    DONE = "done"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    CANCELLED = "cancelled"


LABELS: dict[str, str] = {
    # sources
    "alumni": "Alumni",
    "linkedin": "LinkedIn",
    "event": "Event",
    "conference": "Conference",
    "social": "Social media",
    "friend-family": "Friend or family",
    "colleague": "Colleague",
    "referral": "Referral",
    "other": "Other",
    # channels
    "email": "Email",
    "linkedin-note": "LinkedIn connection note",
    "linkedin-message": "LinkedIn message",
    # message kinds
    "request": "Request",
    "follow-up": "Follow-up",
    "thank-you": "Thank-you",
    "report-back": "Report-back",
    "update": "Update",
    "introduction-ask": "Introduction ask",
    "confirmation": "Time confirmation",
    "reply": "Reply",
    # path status
    "exploring": "Exploring",
    "promising": "Promising",
    "pursuing": "Pursuing",
    "dropped": "Dropped",
    # question categories
    "path": "Path into the field",
    "day-to-day": "Day-to-day",
    "challenges": "Challenges",
    "trends": "Industry trends",
    "skills": "Skills and training",
    "culture": "Culture",
    "advice": "Advice",
    "next-steps": "Resources and next steps",
    # TIARA
    "insights": "Insights",
    "resources": "Resources",
    "assignments": "Assignments",
    # action item kinds
    "course": "Course",
    "skill": "Skill",
    "certificate": "Certificate",
    "resume": "Resume change",
    "person": "Person to meet",
    # Today action kinds
    "research": "Research",
    "send": "Send",
    "try_another": "Try another door",
    "follow_up": "Follow up",
    "let_go": "Let go",
    "schedule": "Schedule",
    "prepare": "Prepare",
    "attend": "Attend",
    "capture": "Capture",
    "thank": "Thank",
    "stay_in_touch": "Stay in touch",
    "action_item": "Action item",
    "reflect": "Reflect",
    "thank_introducer": "Thank the introducer",
    # close reasons
    "done": "Done",
    "declined": "Declined",
    "no_response": "No response",
    "cancelled": "Cancelled",
}


def label(value: str) -> str:
    """The human label of a vocabulary value; unknown values are shown as given."""
    return LABELS.get(value, value.replace("_", " ").replace("-", " ").capitalize())


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Django-style (value, label) pairs for a vocabulary, in declaration order."""
    return [(member.value, label(member.value)) for member in enum]

"""Every model, importable from ``coffeechat.core.models``; each area's in its own module."""

from coffeechat.core.models.accounts import (
    ApiToken,
    CalendarFeed,
    ImportBatch,
    SignInFailure,
    SignInLink,
    hash_secret,
)
from coffeechat.core.models.base import OwnedModel, OwnedQuerySet
from coffeechat.core.models.conversations import (
    ActionItem,
    Conversation,
    Message,
    Note,
    Referral,
)
from coffeechat.core.models.due import (
    DueIndexState,
    NetworkStanding,
    NextStep,
    StepDecision,
)
from coffeechat.core.models.library import PlannedQuestion, Question, Template
from coffeechat.core.models.outreach import DailyDigest, SmtpSettings
from coffeechat.core.models.people import (
    CareerPath,
    Contact,
    ContactMerge,
    Organization,
    Profile,
)
from coffeechat.core.models.reflection import (
    FitRating,
    OpenQuestion,
    PathDecision,
    ProfileRevision,
)

__all__ = [
    "ActionItem",
    "ApiToken",
    "CalendarFeed",
    "CareerPath",
    "Contact",
    "ContactMerge",
    "Conversation",
    "DailyDigest",
    "DueIndexState",
    "FitRating",
    "ImportBatch",
    "Message",
    "NetworkStanding",
    "NextStep",
    "Note",
    "OpenQuestion",
    "Organization",
    "OwnedModel",
    "OwnedQuerySet",
    "PathDecision",
    "PlannedQuestion",
    "Profile",
    "ProfileRevision",
    "Question",
    "Referral",
    "SignInFailure",
    "SignInLink",
    "SmtpSettings",
    "StepDecision",
    "Template",
    "hash_secret",
]

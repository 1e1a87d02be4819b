from coffeechat.core.models.accounts import (
    ApiToken,
    CalendarFeed,
    ImportBatch,
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
from coffeechat.core.models.library import PlannedQuestion, Question, Template
from coffeechat.core.models.people import (
    CareerPath,
    Contact,
    ContactMerge,
    Organization,
    Profile,
)

# reflection (issue 6)
from coffeechat.core.models.reflection import (  # noqa: E402
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
    "ImportBatch",
    "Message",
    "Note",
    "Organization",
    "OwnedModel",
    "OwnedQuerySet",
    "PlannedQuestion",
    "Profile",
    "Question",
    "Referral",
    "SignInLink",
    "Template",
    "hash_secret",
    # reflection (issue 6)
    "FitRating",
    "OpenQuestion",
    "PathDecision",
    "ProfileRevision",
]

# outreach
from coffeechat.core.models.outreach import DailyDigest, SmtpSettings  # noqa: E402

__all__ += ["DailyDigest", "SmtpSettings"]

from coffeechat.core.models.due import (  # noqa: E402
    DueIndexState,
    NetworkStanding,
    NextStep,
    StepDecision,
)

__all__ += ["DueIndexState", "NetworkStanding", "NextStep", "StepDecision"]

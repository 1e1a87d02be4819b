from coffeechat.core.models.accounts import ApiToken, ImportBatch, SignInLink, hash_secret
from coffeechat.core.models.base import OwnedModel, OwnedQuerySet
from coffeechat.core.models.conversations import (
    ActionItem,
    Conversation,
    Message,
    Note,
    Referral,
)
from coffeechat.core.models.library import PlannedQuestion, Question, Template
from coffeechat.core.models.people import CareerPath, Contact, Organization, Profile

__all__ = [
    "ActionItem",
    "ApiToken",
    "CareerPath",
    "Contact",
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
]

# outreach
from coffeechat.core.models.outreach import SmtpSettings  # noqa: E402

__all__ += ["SmtpSettings"]

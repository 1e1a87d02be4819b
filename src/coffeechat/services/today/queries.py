"""What the Today and Welcome pages read besides the due list itself."""

from __future__ import annotations

from typing import Any

from coffeechat.core.models import CareerPath, Contact, Conversation


def is_new(user: Any) -> bool:
    """Nothing of the user's own yet (no contact, career path or conversation): the
    welcome page has more to offer them than an empty Today list."""
    return not (
        Contact.objects.for_user(user).exists()
        or CareerPath.objects.for_user(user).exists()
        or Conversation.objects.for_user(user).exists()
    )

"""What every user-owned row shares: an owner, timestamps, and the trash.

Every query for user data goes through ``Model.objects.for_user(user)``: it is
the one place that scopes by owner and hides trashed rows, so no view can
forget either.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user: Any) -> OwnedQuerySet:
        """The user's live rows: owned by them and not in the trash."""
        return self.filter(owner=user, deleted_at__isnull=True)

    def trashed_for_user(self, user: Any) -> OwnedQuerySet:
        return self.filter(owner=user, deleted_at__isnull=False)


def trash_index(table: str) -> models.Index:
    """The trashed rows of a large table, by owner and when: the trash page lists them
    and each visit checks what to purge. Partial, so it holds only what is in the
    trash and those reads never scan the live rows (150,000 notes, say)."""
    return models.Index(
        fields=["owner", "deleted_at"],
        condition=models.Q(deleted_at__isnull=False),
        name=f"{table}_trash",
    )


class OwnedModel(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when moved to the trash."
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

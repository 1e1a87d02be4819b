"""Sign-in links, API tokens and import batches: only hashes of secrets are stored."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

from coffeechat.core.models.base import OwnedModel


def hash_secret(secret: str) -> str:
    """SHA-256 is enough here: the secrets are 256-bit random, not passwords."""
    return hashlib.sha256(secret.encode()).hexdigest()


class SignInLink(models.Model):
    """A one-time link printed by ``coffeechat serve``; it dies on first use."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Sign-in link for user {self.owner_id}"


class ApiToken(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100, default="personal token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class SignInFailure(models.Model):
    """One wrong password or API token, kept for the throttling window, then pruned.

    Not a user's data (it has no owner, and the username may name no account), so
    it is never exported or restored.
    """

    class Kind(models.TextChoices):
        PASSWORD = "password", "password"
        TOKEN = "token", "API token"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    username = models.CharField(
        max_length=150, blank=True, help_text="Case-folded; blank for tokens."
    )
    address = models.CharField(max_length=64, help_text="The client address (IPv6 by its /64).")
    failed_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["kind", "username", "failed_at"], name="signin_fail_username"),
            models.Index(fields=["kind", "address", "failed_at"], name="signin_fail_address"),
            models.Index(fields=["failed_at"], name="signin_fail_prune"),
        ]

    def __str__(self) -> str:
        return f"Failed {self.kind} sign-in at {self.failed_at:%Y-%m-%d %H:%M}"


class ImportBatch(OwnedModel):
    """One import run, so it can be listed and undone as a whole."""

    kind = models.CharField(max_length=20)
    filename = models.CharField(max_length=300, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(null=True, blank=True)
    # imports: what the batch wrote into existing contacts, so undo can empty it again.
    filled = models.JSONField(
        default=dict, blank=True, help_text="{contact id: {field: value written}}"
    )
    problem_count = models.PositiveIntegerField(default=0)
    kept_count = models.PositiveIntegerField(
        default=0, help_text="Created contacts kept on undo because they were used since."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} import of {self.filename or 'a file'}"


# Scheduling: the private calendar feed.
class CalendarFeed(models.Model):
    """The secret behind a user's calendar feed URL; only its hash is kept.

    One per user: resetting replaces the row, so the old URL stops working at once.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar feed of user {self.owner_id}"

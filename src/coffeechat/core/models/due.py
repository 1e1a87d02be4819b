"""The due index: the engine's next steps stored per user, and what the user decided
about them (snooze, dismiss).

``NextStep`` rows are derived data: services.due_index rewrites a person's rows
in the same transaction as the change to their facts, and can rebuild them all
from the facts at any time (``coffeechat reindex``). So the ids here are plain
integers, not foreign keys: a row never outlives a recompute, and deleting a
contact must not wait on its steps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class NextStep(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Whose facts decide the step ("contact:12", "organization:3", "path:4", "item:9").
    anchor = models.CharField(max_length=40)
    key = models.CharField(max_length=80)  # the step's identity, e.g. "follow_up:conversation:12"
    kind = models.CharField(max_length=30)
    door = models.CharField(max_length=30)
    title = models.TextField()
    reason = models.TextField()
    due = models.DateField()
    due_at = models.DateTimeField(null=True)
    shows_from = models.DateTimeField(null=True)
    shows_until = models.DateTimeField(null=True)
    contact_id = models.BigIntegerField(null=True)
    organization_id = models.BigIntegerField(null=True)
    conversation_id = models.BigIntegerField(null=True)
    career_path_id = models.BigIntegerField(null=True)
    action_item_id = models.BigIntegerField(null=True)
    referral_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["owner", "due"], name="nextstep_owner_due"),
            models.Index(fields=["owner", "anchor"], name="nextstep_owner_anchor"),
            models.Index(fields=["owner", "conversation_id"], name="nextstep_owner_conversation"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (due {self.due})"


class NetworkStanding(models.Model):
    """One person of the user's network on the stay-in-touch clock (``domain``'s
    ``Standing``): derived like ``NextStep``, rewritten with it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contact_id = models.BigIntegerField()
    last_exchange_at = models.DateTimeField()
    last_exchange = models.DateField()
    ideal_days = models.PositiveIntegerField()
    ideal_due = models.DateField()
    max_due = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "contact_id"], name="standing_owner_contact")
        ]
        indexes = [models.Index(fields=["owner", "ideal_due"], name="standing_owner_ideal_due")]

    def __str__(self) -> str:
        return f"contact {self.contact_id}: update by {self.ideal_due}"


class DueIndexState(models.Model):
    """When a user's index was last built in full, and by which version of the rules.

    A version change (an upgrade that changes a rule) or a new year beyond the
    holidays the index was built with rebuilds it on the next read.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveIntegerField()
    holiday_year = models.PositiveIntegerField()
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"due index v{self.version}, built {self.built_at:%Y-%m-%d %H:%M}"


class StepDecision(models.Model):
    """A Today action the user set aside: snoozed to a date, or dismissed with a reason.

    Kept after it is undone (``undone_at``), so the history shows what was set
    aside and when. A dismissal holds for the due date it was made on: when the
    same rule comes due again (a later update, say), it shows again.
    """

    SNOOZE, DISMISS = "snooze", "dismiss"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)
    choice = models.CharField(max_length=10, choices=[(SNOOZE, "Snoozed"), (DISMISS, "Dismissed")])
    title = models.TextField()  # the action as it read, for the history
    due = models.DateField()  # the action's due date when decided
    until = models.DateField(null=True, blank=True)  # snooze: back on this day
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "key"], name="stepdecision_owner_key")]

    def __str__(self) -> str:
        return f"{self.get_choice_display()}: {self.title}"

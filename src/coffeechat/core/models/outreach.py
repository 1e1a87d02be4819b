"""Per-user outgoing mail settings, used only when the user clicks "Send by SMTP"."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class SmtpSettings(models.Model):
    """The user's own mail server. The password is stored as typed (this is the
    user's own database on their machine) and never logged or shown back."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="smtp_settings"
    )
    host = models.CharField(max_length=200)
    port = models.PositiveIntegerField(
        default=587, validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    security = models.CharField(
        max_length=8,
        choices=[("starttls", "STARTTLS"), ("ssl", "SSL/TLS"), ("none", "None (local only)")],
        default="starttls",
    )
    username = models.CharField(max_length=200, blank=True)
    password = models.CharField(max_length=200, blank=True)
    from_address = models.EmailField(help_text="The address your messages come from.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"SMTP {self.host}:{self.port}"


class DailyDigest(models.Model):
    """Whether the user asked for the daily reminder email, and the day it last went.

    ``last_sent_on`` is claimed with one conditional UPDATE before sending, so two
    runs of ``send-reminders`` on the same day (cron twice, a retry) send one email.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_digest"
    )
    enabled = models.BooleanField(default=False)
    last_sent_on = models.DateField(null=True, blank=True)  # the user's local day
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"daily digest for {self.owner_id}: {'on' if self.enabled else 'off'}"

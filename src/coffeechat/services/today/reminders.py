"""The daily reminder email: once a day, to each user who asked for it, what is due.

The digest is the Today list (``today_by_bucket``, the same engine as the page)
said as plain text by ``domain.reminders``. Sending is idempotent per user and
local day: the day is claimed with one conditional UPDATE before the email goes,
and given back if the server refuses it, so cron may run this every hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model

from coffeechat.core.models import DailyDigest, SmtpSettings
from coffeechat.domain.businessdays import local_date
from coffeechat.domain.reminders import Digest, digest
from coffeechat.services.accounts.signin import ensure_profile, sender_address
from coffeechat.services.outreach import sending
from coffeechat.services.today.due_list import today_by_bucket

PER_BUCKET = 10

SENT = "sent"
WOULD_SEND = "would send"
ALREADY_SENT = "already sent today"
NOTHING_DUE = "nothing overdue or due today"
NOT_ON = "not turned on"
FAILED = "failed"


@dataclass(frozen=True)
class ReminderResult:
    username: str
    outcome: str
    to: str = ""
    subject: str = ""
    problem: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "user": self.username,
            "outcome": self.outcome,
            "to": self.to,
            "subject": self.subject,
            "problem": self.problem,
        }

    def said(self) -> str:
        """One line for the CLI and the page."""
        if self.outcome in (SENT, WOULD_SEND):
            return f"{self.username}: {self.outcome} to {self.to}: {self.subject}"
        if self.outcome == FAILED:
            return f"{self.username}: not sent: {self.problem}"
        return f"{self.username}: {self.outcome}"


def digest_settings(user: Any) -> DailyDigest:
    """The user's choice; unsaved and off until they first turn it on (reading the
    settings page writes nothing)."""
    return DailyDigest.objects.filter(owner=user).first() or DailyDigest(owner=user)


def set_daily_digest(user: Any, enabled: bool) -> DailyDigest:
    found, _ = DailyDigest.objects.update_or_create(owner=user, defaults={"enabled": enabled})
    return found


def send_reminders(
    now: datetime, today_url: str, *, users: list[Any] | None = None, dry_run: bool = False
) -> list[ReminderResult]:
    """Every user who turned the digest on, or just ``users`` (each says why not).

    ``today_url`` is the Today page's full address, which the mail links to:
    the interface that sends knows how its pages are reached, services do not.
    """
    if users is None:
        ids = DailyDigest.objects.filter(enabled=True).values("owner_id")
        users = list(get_user_model().objects.filter(id__in=ids).order_by("id"))
    return [send_reminder(user, now, today_url, dry_run=dry_run) for user in users]


def send_reminder(
    user: Any, now: datetime, today_url: str, *, dry_run: bool = False
) -> ReminderResult:
    name = user.get_username()
    choice = digest_settings(user)
    if not choice.enabled:
        return ReminderResult(name, NOT_ON)
    day = local_date(now, ZoneInfo(ensure_profile(user).time_zone))
    if choice.last_sent_on == day:
        return ReminderResult(name, ALREADY_SENT)
    mail = _digest_for(user, now, day, today_url)
    if mail is None:
        return ReminderResult(name, NOTHING_DUE)
    try:
        server, to = _server_and_address(user)
    except sending.SendFailed as exc:
        return ReminderResult(name, FAILED, problem=str(exc))
    if dry_run:
        return ReminderResult(name, WOULD_SEND, to=to, subject=mail.subject)
    # Claim the day first: of two runs at once, only one gets the row.
    claimed = (
        DailyDigest.objects.filter(pk=choice.pk)
        .exclude(last_sent_on=day)
        .update(last_sent_on=day, last_sent_at=now)
    )
    if not claimed:
        return ReminderResult(name, ALREADY_SENT)
    try:
        sending.deliver(server, _outgoing(to, mail))
    except sending.SendFailed as exc:
        DailyDigest.objects.filter(pk=choice.pk).update(
            last_sent_on=choice.last_sent_on, last_sent_at=choice.last_sent_at
        )
        return ReminderResult(name, FAILED, to=to, subject=mail.subject, problem=str(exc))
    return ReminderResult(name, SENT, to=to, subject=mail.subject)


def _digest_for(user: Any, now: datetime, day: date, today_url: str) -> Digest | None:
    listing = today_by_bucket(user, now, PER_BUCKET)
    return digest(day, [item.action for item in listing.items], listing.counts, today_url)


def _server_and_address(user: Any) -> tuple[SmtpSettings, str]:
    """The user's own server, else the server-wide one; the email goes to the user,
    at the address their messages come from."""
    server = sending.smtp_settings(user) or sending.server_smtp_settings(settings.SMTP_URL)
    if server is None:
        raise sending.SendFailed(
            "no mail server: set one under Settings → Email (or COFFEECHAT_SMTP_URL)"
        )
    to = sender_address(user)
    if not to:
        raise sending.SendFailed("no address to send to: add your email to your profile")
    return server, to


def _outgoing(to: str, mail: Digest) -> sending.Outgoing:
    return sending.Outgoing(
        to_name="",
        to_address=to,
        from_name="coffeechat",
        from_address="",
        subject=mail.subject,
        body=mail.body,
    )

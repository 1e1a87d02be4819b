"""One informational interview with one contact, and what happens around it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.models.base import OwnedModel, trash_index
from coffeechat.core.models.people import CareerPath, Contact
from coffeechat.domain.stages import STAGE_LABELS
from coffeechat.domain.types import Medium, Sentiment, Stage
from coffeechat.domain.vocabulary import (
    ActionItemKind,
    Channel,
    CloseReason,
    Direction,
    MessageKind,
    choices,
)

MEDIUM_LABELS = {Medium.VIDEO: "Video", Medium.PHONE: "Phone", Medium.IN_PERSON: "In person"}
SENTIMENT_LABELS = {
    Sentiment.POSITIVE: "Positive: happy to talk",
    Sentiment.NEGATIVE: "Negative: declined",
    Sentiment.REFERRAL_ONLY: "Referral only: pointed to someone else",
    Sentiment.OUT_OF_OFFICE: "Out of office",
}


class Conversation(OwnedModel):
    """The stages carry a timestamp each, so the Today rules can count from them."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    career_path = models.ForeignKey(
        CareerPath, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )
    stage = models.CharField(
        max_length=16, choices=list(STAGE_LABELS.items()), default=Stage.PLANNED
    )
    medium = models.CharField(
        max_length=16, choices=list(MEDIUM_LABELS.items()), default=Medium.VIDEO
    )
    planned_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(10), MaxValueValidator(120)]
    )
    # The start is stored as wall time plus zone: "10:00 in Chicago" stays 10:00
    # in Chicago when a DST rule changes, which a UTC instant would not.
    start_date = models.DateField(null=True, blank=True)
    start_time = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    location = models.CharField(
        max_length=300, blank=True, help_text="Place, phone number or link."
    )
    purpose = models.TextField(blank=True, help_text="What you hope to learn.")

    requested_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    reply_sentiment = models.CharField(
        max_length=16, choices=list(SENTIMENT_LABELS.items()), blank=True
    )
    scheduled_at = models.DateTimeField(null=True, blank=True, help_text="When it was booked.")
    held_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)
    report_back_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.CharField(max_length=16, choices=choices(CloseReason), blank=True)
    # Scheduling: the .ics SEQUENCE; every reschedule or cancellation raises it so
    # calendar apps replace the invite they already hold instead of ignoring it.
    invite_sequence = models.PositiveIntegerField(default=0)
    # Interview mode's clock is stored, so it survives a reload or another device.
    interview_started_at = models.DateTimeField(
        null=True, blank=True, help_text="When interview mode's timer was started."
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "stage"]), trash_index("conversation")]

    def __str__(self) -> str:
        return f"Conversation with {self.contact}"

    @property
    def starts_at(self) -> datetime | None:
        if not (self.start_date and self.start_time and self.time_zone):
            return None
        return datetime.combine(self.start_date, self.start_time, tzinfo=ZoneInfo(self.time_zone))

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(Stage(self.stage), self.stage)


class Message(OwnedModel):
    """A message either way. ``sent_at`` empty means an unsent draft."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="messages")
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    channel = models.CharField(max_length=20, choices=choices(Channel), default=Channel.EMAIL)
    kind = models.CharField(
        max_length=20, choices=choices(MessageKind), default=MessageKind.REQUEST
    )
    direction = models.CharField(
        max_length=3,
        choices=[(Direction.OUTGOING, "Sent by you"), (Direction.INCOMING, "Received")],
        default=Direction.OUTGOING,
    )
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was sent or received; empty for a draft."
    )
    # outreach: messages logged by a LinkedIn messages.csv import, undoable as a batch;
    # external_id is the export's conversation id + date, so a re-import skips them.
    import_batch = models.ForeignKey(
        "core.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_id = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["sent_at", "created_at"]
        indexes = [models.Index(fields=["owner", "contact", "sent_at"])]


class Note(OwnedModel):
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    question = models.ForeignKey(
        "core.Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="notes"
    )
    text = models.TextField()
    tags = models.JSONField(default=list, blank=True)
    highlight = models.BooleanField(
        default=False, help_text="Named in the thank-you to show you listened."
    )

    class Meta:
        ordering = ["created_at"]
        indexes = [trash_index("note")]


class Referral(OwnedModel):
    """Who introduced whom: the edges of the referral tree."""

    from_contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="referrals_made"
    )
    to_contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="referrals_received"
    )
    via_conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    context = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]


class ActionItem(OwnedModel):
    """Advice turned into a task: a course, a skill, a resume change, a person to meet."""

    text = models.CharField(max_length=500)
    kind = models.CharField(
        max_length=16, choices=choices(ActionItemKind), default=ActionItemKind.OTHER
    )
    due = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    career_path = models.ForeignKey(
        CareerPath, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    source_note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )

    class Meta:
        ordering = ["due", "created_at"]

    def __str__(self) -> str:  # how the trash names it
        return self.text

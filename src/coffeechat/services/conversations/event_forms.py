"""Validation of conversation events: what happened, when, and its details."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

from coffeechat.domain.stages import EVENT_LABELS, Event
from coffeechat.domain.types import Sentiment
from coffeechat.domain.vocabulary import CloseReason, choices
from coffeechat.services.forms import TimeZoneField

SENTIMENT_CHOICES = [
    (Sentiment.POSITIVE.value, "Positive: happy to talk"),
    (Sentiment.NEGATIVE.value, "Negative: declined"),
    (Sentiment.REFERRAL_ONLY.value, "Referral only: pointed to someone else"),
    (Sentiment.OUT_OF_OFFICE.value, "Out of office (auto-reply)"),
]


class WallTimeField(forms.DateTimeField):
    """An ISO date-time kept as typed: naive stays naive, an offset is kept.

    Django's own field would read a naive value in the server's zone (UTC);
    here the caller decides which zone a wall time belongs to.
    """

    def to_python(self, value: Any) -> datetime | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise forms.ValidationError(
                f"{value!r} is not a date and time; write it like 2026-12-03T10:00."
            ) from exc
        if not 1900 <= moment.year <= 2200:
            raise forms.ValidationError(f"{moment.year} is not a plausible year.")
        return moment


class EventForm(forms.Form):
    type = forms.ChoiceField(choices=[(event.value, EVENT_LABELS[event]) for event in Event])
    at = WallTimeField(
        required=False,
        label="When",
        help_text="Leave empty for now.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    sentiment = forms.ChoiceField(choices=[("", "—")] + SENTIMENT_CHOICES, required=False)
    starts_at = WallTimeField(
        required=False,
        label="Interview starts (wall time)",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    time_zone = TimeZoneField(
        required=False, label="Interview time zone", blank_label="Your time zone"
    )
    minutes = forms.IntegerField(
        required=False, min_value=10, max_value=120, label="Length (minutes)"
    )
    reason = forms.ChoiceField(choices=[("", "—")] + choices(CloseReason), required=False)
    subject = forms.CharField(required=False, max_length=300)
    body = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, user_zone: str = "UTC", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user_zone = user_zone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        event = data.get("type")
        if event == Event.REPLY_RECEIVED and not data.get("sentiment"):
            self.add_error(
                "sentiment", "Say how they replied: positive, negative or referral only."
            )
        if event == Event.SCHEDULED:
            if not data.get("starts_at"):
                self.add_error("starts_at", "A scheduled interview needs its start.")
            if not data.get("time_zone"):
                data["time_zone"] = self.user_zone
        return data

    def moment(self, now: datetime) -> datetime:
        """When the event happened: a naive value is read in the user's zone."""
        at = self.cleaned_data.get("at")
        if at is None:
            return now
        if at.tzinfo is None:
            at = at.replace(tzinfo=ZoneInfo(self.user_zone))
        return at

    def local_start(self) -> datetime | None:
        """The interview's wall time, without zone: the zone is stored beside it."""
        start: datetime | None = self.cleaned_data.get("starts_at")
        if start is None:
            return None
        if start.tzinfo is not None:
            start = start.astimezone(ZoneInfo(self.cleaned_data["time_zone"]))
        return start.replace(tzinfo=None)

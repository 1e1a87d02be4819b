"""Validation for every write, shared by the web pages, the API and the CLI.

Each use case validates its input with one of these forms, so a bad time zone
is refused with the same words whether it came from a page or a PATCH.
Choices that point at the user's own rows are scoped in ``__init__``: another
user's organization is simply not a valid choice.
"""

from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.db.models import Q

from coffeechat.core.models import CareerPath, Contact, Conversation, Note, Organization, Profile
from coffeechat.domain.businessdays import supported_countries
from coffeechat.domain.notes import note_too_long
from coffeechat.domain.profile import (
    ProfileParseError,
    availability_from_json,
    format_availability,
    format_weighted,
    parse_availability_lines,
    parse_weighted_lines,
    weighted_from_json,
)


class NoColonMixin:
    """Labels read "Email", not "Email:"; the layout already sets them apart."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
    return [(zone, zone.replace("_", " ")) for zone in zones]


@cache
def country_choices() -> list[tuple[str, str]]:
    countries = sorted(supported_countries().items(), key=lambda item: item[1])
    return [("", "No public holidays")] + countries


class TimeZoneField(forms.ChoiceField):
    """An IANA zone menu; an optional one starts with a blank choice stored as "".

    Without the blank, a browser shows the first zone (Africa/Abidjan) as chosen
    for a record with no zone, and saving the form quietly stores it.
    """

    def __init__(self, *, blank_label: str = "Unknown", **kwargs: Any) -> None:
        def with_blank() -> list[tuple[str, str]]:
            return [("", blank_label), *time_zone_choices()]

        required = kwargs.get("required", True)
        super().__init__(choices=time_zone_choices if required else with_blank, **kwargs)
        self.error_messages["invalid_choice"] = (
            "%(value)s is not an IANA time zone (for example Europe/Berlin)."
        )


class WeightedListField(forms.CharField):
    """Lines of ``name: weight`` on the page, a JSON list through the API."""

    widget = forms.Textarea(attrs={"rows": 4})

    def to_python(self, value: Any) -> list[dict[str, object]]:  # type: ignore[override]
        try:
            if isinstance(value, list):
                items = weighted_from_json(value)
            else:
                items = parse_weighted_lines(str(value or ""))
        except ProfileParseError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return [item.as_dict() for item in items]

    def prepare_value(self, value: Any) -> Any:
        return format_weighted(value) if isinstance(value, list) else value


class AvailabilityField(WeightedListField):
    def to_python(self, value: Any) -> list[dict[str, object]]:  # type: ignore[override]
        try:
            if isinstance(value, list):
                windows = availability_from_json(value)
            else:
                windows = parse_availability_lines(str(value or ""))
        except ProfileParseError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return [window.as_dict() for window in windows]

    def prepare_value(self, value: Any) -> Any:
        return format_availability(value) if isinstance(value, list) else value


class ProfileForm(NoColonMixin, forms.ModelForm):
    time_zone = TimeZoneField(help_text="Your IANA time zone; times are shown in it.")
    holiday_country = forms.ChoiceField(
        choices=country_choices,
        required=False,
        help_text="Public holidays of this country are not counted as business days.",
    )
    interests = WeightedListField(required=False, help_text="One per line, 'name: weight 1-5'.")
    skills = WeightedListField(required=False, help_text="One per line, 'name: weight 1-5'.")
    values = WeightedListField(required=False, help_text="One per line, 'name: weight 1-5'.")
    availability = AvailabilityField(
        required=False, help_text="Weekly windows in your zone, one per line: 'Tue 09:00-12:00'."
    )

    class Meta:
        model = Profile
        fields = [
            "name",
            "email",
            "background",
            "goals",
            "interests",
            "skills",
            "values",
            "time_zone",
            "holiday_country",
            "availability",
            "default_minutes",
            "signature",
            "elevator_pitch",
            "why_this_field",
            "strict_length",
        ]
        labels = {
            "background": "Background sentence",
            "default_minutes": "Default interview length (minutes)",
            "elevator_pitch": "Tell me about yourself (two minutes)",
            "why_this_field": "Why this field (two minutes)",
            "strict_length": "Strict length check (75 words)",
        }
        widgets = {
            "background": forms.Textarea(attrs={"rows": 2}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "signature": forms.Textarea(attrs={"rows": 3}),
            "elevator_pitch": forms.Textarea(attrs={"rows": 4}),
            "why_this_field": forms.Textarea(attrs={"rows": 4}),
        }


class OwnedForm(NoColonMixin, forms.ModelForm):
    """A model form whose choices of related rows are limited to the user's own.

    Trashed rows are not offered, except the ones the row already points at:
    a contact whose organization is in the trash can still be edited without
    losing that link (restoring the organization brings it back whole).
    """

    scoped_fields: dict[str, type] = {}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for name, model in self.scoped_fields.items():
            if name in self.fields:
                field = self.fields[name]
                current = self._current_ids(name)
                queryset = model.objects.filter(owner=user).filter(
                    Q(deleted_at__isnull=True) | Q(pk__in=current)
                )
                if self.instance.pk and model is type(self.instance):
                    queryset = queryset.exclude(pk=self.instance.pk)
                field.queryset = queryset  # type: ignore[attr-defined]

    def _current_ids(self, name: str) -> list[object]:
        if not self.instance.pk:
            return []
        value = getattr(self.instance, name)
        if hasattr(value, "values_list"):
            return list(value.values_list("pk", flat=True))
        return [value.pk] if value is not None else []


class CareerPathForm(OwnedForm):
    class Meta:
        model = CareerPath
        fields = ["title", "field", "interest_phrase", "status", "notes"]
        labels = {"interest_phrase": "In a message"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class OrganizationForm(OwnedForm):
    motivation = forms.TypedChoiceField(
        coerce=int,
        choices=[(0, "0 – not interested"), (1, "1"), (2, "2"), (3, "3 – dream employer")],
        initial=0,
        help_text="How much you want to work there.",
    )
    posting = forms.TypedChoiceField(
        coerce=int,
        choices=[(1, "1 – no relevant postings"), (2, "2 – some"), (3, "3 – many")],
        initial=1,
        help_text="Relevant job postings seen there.",
    )

    class Meta:
        model = Organization
        fields = ["name", "industry", "website", "motivation", "posting", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class ContactForm(OwnedForm):
    scoped_fields = {
        "organization": Organization,
        "referred_by": Contact,
        "career_paths": CareerPath,
    }
    time_zone = TimeZoneField(
        required=False,
        blank_label="Unknown (slots assume your zone)",
        help_text="Their IANA time zone, if you know it; Unknown keeps it empty.",
    )

    class Meta:
        model = Contact
        fields = [
            "first_name",
            "last_name",
            "email",
            "linkedin_url",
            "phone",
            "organization",
            "title",
            "location",
            "time_zone",
            "source",
            "connection_line",
            "connection",
            "referred_by",
            "research_notes",
            "cadence_days",
            "do_not_contact",
            "career_paths",
        ]
        labels = {
            "connection_line": "How you are connected, said to them",
            "connection": "Private note: how you found or know them",
            "cadence_days": "Stay in touch every (days)",
        }
        widgets = {
            "connection": forms.Textarea(attrs={"rows": 2}),
            "research_notes": forms.Textarea(attrs={"rows": 6}),
            "career_paths": forms.CheckboxSelectMultiple,
        }

    def clean_linkedin_url(self) -> str:
        url: str = self.cleaned_data.get("linkedin_url", "")
        if url and "linkedin.com/" not in url.lower():
            raise forms.ValidationError(
                "A LinkedIn URL contains linkedin.com/ (a profile address)."
            )
        return url


class ConversationForm(OwnedForm):
    scoped_fields = {"contact": Contact, "career_path": CareerPath}

    class Meta:
        model = Conversation
        fields = ["contact", "career_path", "medium", "planned_minutes", "purpose"]
        labels = {"planned_minutes": "Length (minutes)", "career_path": "Career path"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 2})}

    def clean_contact(self) -> Contact:
        contact: Contact = self.cleaned_data["contact"]
        if contact.do_not_contact:
            raise forms.ValidationError(f"{contact.name} is marked do-not-contact.")
        return contact


class ConversationEditForm(OwnedForm):
    """What can change after a conversation started; the contact stays."""

    scoped_fields = {"career_path": CareerPath}

    class Meta:
        model = Conversation
        fields = ["career_path", "medium", "planned_minutes", "location", "purpose"]
        labels = {"planned_minutes": "Length (minutes)", "career_path": "Career path"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class TagsField(forms.CharField):
    """Comma-separated tags on the page, a JSON list through the API; stored lowercased."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        items = value if isinstance(value, list) else str(value or "").split(",")
        tags = sorted({str(tag).strip().lower() for tag in items if str(tag).strip()})
        if any(len(tag) > 40 for tag in tags):
            raise forms.ValidationError("A tag is at most 40 characters.")
        return tags

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value


class NoteForm(NoColonMixin, forms.ModelForm):
    tags = TagsField(required=False, help_text="Comma-separated, e.g. culture, salary.")

    class Meta:
        model = Note
        fields = ["text", "highlight", "tags"]
        labels = {"highlight": "Highlight: a specific point for the thank-you"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if (too_long := note_too_long(len(text))) is not None:
            raise forms.ValidationError(too_long)
        return text

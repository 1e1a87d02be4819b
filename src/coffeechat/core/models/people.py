"""The user's profile, career paths, organizations and contacts."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.models.base import OwnedModel, trash_index
from coffeechat.domain.merge_phrases import connection_sentence
from coffeechat.domain.vocabulary import PathStatus, Source, choices


def _empty_list() -> list[object]:
    return []


def _empty_dict() -> dict[str, object]:
    return {}


class Profile(models.Model):
    """One per user: who they are, what they value, and how the rules behave for them."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(
        blank=True,
        help_text="Your address: the sender of .eml drafts and the organizer of invites.",
    )
    background = models.TextField(
        blank=True, help_text="One sentence about you, used in introductions."
    )
    interests = models.JSONField(default=_empty_list, blank=True, help_text="[{name, weight 1-5}]")
    skills = models.JSONField(default=_empty_list, blank=True, help_text="[{name, weight 1-5}]")
    values = models.JSONField(default=_empty_list, blank=True, help_text="[{name, weight 1-5}]")
    goals = models.TextField(blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    holiday_country = models.CharField(max_length=8, blank=True, default="")
    availability = models.JSONField(
        default=_empty_list, blank=True, help_text="[{weekday 0-6, start HH:MM, end HH:MM}]"
    )
    default_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(15), MaxValueValidator(60)]
    )
    signature = models.TextField(blank=True)
    elevator_pitch = models.TextField(
        blank=True, help_text='Your answer to "tell me about yourself".'
    )
    why_this_field = models.TextField(blank=True)
    rule_settings = models.JSONField(
        default=_empty_dict, blank=True, help_text="Overrides of the follow-up rule numbers."
    )
    strict_length = models.BooleanField(
        default=False, help_text="Use the 75-word limit for first emails instead of 100."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name or f"Profile of user {self.owner_id}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


class CareerPath(OwnedModel):
    title = models.CharField(max_length=200)
    field = models.CharField(max_length=200, blank=True)
    interest_phrase = models.CharField(
        max_length=200,
        blank=True,
        help_text='How you name it in a message, after "I am exploring"; empty uses the title.',
    )
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=16, choices=choices(PathStatus), default=PathStatus.EXPLORING
    )
    last_reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Organization(OwnedModel):
    """A target organization. Advocacy is derived from the contacts known there."""

    name = models.CharField(max_length=200)
    industry = models.CharField(max_length=200, blank=True)
    website = models.URLField(blank=True)
    motivation = models.PositiveSmallIntegerField(
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(3)],
        help_text="How much you want to work there, 0-3.",
    )
    posting = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text="Relevant job postings: 1 none, 2 some, 3 many.",
    )
    notes = models.TextField(blank=True)
    import_batch = models.ForeignKey(
        "core.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name


class Contact(OwnedModel):
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    linkedin_url = models.URLField(blank=True, verbose_name="LinkedIn URL")
    phone = models.CharField(max_length=40, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    title = models.CharField(max_length=200, blank=True, verbose_name="role or title")
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    source = models.CharField(max_length=16, choices=choices(Source), default=Source.OTHER)
    connection = models.TextField(
        blank=True,
        help_text="Only for you: how you found or know them. Never put into a message.",
    )
    # Said to the contact in messages ({connection}); kept apart from the private
    # note above, which is written about them and would read wrong sent to them.
    connection_line = models.CharField(
        max_length=300,
        blank=True,
        help_text=(
            'How you are connected, as you would say it to them ("We were both at Config '
            '2025"). Empty: a sentence from who introduced you or the source.'
        ),
    )
    referred_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="referred"
    )
    research_notes = models.TextField(
        blank=True,
        help_text="Background, articles, trajectory: what you learned before reaching out.",
    )
    cadence_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Stay-in-touch cadence in days; empty uses your default.",
    )
    do_not_contact = models.BooleanField(default=False)
    career_paths = models.ManyToManyField(CareerPath, blank=True, related_name="contacts")
    import_batch = models.ForeignKey(
        "core.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["owner", "email"]),
            models.Index(fields=["owner", "organization"]),
            trash_index("contact"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def connection_said(self) -> str:
        """The ``{connection}`` sentence messages to them use; empty when none can be said."""
        introducer = self.referred_by.name if self.referred_by_id and self.referred_by else ""
        return connection_sentence(self.connection_line, self.source, introducer)


class ContactMerge(OwnedModel):
    """Two records of one person made one, kept so the merge can be undone.

    ``moved`` lists the ids of the rows that pointed at ``merged`` and now point at
    ``kept`` ({"conversations": [...], "messages": [...], ...}); ``filled`` the
    fields of ``kept`` that were empty and took ``merged``'s value. ``merged`` goes
    to the trash; undo brings it back and moves exactly those rows back.
    """

    kept = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="merges_kept")
    merged = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="merges_into")
    moved = models.JSONField(default=dict, blank=True)
    filled = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"merge of contact {self.merged_id} into {self.kept_id}"

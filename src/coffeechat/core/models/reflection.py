"""Reflection: the profile's history, each path's fit ratings, decisions and open questions."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.models.base import OwnedModel
from coffeechat.core.models.people import CareerPath
from coffeechat.domain.reflection import CriterionKind
from coffeechat.domain.vocabulary import PathStatus, choices


def _empty_list() -> list[object]:
    return []


def _empty_dict() -> dict[str, object]:
    return {}


class ProfileRevision(OwnedModel):
    """One saved version of the weighted interests, skills and values, kept as history."""

    SOURCES = [("guide", "Self-reflection guide"), ("profile", "Profile page"), ("api", "API")]

    source = models.CharField(max_length=16, choices=SOURCES, default="guide")
    interests = models.JSONField(default=_empty_list, blank=True)
    skills = models.JSONField(default=_empty_list, blank=True)
    values = models.JSONField(default=_empty_list, blank=True)
    # The guide's own answers, so the guide reopens with the user's words, not a summary.
    answers = models.JSONField(default=_empty_dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Profile as of {self.created_at:%Y-%m-%d %H:%M}"

    def lists(self) -> dict[str, list[dict[str, object]]]:
        return {"interests": self.interests, "skills": self.skills, "values": self.values}


class FitRating(OwnedModel):
    """How well a path meets one interest, skill or value, 1-5, and the notes that say so."""

    career_path = models.ForeignKey(
        CareerPath, on_delete=models.CASCADE, related_name="fit_ratings"
    )
    kind = models.CharField(max_length=16, choices=choices(CriterionKind))
    name = models.CharField(max_length=100)
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note_ids = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["career_path", "kind", "name"]
        indexes = [models.Index(fields=["owner", "career_path"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.score}/5 for {self.career_path}"


class PathDecision(OwnedModel):
    """A dated entry of a path's decision log: each review, with the status it left."""

    career_path = models.ForeignKey(CareerPath, on_delete=models.CASCADE, related_name="decisions")
    status = models.CharField(max_length=16, choices=choices(PathStatus))
    previous_status = models.CharField(max_length=16, choices=choices(PathStatus), blank=True)
    reason = models.TextField(blank=True)
    decided_at = models.DateTimeField()
    fit_score = models.FloatField(null=True, blank=True, help_text="The fit score at the time.")

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.career_path}: {self.status} on {self.decided_at:%Y-%m-%d}"


class OpenQuestion(OwnedModel):
    """Something still unknown about a path, to ask in the next conversations."""

    career_path = models.ForeignKey(
        CareerPath, on_delete=models.CASCADE, related_name="open_questions"
    )
    text = models.CharField(max_length=500)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["answered_at", "created_at"]

    def __str__(self) -> str:
        return self.text

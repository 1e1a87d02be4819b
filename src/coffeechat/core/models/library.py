"""The user's question bank, question plans and message templates."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.models.base import OwnedModel
from coffeechat.core.models.conversations import Conversation
from coffeechat.domain.vocabulary import Channel, MessageKind, QuestionCategory, Tiara, choices


class Question(OwnedModel):
    text = models.TextField()
    category = models.CharField(max_length=16, choices=choices(QuestionCategory))
    tiara = models.CharField(max_length=16, choices=choices(Tiara), verbose_name="TIARA tag")
    minutes = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    findable_online = models.BooleanField(
        default=False, help_text="Could be answered by a web search: better not asked."
    )
    builtin = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    # Which shipped question this is, so a new release can update its wording.
    key = models.CharField(
        max_length=64, blank=True, help_text="The built-in question's stable key; empty for yours."
    )
    role = models.CharField(
        max_length=8,
        blank=True,
        choices=[("", "Question"), ("opener", "Opener"), ("closer", "Closing question")],
        help_text="Openers start a plan, the closing question ends it.",
    )

    class Meta:
        ordering = ["category", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=~models.Q(key=""),
                name="question_builtin_key_once_per_owner",
            )
        ]

    def __str__(self) -> str:
        return self.text


class PlannedQuestion(OwnedModel):
    """One line of a conversation's question plan, in the order it will be asked."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="planned_questions"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    minutes = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Override.")
    asked = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]


class Template(OwnedModel):
    name = models.CharField(max_length=200)
    channel = models.CharField(max_length=20, choices=choices(Channel), default=Channel.EMAIL)
    kind = models.CharField(
        max_length=20, choices=choices(MessageKind), default=MessageKind.REQUEST
    )
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    builtin = models.BooleanField(default=False)
    # outreach: which built-in this row came from (seeding is idempotent by it),
    # and hidden built-ins stay out of the composer's list without being deleted.
    builtin_key = models.CharField(max_length=40, blank=True)
    hidden = models.BooleanField(default=False, help_text="Not offered in the composer.")

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:  # outreach: named in the trash and the composer
        return self.name

"""Validation for the question bank, the plan and interview mode's captures."""

from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.core.models import ActionItem, Question
from coffeechat.domain.vocabulary import ActionItemKind, choices
from coffeechat.services.forms import NoColonMixin


class QuestionForm(NoColonMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "category", "tiara", "minutes", "findable_online"]
        labels = {
            "text": "Question",
            "minutes": "Minutes it usually takes",
            "findable_online": "Could be found online (better not asked)",
        }
        help_texts = {
            "text": "Open-ended: what only this person can tell you.",
            "tiara": "Trends, insights, advice, resources or assignments.",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self) -> str:
        text = " ".join(str(self.cleaned_data.get("text", "")).split())
        if len(text) < 8:
            raise forms.ValidationError("Write the whole question (at least 8 characters).")
        if len(text) > 500:
            raise forms.ValidationError("Keep a question under 500 characters.")
        return text


class ReferralForm(NoColonMixin, forms.Form):
    name = forms.CharField(max_length=200, help_text="First and last name, as they said it.")
    organization = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=200, required=False, label="Role or title")
    context = forms.CharField(
        max_length=1000,
        required=False,
        label="Why talk to them",
        help_text="One line: what they said about this person.",
    )

    def clean_name(self) -> str:
        name = " ".join(str(self.cleaned_data.get("name", "")).split())
        if not name:
            raise forms.ValidationError("Write the person's name.")
        return name

    def split_name(self) -> tuple[str, str]:
        first, _, last = self.cleaned_data["name"].partition(" ")
        return first[:100], last[:100]


class AdviceForm(NoColonMixin, forms.ModelForm):
    kind = forms.ChoiceField(choices=choices(ActionItemKind), initial=ActionItemKind.COURSE)

    class Meta:
        model = ActionItem
        fields = ["text", "kind", "due"]
        labels = {"text": "Advice to act on", "due": "Do it by"}
        help_texts = {"due": "With a date it shows on Today when due."}
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def clean_text(self) -> str:
        text = " ".join(str(self.cleaned_data.get("text", "")).split())
        if not text:
            raise forms.ValidationError("Write what you will do.")
        return text


class PitchForm(NoColonMixin, forms.Form):
    """The two answers prepared for every interview, edited from the brief."""

    elevator_pitch = forms.CharField(
        required=False,
        max_length=3000,
        label="Tell me about yourself (two minutes)",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="About 250 words read aloud take two minutes.",
    )
    why_this_field = forms.CharField(
        required=False,
        max_length=3000,
        label="Why this field (two minutes)",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def as_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name].strip() for name in self.fields}

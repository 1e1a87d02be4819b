"""The user's message templates: built-ins seeded once, then theirs to edit, hide or trash."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction

from coffeechat.core.models import Template
from coffeechat.domain import templates as merge
from coffeechat.domain.builtin_templates import BUILTINS
from coffeechat.services.errors import InvalidInput
from coffeechat.services.owned import get_owned

__all__ = ["InvalidInput", "TemplateForm"]
from coffeechat.services.forms import NoColonMixin


class TemplateForm(NoColonMixin, forms.ModelForm):
    class Meta:
        model = Template
        fields = ["name", "channel", "kind", "subject", "body", "hidden"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "body": "Merge fields in braces, like {first_name}; write {{ or }} for a brace.",
        }

    def clean_subject(self) -> str:
        return _merge_valid(self.cleaned_data.get("subject", ""))

    def clean_body(self) -> str:
        return _merge_valid(self.cleaned_data.get("body", ""))


def _merge_valid(text: str) -> str:
    try:
        merge.validate(text)
    except merge.TemplateError as exc:
        raise forms.ValidationError(str(exc)) from exc
    return text


def seed_templates(user: Any) -> int:
    """Add the built-ins the user does not have yet (by key); returns how many were added.

    A built-in the user edited, hid or trashed is left alone: the key is still there.
    """
    have = set(
        Template.objects.filter(owner=user)
        .exclude(builtin_key="")
        .values_list("builtin_key", flat=True)
    )
    new = [
        Template(
            owner=user,
            builtin=True,
            builtin_key=b.key,
            name=b.name,
            channel=b.channel.value,
            kind=b.kind.value,
            subject=b.subject,
            body=b.body,
        )
        for b in BUILTINS
        if b.key not in have
    ]
    with transaction.atomic():
        Template.objects.bulk_create(new)
    return len(new)


# The order the process uses them in, so the list reads like the journey.
KIND_ORDER = [
    "request",
    "follow-up",
    "confirmation",
    "introduction-ask",
    "thank-you",
    "report-back",
    "update",
]
CHANNEL_ORDER = ["email", "linkedin-message", "linkedin-note"]


def _position(value: str, order: list[str]) -> int:
    return order.index(value) if value in order else len(order)


def list_templates(user: Any, *, include_hidden: bool = True) -> list[Template]:
    """The user's templates in journey order: requests first, email before LinkedIn."""
    seed_templates(user)
    rows = Template.objects.for_user(user)
    if not include_hidden:
        rows = rows.filter(hidden=False)
    return sorted(
        rows,
        key=lambda t: (
            _position(t.kind, KIND_ORDER),
            _position(t.channel, CHANNEL_ORDER),
            t.name.lower(),
        ),
    )


def save_template(user: Any, data: dict[str, Any], pk: object = None) -> Template:
    """Create (no ``pk``) or change a template; an unknown merge field is refused by name."""
    instance = get_owned(user, Template, pk) if pk is not None else None
    form = TemplateForm(data, instance=instance)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    template: Template = form.save(commit=False)
    template.owner = user
    template.save()
    return template


def set_hidden(user: Any, pk: object, hidden: bool) -> Template:
    template: Template = get_owned(user, Template, pk)
    template.hidden = hidden
    template.save(update_fields=["hidden", "updated_at"])
    return template


def template_by_key(user: Any, key: str) -> Template | None:
    """A built-in by its key (Today links to one), unless the user trashed it."""
    seed_templates(user)
    return Template.objects.for_user(user).filter(builtin_key=key).first()

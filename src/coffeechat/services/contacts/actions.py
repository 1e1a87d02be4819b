"""Create, change and trash the user's career paths, organizations and contacts.

Every write validates through the form of its use case (services.forms) and
raises InvalidInput with per-field messages, changing nothing, when it fails.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.forms.models import model_to_dict

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Note,
    OpenQuestion,
    Organization,
    OwnedModel,
    Profile,
    Question,
    Template,
)
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.forms import (
    CareerPathForm,
    ContactForm,
    OrganizationForm,
    OwnedForm,
    ProfileForm,
)
from coffeechat.services.owned import get_owned
from coffeechat.services.reflection import self_reflection

TRASHABLE: dict[str, type[OwnedModel]] = {
    "career_path": CareerPath,
    "organization": Organization,
    "contact": Contact,
    "conversation": Conversation,
    "note": Note,
    # reflection (issue 6)
    "action_item": ActionItem,
    "open_question": OpenQuestion,
    # outreach
    "template": Template,
}
# -- prep area: the user's own questions (built-in ones are hidden instead) -------------
TRASHABLE["question"] = Question


def current_values(instance: models.Model, fields: list[str]) -> dict[str, object]:
    """A row's values in the shape a form accepts, so PATCH can merge into them."""
    values = model_to_dict(instance, fields=fields)
    for name, value in values.items():
        if isinstance(value, list) and value and isinstance(value[0], models.Model):
            values[name] = [item.pk for item in value]
    return values


def merged_with_current(
    form_class: type, instance: models.Model, data: dict[str, Any], partial: bool
) -> dict:
    if not partial:
        return data
    return {**current_values(instance, list(form_class._meta.fields)), **data}


def _save(form: Any) -> Any:
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    with transaction.atomic():
        instance = form.save(commit=False)
        if isinstance(instance, OwnedModel) and not instance.owner_id:
            instance.owner = form.user
        instance.save()
        form.save_m2m()
    return instance


def _create(user: Any, form_class: type[OwnedForm], data: dict[str, Any]) -> Any:
    return _save(form_class(data, user=user))


def _update(
    user: Any, form_class: type[OwnedForm], pk: object, data: dict[str, Any], partial: bool
) -> Any:
    model = form_class._meta.model
    instance = get_owned(user, model, pk)
    form = form_class(
        merged_with_current(form_class, instance, data, partial), instance=instance, user=user
    )
    return _save_fields(form, _written(form_class, data, partial))


def _written(form_class: type, data: dict[str, Any], partial: bool) -> list[str]:
    """A partial change writes the fields sent; a whole form writes all of its own."""
    fields = list(form_class._meta.fields)
    return [name for name in fields if name in data] if partial else fields


def _save_fields(form: Any, names: list[str]) -> Any:
    """Write only ``names``: the other values came from an earlier read, and writing
    them back would undo whatever another request changed since."""
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    instance = form.save(commit=False)
    many = {field.name: field for field in instance._meta.many_to_many if field.name in names}
    columns = [name for name in names if name not in many]
    with transaction.atomic():
        if names:
            instance.save(update_fields=[*columns, "updated_at"])
        for name, field in many.items():
            field.save_form_data(instance, form.cleaned_data[name])
    return instance


def update_profile(user: Any, data: dict[str, Any], *, partial: bool = False) -> Profile:
    profile = ensure_profile(user)
    # reflection (issue 6): read before validating, which already updates the instance.
    before = self_reflection.profile_lists(profile)
    form = ProfileForm(merged_with_current(ProfileForm, profile, data, partial), instance=profile)
    _save_fields(form, _written(ProfileForm, data, partial))
    self_reflection.record_revision(profile, before, source="profile")
    return profile


def create_career_path(user: Any, data: dict[str, Any]) -> CareerPath:
    return _create(user, CareerPathForm, data)


def update_career_path(
    user: Any, pk: object, data: dict[str, Any], *, partial: bool = False
) -> CareerPath:
    return _update(user, CareerPathForm, pk, data, partial)


def create_organization(user: Any, data: dict[str, Any]) -> Organization:
    return _create(user, OrganizationForm, data)


def update_organization(
    user: Any, pk: object, data: dict[str, Any], *, partial: bool = False
) -> Organization:
    return _update(user, OrganizationForm, pk, data, partial)


def create_contact(user: Any, data: dict[str, Any]) -> Contact:
    return _create(user, ContactForm, data)


def update_contact(
    user: Any, pk: object, data: dict[str, Any], *, partial: bool = False
) -> Contact:
    return _update(user, ContactForm, pk, data, partial)


def move_to_trash(user: Any, kind: str, pk: object, now: datetime) -> OwnedModel:
    """Hide a row from every list; it stays restorable from the trash page."""
    instance = get_owned(user, _trashable(kind), pk)
    instance.deleted_at = now
    instance.save(update_fields=["deleted_at", "updated_at"])
    return instance


def restore_from_trash(user: Any, kind: str, pk: object) -> OwnedModel:
    model = _trashable(kind)
    instance = model.objects.trashed_for_user(user).filter(pk=pk).first()
    if instance is None:
        raise NotFound(f"Nothing in the trash with id {pk}.")
    instance.deleted_at = None
    instance.save(update_fields=["deleted_at", "updated_at"])
    return instance


def _trashable(kind: str) -> type[OwnedModel]:
    try:
        return TRASHABLE[kind]
    except KeyError as exc:
        raise NotFound(f"'{kind}' cannot be trashed.") from exc

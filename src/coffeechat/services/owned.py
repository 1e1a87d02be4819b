"""One of the user's rows by id: the lookup every area's ``owned_*`` query starts from."""

from __future__ import annotations

from typing import Any

from coffeechat.core.models import OwnedModel
from coffeechat.services.errors import NotFound


def get_owned(user: Any, model: type[OwnedModel], pk: object) -> Any:
    """The user's live row or NotFound; another user's row is not found either."""
    try:
        return model.objects.for_user(user).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(f"No {model._meta.verbose_name} with id {pk}.") from exc

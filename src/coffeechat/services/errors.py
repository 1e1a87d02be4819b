"""Errors every interface (web, API, CLI) turns into a clear message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class InvalidInput(ValueError):
    """Input refused, with the messages per field; nothing was changed.

    ``errors`` maps a field name (or ``"__all__"``) to its messages, the shape
    of Django's ``form.errors``, so a view can show them beside the inputs and
    the API can return them as JSON.
    """

    def __init__(self, errors: Mapping[str, Sequence[str]], form: object = None) -> None:
        self.errors = {field: list(messages) for field, messages in errors.items()}
        self.form = form
        super().__init__(self.summary())

    def summary(self) -> str:
        parts = []
        for field, messages in self.errors.items():
            where = "" if field == "__all__" else f"{field}: "
            parts.append(where + " ".join(messages))
        return "; ".join(parts)


class NotFound(LookupError):
    """No such object for this user (another user's object is not found either)."""

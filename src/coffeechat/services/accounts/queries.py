"""Who has an account: what the CLI asks when it picks the account to act for."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model


def user_named(username: str) -> Any | None:
    return get_user_model().objects.filter(username=username).first()


def usernames(limit: int) -> tuple[list[str], int]:
    """The first ``limit`` usernames, oldest account first, and how many there are."""
    accounts = get_user_model().objects
    names = list(accounts.order_by("id").values_list("username", flat=True)[:limit])
    return names, (len(names) if len(names) < limit else accounts.count())

"""The self-reflection guide and the history of the weighted profile.

Every change to the profile's interests, skills or values, from the guide or
the profile page, leaves a ``ProfileRevision``; the history shows what changed
at each step, computed by ``domain.self_reflection.profile_changes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from coffeechat.core.models import Profile, ProfileRevision
from coffeechat.domain.self_reflection import (
    Change,
    GuideAnswers,
    GuideError,
    answers_from_profile,
    profile_changes,
    profile_from_answers,
)
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput

GUIDE_FIELDS = ("energisers", "enjoyed_skills", "growth_skills", "ranked_values")
MAX_ANSWER = 5_000
HISTORY_LENGTH = 50


def profile_lists(profile: Profile) -> dict[str, list[dict[str, object]]]:
    return {
        "interests": list(profile.interests or []),
        "skills": list(profile.skills or []),
        "values": list(profile.values or []),
    }


def guide_answers(user: Any) -> GuideAnswers:
    """The answers last given in the guide, or ones that reproduce the current profile."""
    latest = ProfileRevision.objects.for_user(user).filter(source="guide").first()
    if latest is not None and latest.answers:
        return GuideAnswers(**{name: str(latest.answers.get(name, "")) for name in GUIDE_FIELDS})
    profile = ensure_profile(user)
    return answers_from_profile(profile.interests, profile.skills, profile.values)


def save_guide(user: Any, data: dict[str, Any]) -> ProfileRevision | None:
    """Turn the guide's answers into the profile's weighted lists; refuse a bad line by field.

    Returns the new revision, or None when the answers change nothing.
    """
    answers = _answers(data)
    try:
        weighted = profile_from_answers(answers)
    except GuideError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from exc
    profile = ensure_profile(user)
    before = profile_lists(profile)
    after = weighted.as_json()
    with transaction.atomic():
        profile.interests, profile.skills, profile.values = (
            after["interests"],
            after["skills"],
            after["values"],
        )
        profile.save(update_fields=["interests", "skills", "values", "updated_at"])
        return record_revision(profile, before, source="guide", answers=answers.as_dict())


def _answers(data: dict[str, Any]) -> GuideAnswers:
    errors = {
        name: [f"At most {MAX_ANSWER} characters."]
        for name in GUIDE_FIELDS
        if len(str(data.get(name) or "")) > MAX_ANSWER
    }
    if errors:
        raise InvalidInput(errors)
    return GuideAnswers(**{name: str(data.get(name) or "") for name in GUIDE_FIELDS})


def record_revision(
    profile: Profile,
    before: dict[str, list[dict[str, object]]],
    *,
    source: str,
    answers: dict[str, str] | None = None,
) -> ProfileRevision | None:
    """Keep the new weighted lists as a revision when they differ from ``before``.

    The very first revision also stores ``before`` (when not empty), so the
    history starts from what the user had, not from the first change.
    """
    after = profile_lists(profile)
    if not profile_changes(before, after) and not (answers and _answers_changed(profile, answers)):
        return None
    revisions = ProfileRevision.objects.for_user(profile.owner)
    if not revisions.exists() and any(before.values()):
        ProfileRevision.objects.create(owner=profile.owner, source="profile", **before)
    return ProfileRevision.objects.create(
        owner=profile.owner, source=source, answers=answers or {}, **after
    )


def _answers_changed(profile: Profile, answers: dict[str, str]) -> bool:
    latest = ProfileRevision.objects.for_user(profile.owner).filter(source="guide").first()
    return latest is None or latest.answers != answers


@dataclass(frozen=True)
class HistoryEntry:
    revision: ProfileRevision
    changes: list[Change]


def profile_history(user: Any, limit: int = HISTORY_LENGTH) -> list[HistoryEntry]:
    """The revisions, newest first, each with what changed since the one before it."""
    revisions = list(ProfileRevision.objects.for_user(user)[: limit + 1])
    entries = []
    for index, revision in enumerate(revisions[:limit]):
        previous = revisions[index + 1].lists() if index + 1 < len(revisions) else {}
        entries.append(HistoryEntry(revision, profile_changes(previous, revision.lists())))
    return entries

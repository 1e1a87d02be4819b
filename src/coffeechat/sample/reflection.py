"""The sample campaign's reflection: a few fit ratings citing the notes Maya took.

Ratings only, no review: a review would reset the Reflect rule the sample
campaign shows on Today.
"""

from __future__ import annotations

from typing import Any

from coffeechat.core.models import CareerPath, Note
from coffeechat.services.reflection.paths import save_ratings

# path key -> (kind, criterion, rating, the start of each note cited)
SAMPLE_RATINGS: dict[str, tuple[tuple[str, str, int, tuple[str, ...]], ...]] = {
    "ux": (
        ("interest", "Interviewing and observation", 5, ("Diary studies with teachers",)),
        ("interest", "Understanding how people learn and decide", 5, ("Diary studies",)),
        ("skill", "Explaining complex ideas simply", 4, ("My lesson-study write-ups",)),
        ("value", "Impact on learners", 4, ("Lumen hires researchers",)),
        ("value", "Stability", 2, ("The hardest part is saying",)),
    ),
    "pm": (
        ("interest", "Building products people use", 4, ("A PM's week is half meetings",)),
        ("value", "Work-life balance", 2, ("A PM's week is half meetings",)),
        ("value", "Collaboration", 4, ("A PM's week is half meetings",)),
    ),
    "data": (
        ("interest", "Evidence and data", 5, ("Learn SQL window functions",)),
        ("skill", "SQL (beginner)", 2, ("Learn SQL window functions",)),
    ),
}


def rate_sample_paths(user: Any, paths: dict[str, CareerPath]) -> None:
    for key, ratings in SAMPLE_RATINGS.items():
        if key not in paths:
            continue
        items = [
            {"kind": kind, "name": name, "score": score, "note_ids": _notes(user, starts)}
            for kind, name, score, starts in ratings
        ]
        save_ratings(user, paths[key].pk, items)


def _notes(user: Any, starts: tuple[str, ...]) -> list[int]:
    found: list[int] = []
    for start in starts:
        found += (
            Note.objects.for_user(user).filter(text__startswith=start).values_list("pk", flat=True)
        )
    return found

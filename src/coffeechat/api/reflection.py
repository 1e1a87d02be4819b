"""A career path's fit: the criteria, the user's ratings, the cited notes and the score."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from coffeechat.api.common import READ_ERRORS, WRITE_ERRORS, now
from coffeechat.services.reflection import paths as reflection

router = Router(tags=["reflection"])


class Criterion(Schema):
    kind: str  # interest, skill or value
    name: str
    weight: int
    rating: int | None  # 1-5, None while unrated
    evidence_note_ids: list[int]
    pull: int  # weight x (rating - 3): how hard it pushes the score up or down


class Theme(Schema):
    tag: str
    notes: int
    conversations: int
    quote_note_ids: list[int]


class FitOut(Schema):
    career_path_id: int
    title: str
    status: str
    score: float | None  # weighted mean rating, 1-5
    percent: int | None  # the score on 0-100
    coverage: float  # share of the profile's weight that is rated, 0-1
    criteria: list[Criterion]
    drivers: list[str]
    drags: list[str]
    themes: list[Theme]
    interviews_held: int
    held_since_review: int


@router.get(
    "/{career_path_id}/fit",
    response={200: FitOut, **READ_ERRORS},
    summary="A career path's fit",
)
def get_fit(request: HttpRequest, career_path_id: int):
    """How well the path fits your weighted interests, skills and values.

    ``score`` is ``sum(weight x rating) / sum(weight)`` over the rated criteria;
    each criterion lists the ids of the notes cited as evidence for its rating.
    """
    return _fit(request.auth, career_path_id)


class RatingIn(Schema):
    kind: str
    name: str
    rating: int | None = None  # None clears the rating
    evidence_note_ids: list[int] = []


class RatingsIn(Schema):
    ratings: list[RatingIn]


@router.put(
    "/{career_path_id}/fit",
    response={200: FitOut, **WRITE_ERRORS},
    summary="Rate a career path's fit",
)
def put_fit(request: HttpRequest, career_path_id: int, payload: RatingsIn):
    """Rate the criteria sent (others keep their ratings), each citing notes by id.

    A criterion must be one of your profile's interests, skills or values;
    refused items are named ``kind:name`` in ``errors`` and nothing is saved.
    """
    items = [
        {"kind": r.kind, "name": r.name, "score": r.rating, "note_ids": r.evidence_note_ids}
        for r in payload.ratings
    ]
    reflection.save_ratings(request.auth, career_path_id, items)
    return _fit(request.auth, career_path_id)


class ReviewIn(Schema):
    status: str
    reason: str = ""


class ReviewOut(Schema):
    id: int
    status: str
    previous_status: str
    reason: str
    decided_at: datetime
    fit_score: float | None


@router.post(
    "/{career_path_id}/reviews",
    response={201: ReviewOut, **WRITE_ERRORS},
    summary="Record a review of a career path",
)
def post_review(request: HttpRequest, career_path_id: int, payload: ReviewIn):
    """Log a dated decision and set the path's status; a changed status needs a ``reason``.

    Sets ``last_reviewed_at``, which resets Today's ``reflect`` action.
    """
    decision = reflection.review_path(request.auth, career_path_id, payload.dict(), now())
    return Status(201, decision)


def _fit(user: object, career_path_id: int) -> dict[str, object]:
    return reflection.fit_as_dict(reflection.reflect_on_path(user, career_path_id))

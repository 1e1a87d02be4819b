"""Reflection on career paths: the fit matrix with cited notes, themes, open questions,
the decision log and the side-by-side comparison.

The numbers come from ``domain.reflection``; this module reads and writes the rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from coffeechat.core.models import (
    CareerPath,
    FitRating,
    Note,
    OpenQuestion,
    PathDecision,
)
from coffeechat.domain.reflection import (
    Criterion,
    CriterionKind,
    Fit,
    FitRow,
    NoteFacts,
    Rating,
    Theme,
    compute_fit,
    count_themes,
    criteria_from_profile,
    criterion_key,
)
from coffeechat.domain.vocabulary import PathStatus, label
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput, NotFound
from coffeechat.services.owned import get_owned

THEMES_ON_PAGE = 12
THEMES_IN_COMPARISON = 3


@dataclass(frozen=True)
class RowView:
    """A fit row with the Note rows it cites, for the page and the API."""

    row: FitRow
    evidence: list[Note]

    @property
    def field(self) -> str:
        """The form field prefix of this criterion: ``skill:sql``."""
        kind, name = self.row.criterion.key
        return f"{kind}:{name}"


@dataclass
class PathReflection:
    path: CareerPath
    fit: Fit
    rows: list[RowView]
    notes: list[Note]  # the notes of the path's conversations, oldest first
    themes: list[Theme]
    open_questions: list[OpenQuestion]
    decisions: list[PathDecision]
    held: int
    held_since_review: int
    notes_by_id: dict[int, Note] = field(default_factory=dict)


def user_criteria(user: Any) -> list[Criterion]:
    profile = ensure_profile(user)
    return criteria_from_profile(profile.interests, profile.skills, profile.values)


def path_notes(user: Any, paths: list[int]) -> QuerySet[Note]:
    """The live notes taken in the live conversations of ``paths``."""
    return (
        Note.objects.for_user(user)
        .filter(
            conversation__career_path_id__in=paths,
            conversation__deleted_at__isnull=True,
            conversation__contact__deleted_at__isnull=True,
        )
        .select_related("conversation__contact", "question")
        .order_by("created_at", "id")
    )


def note_facts(note: Note) -> NoteFacts:
    conversation = note.conversation
    return NoteFacts(
        id=note.pk,
        text=note.text,
        tags=tuple(str(tag) for tag in note.tags or ()),
        highlight=note.highlight,
        conversation_id=note.conversation_id,
        contact_name=conversation.contact.name if conversation else "",
        question=note.question.text if note.question_id else "",
    )


def ratings_of(path: CareerPath) -> list[Rating]:
    return [
        Rating(CriterionKind(r.kind), r.name, r.score, tuple(int(i) for i in r.note_ids or ()))
        for r in FitRating.objects.for_user(path.owner).filter(career_path=path)
    ]


def reflect_on_path(user: Any, path_id: object) -> PathReflection:
    path: CareerPath = get_owned(user, CareerPath, path_id)
    fit = compute_fit(user_criteria(user), ratings_of(path))
    notes = list(path_notes(user, [path.pk]))
    by_id = {note.pk: note for note in notes}
    _load_cited_elsewhere(user, fit, by_id)
    rows = [RowView(row, [by_id[i] for i in row.note_ids if i in by_id]) for row in fit.rows]
    held = path.conversations.filter(deleted_at__isnull=True, held_at__isnull=False)
    since = held.filter(held_at__gt=path.last_reviewed_at) if path.last_reviewed_at else held
    return PathReflection(
        path=path,
        fit=fit,
        rows=rows,
        notes=notes,
        themes=count_themes((note_facts(n) for n in notes), limit=THEMES_ON_PAGE),
        open_questions=list(OpenQuestion.objects.for_user(user).filter(career_path=path)),
        decisions=list(PathDecision.objects.for_user(user).filter(career_path=path)),
        held=held.count(),
        held_since_review=since.count(),
        notes_by_id=by_id,
    )


def _load_cited_elsewhere(user: Any, fit: Fit, by_id: dict[int, Note]) -> None:
    """A rating may cite a note from another path's conversation; show it too."""
    missing = {i for row in fit.rows for i in row.note_ids if i not in by_id}
    if missing:
        extra = Note.objects.for_user(user).filter(pk__in=missing)
        by_id.update({n.pk: n for n in extra.select_related("conversation__contact", "question")})


def save_ratings(user: Any, path_id: object, items: list[dict[str, Any]]) -> Fit:
    """Store the ratings of one path: ``[{kind, name, score 1-5 or None, note_ids}]``.

    A criterion must be one of the profile's; ``score`` None clears its rating;
    every cited note must be one of the user's. Errors are keyed ``kind:name``
    and nothing is saved when any item is refused.
    """
    path: CareerPath = get_owned(user, CareerPath, path_id)
    criteria = {c.key: c for c in user_criteria(user)}
    checked, errors = _checked_items(user, items, criteria)
    if errors:
        raise InvalidInput(errors)
    existing = {criterion_key(r.kind, r.name): r for r in path.fit_ratings.filter(owner=user)}
    with transaction.atomic():
        for key, (score, note_ids) in checked.items():
            _store(user, path, criteria[key], existing.get(key), score, note_ids)
    return compute_fit(list(criteria.values()), ratings_of(path))


def _checked_items(
    user: Any, items: list[dict[str, Any]], criteria: dict[tuple[str, str], Criterion]
) -> tuple[dict[tuple[str, str], tuple[int | None, list[int]]], dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    checked: dict[tuple[str, str], tuple[int | None, list[int]]] = {}
    wanted_notes: set[int] = set()
    for item in items:
        key = criterion_key(str(item.get("kind", "")), str(item.get("name", "")))
        where = f"{key[0]}:{key[1]}"
        if key not in criteria:
            errors[where] = ["This is not one of your profile's interests, skills or values."]
            continue
        score, problem = _score(item.get("score"))
        note_ids, note_problem = _note_ids(item.get("note_ids") or [])
        if problem or note_problem:
            errors[where] = [p for p in (problem, note_problem) if p]
            continue
        wanted_notes.update(note_ids)
        checked[key] = (score, note_ids)
    live_notes = Note.objects.for_user(user).filter(pk__in=wanted_notes)
    owned = set(live_notes.values_list("pk", flat=True))
    for key, (_, note_ids) in checked.items():
        unknown = [str(i) for i in note_ids if i not in owned]
        if unknown:
            errors[f"{key[0]}:{key[1]}"] = [f"No note with id {', '.join(unknown)}."]
    return checked, errors


def _score(raw: object) -> tuple[int | None, str | None]:
    if raw is None or raw == "":
        return None, None
    if isinstance(raw, bool):
        return None, "The rating must be a whole number from 1 to 5."
    try:
        score = int(str(raw))
    except ValueError:
        return None, "The rating must be a whole number from 1 to 5."
    if not 1 <= score <= 5:
        return None, f"The rating {score} is outside 1-5."
    return score, None


def _note_ids(raw: object) -> tuple[list[int], str | None]:
    if not isinstance(raw, list | tuple):
        return [], "Cite notes as a list of note ids."
    try:
        return list(dict.fromkeys(int(str(i)) for i in raw if not isinstance(i, bool))), None
    except ValueError:
        return [], "Note ids are whole numbers."


def _store(
    user: Any,
    path: CareerPath,
    criterion: Criterion,
    rating: FitRating | None,
    score: int | None,
    note_ids: list[int],
) -> None:
    if score is None:
        if rating is not None:
            rating.delete()  # an empty rating holds no user text; nothing to restore
        return
    if rating is None:
        rating = FitRating(owner=user, career_path=path, kind=criterion.kind)
    rating.name, rating.score, rating.note_ids = criterion.name, score, note_ids
    rating.save()


# Reviews, the decision log and open questions


def review_path(user: Any, path_id: object, data: dict[str, Any], now: datetime) -> PathDecision:
    """Record a review: the status it leaves (maybe unchanged) and why, dated ``now``.

    Sets ``last_reviewed_at``, so Today's Reflect action waits for the next
    three interviews.
    """
    path: CareerPath = get_owned(user, CareerPath, path_id)
    status = str(data.get("status") or path.status)
    reason = str(data.get("reason") or "").strip()
    errors: dict[str, list[str]] = {}
    if status not in {s.value for s in PathStatus}:
        errors["status"] = [f"'{status}' is not a status: exploring, promising, pursuing, dropped."]
    if len(reason) > 2_000:
        errors["reason"] = ["At most 2000 characters."]
    if status != path.status and not reason:
        errors["reason"] = [f"Say why the path moves to {label(status).lower()}."]
    if errors:
        raise InvalidInput(errors)
    fit = compute_fit(user_criteria(user), ratings_of(path))
    with transaction.atomic():
        decision = PathDecision.objects.create(
            owner=user,
            career_path=path,
            status=status,
            previous_status=path.status,
            reason=reason,
            decided_at=now,
            fit_score=fit.score,
        )
        path.status, path.last_reviewed_at = status, now
        path.save(update_fields=["status", "last_reviewed_at", "updated_at"])
    return decision


def add_open_question(user: Any, path_id: object, data: dict[str, Any]) -> OpenQuestion:
    path: CareerPath = get_owned(user, CareerPath, path_id)
    text = " ".join(str(data.get("text") or "").split())
    if not text:
        raise InvalidInput({"text": ["Write the question you still need answered."]})
    if len(text) > 500:
        raise InvalidInput({"text": ["At most 500 characters."]})
    return OpenQuestion.objects.create(owner=user, career_path=path, text=text)


def set_question_answered(
    user: Any, question_id: object, answered: bool, now: datetime
) -> OpenQuestion:
    question: OpenQuestion = get_owned(user, OpenQuestion, question_id)
    question.answered_at = now if answered else None
    question.save(update_fields=["answered_at", "updated_at"])
    return question


# The side-by-side comparison


@dataclass(frozen=True)
class PathColumn:
    path: CareerPath
    fit: Fit
    themes: list[Theme]
    held: int
    open_questions: int

    def score_of(self, criterion: Criterion) -> int | None:
        for row in self.fit.rows:
            if row.criterion.key == criterion.key:
                return row.score
        return None


@dataclass(frozen=True)
class Comparison:
    criteria: list[Criterion]
    columns: list[PathColumn]

    def matrix(self) -> list[tuple[Criterion, list[int | None]]]:
        return [(c, [column.score_of(c) for column in self.columns]) for c in self.criteria]


def compare_paths(user: Any, path_ids: list[int] | None = None) -> Comparison:
    """Every live path (or those chosen) side by side, best fit first, dropped paths last.

    Four queries whatever the number of paths: profile, paths, ratings, notes.
    """
    criteria = user_criteria(user)
    paths = _paths_for_comparison(user, path_ids)
    ratings: defaultdict[int, list[Rating]] = defaultdict(list)
    for r in FitRating.objects.for_user(user).filter(career_path__in=[p.pk for p in paths]):
        ratings[r.career_path_id].append(
            Rating(CriterionKind(r.kind), r.name, r.score, tuple(r.note_ids or ()))
        )
    notes: defaultdict[int, list[NoteFacts]] = defaultdict(list)
    for note in path_notes(user, [p.pk for p in paths]):
        notes[note.conversation.career_path_id].append(note_facts(note))
    columns = [
        PathColumn(
            path=p,
            fit=compute_fit(criteria, ratings[p.pk]),
            themes=count_themes(notes[p.pk], limit=THEMES_IN_COMPARISON),
            held=p.held_count,
            open_questions=p.open_count,
        )
        for p in paths
    ]
    columns.sort(key=_column_order)
    return Comparison(criteria=criteria, columns=columns)


def _paths_for_comparison(user: Any, path_ids: list[int] | None) -> list[Any]:
    live = Q(conversations__deleted_at__isnull=True, conversations__held_at__isnull=False)
    open_q = Q(open_questions__deleted_at__isnull=True, open_questions__answered_at__isnull=True)
    paths = CareerPath.objects.for_user(user).annotate(
        held_count=Count("conversations", filter=live, distinct=True),
        open_count=Count("open_questions", filter=open_q, distinct=True),
    )
    if path_ids:
        paths = paths.filter(pk__in=path_ids)
        if paths.count() != len(set(path_ids)):
            raise NotFound("One of the chosen career paths does not exist.")
    return list(paths)


def _column_order(column: PathColumn) -> tuple[bool, float, str]:
    dropped = column.path.status == PathStatus.DROPPED
    return (dropped, -(column.fit.score or 0.0), column.path.title.casefold())


def fit_as_dict(r: PathReflection) -> dict[str, object]:
    """A path's fit as plain data: what the API returns and `coffeechat fit --json` prints."""
    return {
        "career_path_id": r.path.pk,
        "title": r.path.title,
        "status": r.path.status,
        "score": r.fit.score,
        "percent": r.fit.percent,
        "coverage": r.fit.coverage,
        "criteria": [
            {
                "kind": row.criterion.kind.value,
                "name": row.criterion.name,
                "weight": row.criterion.weight,
                "rating": row.score,
                "evidence_note_ids": list(row.note_ids),
                "pull": row.pull,
            }
            for row in r.fit.rows
        ],
        "drivers": [row.criterion.name for row in r.fit.drivers],
        "drags": [row.criterion.name for row in r.fit.drags],
        "themes": [
            {
                "tag": t.tag,
                "notes": t.notes,
                "conversations": t.conversations,
                "quote_note_ids": [q.id for q in t.quotes],
            }
            for t in r.themes
        ],
        "interviews_held": r.held,
        "held_since_review": r.held_since_review,
    }

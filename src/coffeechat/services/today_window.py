"""The part of the due index that is on Today at a given moment, as database queries.

The same conditions as ``domain.steps.due_actions`` (showing, due by the
horizon, overdue, bucket, order), written as SQL so a request reads only the
rows it shows; tests/services/test_due_index.py holds both to the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Collate, RowNumber

from coffeechat.core.models import NextStep, StepDecision
from coffeechat.domain.businessdays import local_date
from coffeechat.domain.steps import horizon
from coffeechat.domain.types import Bucket


@dataclass(frozen=True)
class DueWindow:
    now: datetime  # UTC
    today: date  # the user's local date
    last: date  # the horizon: the last due date shown

    @classmethod
    def at(cls, now: datetime, zone: ZoneInfo, upcoming_days: int) -> DueWindow:
        now = now.astimezone(UTC)
        today = local_date(now, zone)
        return cls(now=now, today=today, last=horizon(today, upcoming_days))

    def rows(self, user: Any) -> QuerySet[NextStep]:
        """The user's steps showing now and due by the horizon, minus those set aside."""
        return (
            NextStep.objects.filter(owner_id=user.pk, due__lte=self.last)
            .filter(Q(shows_from__isnull=True) | Q(shows_from__lte=self.now))
            .filter(Q(shows_until__isnull=True) | Q(shows_until__gt=self.now))
            .exclude(Exists(self._set_aside(user)))
        )

    def _set_aside(self, user: Any) -> QuerySet[StepDecision]:
        # A snooze hides the step until its day; a dismissal hides it for the due
        # date it was made on, so the rule's next occurrence shows again.
        return StepDecision.objects.filter(
            owner_id=user.pk, key=OuterRef("key"), undone_at__isnull=True
        ).filter(
            Q(choice=StepDecision.SNOOZE, until__gt=self.today)
            | Q(choice=StepDecision.DISMISS, due=OuterRef("due"))
        )

    @property
    def overdue(self) -> Q:
        return Q(due_at__isnull=False, due_at__lt=self.now) | Q(
            due_at__isnull=True, due__lt=self.today
        )

    @property
    def not_overdue(self) -> Q:
        return Q(due_at__isnull=False, due_at__gte=self.now) | Q(
            due_at__isnull=True, due__gte=self.today
        )

    def bucket(self, bucket: Bucket) -> Q:
        if bucket is Bucket.OVERDUE:
            return self.overdue
        if bucket is Bucket.TODAY:
            return self.not_overdue & Q(due=self.today)
        return self.not_overdue & Q(due__gt=self.today)

    def counts(self, rows: QuerySet[NextStep]) -> dict[str, int]:
        totals = rows.aggregate(**{b.value: Count("id", filter=self.bucket(b)) for b in Bucket})
        return {b.value: int(totals[b.value] or 0) for b in Bucket}

    def ordered(self, rows: QuerySet[NextStep]) -> QuerySet[NextStep]:
        """Overdue first, then by due date; timed before all-day on a date, in time
        order; then title (by code point, as Python compares), kind and ids."""
        return self._ranked(rows).order_by(*_order())

    def first_of_each_bucket(self, rows: QuerySet[NextStep], per_bucket: int) -> QuerySet[NextStep]:
        """The first ``per_bucket`` rows of each bucket in list order, each with the size
        of its bucket (``bucket_size``): the Today page in one query, not four."""
        ranked = self._ranked(rows).annotate(
            _bucket=Case(
                When(self.overdue, then=Value(0)),
                When(due=self.today, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        within = {"partition_by": [F("_bucket")]}
        return (
            ranked.annotate(
                _place=Window(RowNumber(), order_by=_order(), **within),
                bucket_size=Window(Count("id"), **within),
            )
            .filter(_place__lte=per_bucket)
            .order_by(*_order())
        )

    def _ranked(self, rows: QuerySet[NextStep]) -> QuerySet[NextStep]:
        late = Case(
            When(self.overdue, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        untimed = Case(
            When(due_at__isnull=False, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return rows.annotate(_late=late, _untimed=untimed)


# Collations that compare text by code point, as Python sorts strings.
_BYTE_ORDER = {"sqlite": "BINARY", "postgresql": "C"}


def _order() -> list[Any]:
    return [
        F("_late").asc(),
        F("due").asc(),
        F("_untimed").asc(),
        F("due_at").asc(),
        Collate("title", _BYTE_ORDER[connection.vendor]).asc(),
        F("kind").asc(),
        F("conversation_id").asc(nulls_first=True),
        F("contact_id").asc(nulls_first=True),
    ]

"""A next step as the engine decides it, before any clock is applied.

The rules (``followup_*``) turn facts into ``Step``s: what to do (``door``),
for whom, due when, and why. A step does not know what day it is, so the same
facts always give the same steps: the services layer stores them in the due
index and Today only reads those due by its horizon. ``due_actions`` is the
one place a ``now`` meets the steps: it drops what is not showing yet (or any
more), marks the overdue, buckets and orders them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from coffeechat.domain.businessdays import local_date
from coffeechat.domain.types import Action, ActionKind, Bucket


class Door(StrEnum):
    """What the user does to take a step; the web layer maps each to its page."""

    ADD_RESEARCH = "add_research"
    WRITE_REQUEST = "write_request"
    CHOOSE_NEXT_CONTACT = "choose_next_contact"
    WRITE_FOLLOW_UP = "write_follow_up"
    LET_GO = "let_go"
    CLASSIFY_REPLY = "classify_reply"
    PROPOSE_TIMES = "propose_times"
    OPEN_BRIEF = "open_brief"
    INTERVIEW_MODE = "interview_mode"
    WRITE_THANK_YOU = "write_thank_you"
    CONTACT_REFERRAL = "contact_referral"
    WRITE_REPORT_BACK = "write_report_back"
    WRITE_UPDATE = "write_update"
    THANK_INTRODUCER = "thank_introducer"
    OPEN_ACTION_ITEM = "open_action_item"
    REFLECT_ON_PATH = "reflect_on_path"
    # Only on the conversation page, where no rule has a step due yet.
    SEND_INVITE = "send_invite"
    RECORD_TIME = "record_time"


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One next step. Instants are UTC; ``due`` is the local date of ``due_at`` when set.

    ``shows_from``/``shows_until`` bound the few steps that only make sense near
    an interview (prepare in the 48 hours before it, attend on its day).
    """

    kind: ActionKind
    door: Door
    title: str
    reason: str
    due: date
    due_at: datetime | None = None
    shows_from: datetime | None = None
    shows_until: datetime | None = None
    contact_id: int | None = None
    organization_id: int | None = None
    conversation_id: int | None = None
    career_path_id: int | None = None
    action_item_id: int | None = None
    referral_id: int | None = None

    @property
    def key(self) -> str:
        """The step's identity across recomputations: what a snooze or dismissal names.

        >>> Step(kind=ActionKind.FOLLOW_UP, door=Door.WRITE_FOLLOW_UP, title="", reason="",
        ...      due=date(2026, 1, 5), conversation_id=12, contact_id=3).key
        'follow_up:conversation:12'
        """
        return f"{self.kind.value}:{self.subject}"

    @property
    def subject(self) -> str:
        if self.action_item_id is not None:
            return f"item:{self.action_item_id}"
        if self.referral_id is not None:
            return f"referral:{self.referral_id}"
        if self.kind is ActionKind.REFLECT:
            return f"path:{self.career_path_id}"
        if self.kind is ActionKind.TRY_ANOTHER:
            return f"organization:{self.organization_id}"
        if self.conversation_id is not None:
            return f"conversation:{self.conversation_id}"
        return f"contact:{self.contact_id}"

    @property
    def anchor(self) -> str:
        """Whose facts decide this step, so a change there recomputes it (see services.due_index).

        A person's steps (their conversations, research, updates, the referral
        to them and the thanks to them as an introducer) hang on the person; the
        try-another step on its organization; reflection on its path; an action
        item on itself.
        """
        if self.action_item_id is not None:
            return f"item:{self.action_item_id}"
        if self.kind is ActionKind.REFLECT:
            return f"path:{self.career_path_id}"
        if self.kind is ActionKind.TRY_ANOTHER:
            return f"organization:{self.organization_id}"
        return f"contact:{self.contact_id}"

    def shows_at(self, now: datetime) -> bool:
        """Whether the step is on the list at ``now`` (aware)."""
        if self.shows_from is not None and now < self.shows_from:
            return False
        return self.shows_until is None or now < self.shows_until

    def overdue_at(self, now: datetime, today: date) -> bool:
        """The day has passed, or for hour-precise steps the moment has."""
        return now > self.due_at if self.due_at is not None else self.due < today

    def as_action(self, now: datetime, zone: ZoneInfo) -> Action:
        today = local_date(now, zone)
        overdue = self.overdue_at(now, today)
        return Action(
            kind=self.kind,
            title=self.title,
            reason=self.reason,
            due=self.due,
            due_at=self.due_at.astimezone(zone) if self.due_at is not None else None,
            overdue=overdue,
            bucket=bucket_of(overdue, self.due, today),
            contact_id=self.contact_id,
            organization_id=self.organization_id,
            conversation_id=self.conversation_id,
            career_path_id=self.career_path_id,
            action_item_id=self.action_item_id,
            referral_id=self.referral_id,
            key=self.key,
            door=self.door.value,
        )


def bucket_of(overdue: bool, due: date, today: date) -> Bucket:
    if overdue:
        return Bucket.OVERDUE
    return Bucket.TODAY if due == today else Bucket.UPCOMING


def horizon(today: date, upcoming_days: int) -> date:
    """The last due date Today shows."""
    return today + timedelta(days=upcoming_days)


def due_actions(
    steps: Iterable[Step], *, now: datetime, zone: ZoneInfo, upcoming_days: int
) -> list[Action]:
    """The steps on the list at ``now``: showing, due by the horizon, most pressing first.

    ``now`` must be aware; "today" is its date on a wall clock in ``zone``, so
    at 23:30 on Monday in New York it is still Monday although UTC says
    Tuesday. Anything overdue is kept however old.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"naive datetime {now.isoformat()} has no time zone")
    now = now.astimezone(UTC)
    last = horizon(local_date(now, zone), upcoming_days)
    actions = [s.as_action(now, zone) for s in steps if s.due <= last and s.shows_at(now)]
    return sorted(actions, key=action_order)


def action_order(action: Action) -> tuple[bool, date, bool, float, str, str, int, int]:
    """Overdue first, then by due date; on one date the timed actions first, in time
    order, then the all-day ones; then title. Kind and ids only break ties, so equal
    inputs always give the same order."""
    timed = action.due_at is not None
    moment = action.due_at.timestamp() if action.due_at is not None else 0.0
    return (
        not action.overdue,
        action.due,
        not timed,
        moment,
        action.title,
        action.kind.value,
        action.conversation_id or 0,
        action.contact_id or 0,
    )

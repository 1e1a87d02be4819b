"""The plain data the Today engine reads and writes.

Everything here is a frozen dataclass or a StrEnum, so the services layer can
build a ``Snapshot`` from the ORM, hand it to the pure rules and show the
``Action`` list without either side knowing about the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum


class Stage(StrEnum):
    PLANNED = "planned"
    REQUESTED = "requested"
    FOLLOWED_UP = "followed_up"
    REPLIED = "replied"
    SCHEDULED = "scheduled"
    HELD = "held"
    THANKED = "thanked"
    CLOSED = "closed"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    REFERRAL_ONLY = "referral_only"
    OUT_OF_OFFICE = "out_of_office"


class Medium(StrEnum):
    VIDEO = "video"
    PHONE = "phone"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        """How the medium reads in a sentence.

        >>> Medium.IN_PERSON.label
        'in person'
        """
        return self.value.replace("_", " ")


class ActionKind(StrEnum):
    RESEARCH = "research"
    SEND = "send"
    TRY_ANOTHER = "try_another"
    FOLLOW_UP = "follow_up"
    LET_GO = "let_go"
    SCHEDULE = "schedule"
    PREPARE = "prepare"
    ATTEND = "attend"
    CAPTURE = "capture"
    THANK = "thank"
    REFERRAL = "referral"
    STAY_IN_TOUCH = "stay_in_touch"
    ACTION_ITEM = "action_item"
    REFLECT = "reflect"
    THANK_INTRODUCER = "thank_introducer"
    CLASSIFY_REPLY = "classify_reply"


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


class ResponseSpeed(StrEnum):
    QUICK = "quick"
    SLOW = "slow"
    NONE = "none"
    PENDING = "pending"


class RuleSettingsError(ValueError):
    """A rule setting that cannot be used, naming the field for the form.

    >>> str(RuleSettingsError("upcoming_days", "must be at least 0"))
    'upcoming_days: must be at least 0'
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# Big enough for any real cadence, small enough that date arithmetic can never
# run past year 9999 and crash the Today page.
MAX_SETTING = 10_000
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def _setting(default: int, help_text: str, *, minimum: int = 0, maximum: int = MAX_SETTING) -> int:
    # The help and bounds live next to the default so the settings page, the
    # validator and the engine cannot disagree about a field.
    return field(
        default=default, metadata={"help": help_text, "minimum": minimum, "maximum": maximum}
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSettings:
    """Every number the follow-up rules use, with PRODUCT.md's defaults."""

    send_after_days: int = _setting(2, "Days after writing a draft before 'Send your note' is due.")
    try_another_business_days: int = _setting(
        3, "Business days without a reply before suggesting another contact at the organization."
    )
    follow_up_business_days: int = _setting(
        7, "Business days without a reply before the one follow-up is due."
    )
    let_go_business_days: int = _setting(
        7, "Business days without a reply to the follow-up before closing as no response."
    )
    schedule_within_business_days: int = _setting(
        1, "Business days after a positive reply by which to propose times."
    )
    prepare_within_hours: int = _setting(
        48, "Hours before an interview from which an incomplete brief is flagged."
    )
    prepare_margin_minutes: int = _setting(
        5, "Minutes of slack the question plan must leave inside the agreed length."
    )
    thank_within_hours: int = _setting(
        24, "Hours after an interview ends by which the thank-you is due."
    )
    referral_within_business_days: int = _setting(
        2, "Business days after a referral is captured by which to contact the person."
    )
    report_back_after_days: int = _setting(
        7, "Days after the thank-you before telling them what you did with their advice."
    )
    stay_in_touch_days: int = _setting(
        30, "Default days between updates for contacts without their own cadence."
    )
    reflect_after_interviews: int = _setting(
        3, "New interviews on a career path that call for reviewing its fit.", minimum=1
    )
    quick_reply_business_days: int = _setting(
        3, "Business days within which a reply counts as quick."
    )
    upcoming_days: int = _setting(7, "Days ahead the Today list shows upcoming actions.")
    # Nurturing the network: thanking whoever introduced you.
    thank_introducer_days: int = _setting(
        2,
        "Days after an interview with someone you were introduced to by which to thank "
        "the person who introduced you.",
    )
    # scheduling: how slots are proposed (domain/scheduling.py)
    slot_notice_hours: int = _setting(24, "Hours from now before the first slot offered.")
    slot_days_ahead: int = _setting(
        14, "Days ahead within which slots are offered.", minimum=1, maximum=60
    )
    slot_buffer_minutes: int = _setting(
        15, "Minutes kept clear before and after your other booked interviews.", maximum=240
    )
    business_day_start_hour: int = _setting(
        9, "Hour on the contact's clock from which a slot may start (business hours).", maximum=23
    )
    business_day_end_hour: int = _setting(
        17,
        "Hour on the contact's clock by which a slot must end (business hours).",
        minimum=1,
        maximum=23,
    )

    @classmethod
    def field_help(cls) -> dict[str, str]:
        """One line of help per setting, in declaration order, for the settings page."""
        return {f.name: str(f.metadata["help"]) for f in fields(cls)}

    @classmethod
    def from_overrides(cls, mapping: Mapping[str, object]) -> RuleSettings:
        """Defaults with ``mapping`` applied, refusing anything the rules cannot use.

        Strings of digits are accepted because stored and submitted settings
        arrive as text; floats and booleans are refused rather than truncated.

        >>> RuleSettings.from_overrides({"follow_up_business_days": "5"}).follow_up_business_days
        5
        >>> RuleSettings.from_overrides({"follow_up_days": 5})
        Traceback (most recent call last):
        ...
        coffeechat.domain.types.RuleSettingsError: follow_up_days: is not a rule setting
        >>> RuleSettings.from_overrides({"upcoming_days": -1})
        Traceback (most recent call last):
        ...
        coffeechat.domain.types.RuleSettingsError: upcoming_days: must be at least 0
        """
        bounds = {
            f.name: (int(f.metadata["minimum"]), int(f.metadata["maximum"])) for f in fields(cls)
        }
        values: dict[str, int] = {}
        for name, raw in mapping.items():
            if name not in bounds:
                raise RuleSettingsError(name, "is not a rule setting")
            values[name] = _checked_int(name, raw, *bounds[name])
        settings = cls(**values)
        if settings.business_day_end_hour <= settings.business_day_start_hour:
            raise RuleSettingsError(
                "business_day_end_hour",
                f"must be after the start hour ({settings.business_day_start_hour})",
            )
        return settings


def _checked_int(name: str, raw: object, minimum: int, maximum: int = MAX_SETTING) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise RuleSettingsError(name, f"must be a whole number, not {raw!r}")
    if isinstance(raw, str):
        if not _WHOLE_NUMBER.fullmatch(raw.strip()):
            raise RuleSettingsError(name, f"must be a whole number, not {raw!r}")
        raw = int(raw)
    if raw < minimum:
        raise RuleSettingsError(name, f"must be at least {minimum}")
    if raw > maximum:
        raise RuleSettingsError(name, f"must be at most {maximum}")
    return raw


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactFacts:
    id: int
    name: str
    organization_id: int | None
    organization_name: str | None
    has_research: bool
    do_not_contact: bool
    cadence_days: int | None
    # The last real exchange in either direction: a message sent or received,
    # or an interview held. Drafts do not count.
    last_exchange_at: datetime | None
    referred_by_id: int | None = None
    referred_by_name: str | None = None
    # The last message the user sent them: a thank-you to an introducer counts
    # from here.
    last_sent_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversationFacts:
    id: int
    contact_id: int
    career_path_id: int | None
    stage: Stage
    created_at: datetime  # when the contact was chosen for outreach
    draft_created_at: datetime | None = None  # oldest unsent outgoing request draft
    requested_at: datetime | None = None
    followed_up_at: datetime | None = None
    replied_at: datetime | None = None
    sentiment: Sentiment | None = None
    starts_at: datetime | None = None  # aware start of the booked interview
    minutes: int = 30
    medium: Medium = Medium.VIDEO
    plan_minutes: int = 0  # total minutes of the question plan; 0 means no plan
    held_at: datetime | None = None
    has_notes: bool = False
    thanked_at: datetime | None = None
    report_back_at: datetime | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralFacts:
    id: int
    from_contact_id: int
    to_contact_id: int
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionItemFacts:
    id: int
    text: str
    due: date | None
    done: bool
    contact_id: int | None = None
    conversation_id: int | None = None
    career_path_id: int | None = None
    # The person the advice came from, read with the item so its line needs no
    # other facts (the due index recomputes an item on its own).
    contact_name: str | None = None
    organization_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CareerPathFacts:
    id: int
    title: str
    last_reviewed_at: datetime | None
    dropped: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything the rules look at for one user, read in one go."""

    contacts: tuple[ContactFacts, ...] = ()
    conversations: tuple[ConversationFacts, ...] = ()
    referrals: tuple[ReferralFacts, ...] = ()
    action_items: tuple[ActionItemFacts, ...] = ()
    career_paths: tuple[CareerPathFacts, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    """One line of the Today list.

    ``due_at`` is set only for hour-precise rules (prepare, attend, thank) and
    is then given in the user's zone; ``due`` is always its local date.
    """

    kind: ActionKind
    title: str  # "Follow up with Ana Ruiz"
    reason: str  # one line naming the rule
    due: date
    due_at: datetime | None
    overdue: bool
    bucket: Bucket
    contact_id: int | None = None
    organization_id: int | None = None
    conversation_id: int | None = None
    career_path_id: int | None = None
    action_item_id: int | None = None
    referral_id: int | None = None
    # Stable identity of the step ("follow_up:conversation:12"): what a snooze
    # or a dismissal names. ``door`` says what to do (a Door value), never a URL.
    key: str = ""
    door: str = ""

"""Load the facts the Today rules read, in a fixed number of queries.

Rows become the plain frozen facts of ``domain.types``; nothing here decides
what is due. The query count does not grow with the data
(tests/services/test_today_queries.py holds it at 7 with the profile).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import (
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    PlannedQuestion,
    Referral,
)
from coffeechat.domain.stages import AWAITING_REPLY
from coffeechat.domain.types import (
    ActionItemFacts,
    CareerPathFacts,
    ContactFacts,
    ConversationFacts,
    Medium,
    ReferralFacts,
    Sentiment,
    Snapshot,
    Stage,
)
from coffeechat.domain.vocabulary import Direction, PathStatus
from coffeechat.services.conversations.queries import live


@dataclass(frozen=True)
class Scope:
    """A part of the user's facts: the people in ``contacts`` (and what hangs on them),
    the action items in ``items``, and every career path with its held interviews.

    What the due index reads to recompute the steps anchored there; the rules
    see the same facts for those people as in a full load, so they decide the
    same (tests/services/test_due_index.py holds it).
    """

    contacts: frozenset[int]
    items: frozenset[int]


def load_snapshot(user: Any, now: datetime | None = None, scope: Scope | None = None) -> Snapshot:
    """The user's facts, all of them or those of ``scope``. ``now`` is not used: the
    facts are what is stored, whatever the day."""
    conversations = _conversation_facts(user, scope)
    contact_ids = {c.contact_id for c in conversations}
    conversations += _closed_before_interview(user, scope)
    referral_rows = Referral.objects.for_user(user).filter(
        from_contact__deleted_at__isnull=True, to_contact__deleted_at__isnull=True
    )
    if scope is not None:
        referral_rows = referral_rows.filter(
            Q(from_contact_id__in=scope.contacts) | Q(to_contact_id__in=scope.contacts)
        )
    referrals = list(referral_rows.values("id", "from_contact_id", "to_contact_id", "created_at"))
    for referral in referrals:
        contact_ids.update((referral["from_contact_id"], referral["to_contact_id"]))
    held_by_contact: dict[int, datetime] = {}
    for c in conversations:
        if c.held_at and (
            c.contact_id not in held_by_contact or c.held_at > held_by_contact[c.contact_id]
        ):
            held_by_contact[c.contact_id] = c.held_at
    if scope is not None:
        # Reflection counts every interview held on a path, whoever it was with.
        conversations += _held_elsewhere(user, scope)
    return Snapshot(
        contacts=tuple(_contact_facts(user, contact_ids, held_by_contact, scope)),
        conversations=tuple(conversations),
        referrals=tuple(_referral_facts(referrals)),
        action_items=tuple(_action_item_facts(user, scope)),
        career_paths=tuple(_career_path_facts(user)),
    )


# Most conversations of a long campaign end here: unanswered or declined. They
# produce no action of their own; two rules only need to know the person was
# written to: "try another door" (colleagues at an organization with an open
# request) and "referral" (people introduced to the user). So only those are
# read, and without the costly annotations.
_CLOSED_BEFORE_INTERVIEW = Q(stage=Stage.CLOSED, held_at__isnull=True, report_back_at__isnull=True)


def _in_scope(rows: QuerySet[Any], scope: Scope | None, field: str = "contact_id") -> Any:
    return rows if scope is None else rows.filter(**{f"{field}__in": scope.contacts})


def _conversation_facts(user: Any, scope: Scope | None) -> list[ConversationFacts]:
    drafts = Message.objects.filter(
        conversation=OuterRef("pk"),
        sent_at__isnull=True,
        direction=Direction.OUTGOING,
        deleted_at__isnull=True,
    )
    plan = (
        PlannedQuestion.objects.filter(conversation=OuterRef("pk"), deleted_at__isnull=True)
        .values("conversation")
        .annotate(total=Sum(Coalesce("minutes", "question__minutes")))
        .values("total")
    )
    rows = (
        _in_scope(live(user), scope)
        .exclude(_CLOSED_BEFORE_INTERVIEW)
        .annotate(
            draft_created_at=Subquery(drafts.order_by("created_at").values("created_at")[:1]),
            has_notes=Exists(
                Note.objects.filter(conversation=OuterRef("pk"), deleted_at__isnull=True)
            ),
            plan_minutes=Coalesce(Subquery(plan, output_field=IntegerField()), Value(0)),
        )
        .values(
            "id",
            "contact_id",
            "career_path_id",
            "stage",
            "created_at",
            "draft_created_at",
            "requested_at",
            "followed_up_at",
            "replied_at",
            "reply_sentiment",
            "start_date",
            "start_time",
            "time_zone",
            "planned_minutes",
            "medium",
            "plan_minutes",
            "held_at",
            "has_notes",
            "thanked_at",
            "report_back_at",
            "closed_at",
        )
    )
    return [_conversation(row) for row in rows]


def _closed_before_interview(user: Any, scope: Scope | None) -> list[ConversationFacts]:
    referred = Referral.objects.for_user(user).values("to_contact_id")
    rows = (
        _in_scope(live(user), scope)
        .filter(_CLOSED_BEFORE_INTERVIEW)
        .filter(
            Q(contact__organization_id__in=_open_request_organizations(user))
            | Q(contact_id__in=referred)
        )
        .values_list(
            "id", "contact_id", "career_path_id", "created_at", "requested_at", "closed_at"
        )
    )
    return [
        ConversationFacts(
            id=pk,
            contact_id=contact_id,
            career_path_id=path_id,
            stage=Stage.CLOSED,
            created_at=created_at,
            requested_at=requested_at,
            closed_at=closed_at,
        )
        for pk, contact_id, path_id, created_at, requested_at, closed_at in rows
    ]


def _conversation(row: dict[str, Any]) -> ConversationFacts:
    starts_at = None
    if row["start_date"] and row["start_time"] and row["time_zone"]:
        starts_at = datetime.combine(
            row["start_date"], row["start_time"], tzinfo=ZoneInfo(row["time_zone"])
        )
    return ConversationFacts(
        id=row["id"],
        contact_id=row["contact_id"],
        career_path_id=row["career_path_id"],
        stage=Stage(row["stage"]),
        created_at=row["created_at"],
        draft_created_at=row["draft_created_at"],
        requested_at=row["requested_at"],
        followed_up_at=row["followed_up_at"],
        replied_at=row["replied_at"],
        sentiment=Sentiment(row["reply_sentiment"]) if row["reply_sentiment"] else None,
        starts_at=starts_at,
        minutes=row["planned_minutes"],
        medium=Medium(row["medium"]),
        plan_minutes=row["plan_minutes"] or 0,
        held_at=row["held_at"],
        has_notes=row["has_notes"],
        thanked_at=row["thanked_at"],
        report_back_at=row["report_back_at"],
        closed_at=row["closed_at"],
    )


def _open_request_organizations(user: Any) -> Any:
    return (
        Conversation.objects.for_user(user)
        .filter(stage__in=AWAITING_REPLY, contact__organization__isnull=False)
        .values("contact__organization_id")
    )


def _held_elsewhere(user: Any, scope: Scope) -> list[ConversationFacts]:
    """Interviews held on a career path with people outside the scope: only their dates."""
    rows = (
        live(user)
        .filter(held_at__isnull=False, career_path__isnull=False)
        .exclude(contact_id__in=scope.contacts)
        .values_list("id", "contact_id", "career_path_id", "created_at", "held_at")
    )
    return [
        ConversationFacts(
            id=pk,
            contact_id=contact_id,
            career_path_id=path_id,
            stage=Stage.HELD,
            created_at=created_at,
            held_at=held_at,
        )
        for pk, contact_id, path_id, created_at, held_at in rows
    ]


def _contact_facts(
    user: Any,
    contact_ids: set[int],
    held_by_contact: dict[int, datetime],
    scope: Scope | None,
) -> list[ContactFacts]:
    """The contacts the rules look at: those in conversations or referrals, and their
    colleagues at organizations with an open request (the 'try another door' rule)."""
    open_request_orgs = (
        Conversation.objects.for_user(user)
        .filter(stage__in=AWAITING_REPLY, contact__organization__isnull=False)
        .values("contact__organization_id")
    )
    last_message = latest_message_at()
    # The last message the user sent, for "thank the introducer".
    last_sent = last_message.filter(direction=Direction.OUTGOING)
    rows = (
        _in_scope(Contact.objects.for_user(user), scope, "pk")
        .filter(Q(pk__in=contact_ids) | Q(organization_id__in=open_request_orgs))
        .annotate(last_message_at=Subquery(last_message), last_sent_at=Subquery(last_sent))
        .values(
            "id",
            "first_name",
            "last_name",
            "organization_id",
            "organization__name",
            "organization__deleted_at",
            "research_notes",
            "do_not_contact",
            "cadence_days",
            "last_message_at",
            "referred_by_id",
            "referred_by__first_name",
            "referred_by__last_name",
            "last_sent_at",
        )
    )
    return [_contact(row, held_by_contact.get(row["id"])) for row in rows]


def _contact(row: dict[str, Any], last_held: datetime | None) -> ContactFacts:
    exchanges = [moment for moment in (row["last_message_at"], last_held) if moment]
    has_org = row["organization_id"] and row["organization__deleted_at"] is None
    referrer = (
        f"{row['referred_by__first_name'] or ''} {row['referred_by__last_name'] or ''}".strip()
    )
    return ContactFacts(
        id=row["id"],
        name=f"{row['first_name']} {row['last_name']}".strip(),
        organization_id=row["organization_id"] if has_org else None,
        organization_name=row["organization__name"] if has_org else None,
        has_research=bool(row["research_notes"].strip()),
        do_not_contact=row["do_not_contact"],
        cadence_days=row["cadence_days"],
        last_exchange_at=max(exchanges) if exchanges else None,
        referred_by_id=row["referred_by_id"],
        referred_by_name=referrer or None,
        last_sent_at=row["last_sent_at"],
    )


def _referral_facts(rows: list[dict[str, Any]]) -> list[ReferralFacts]:
    return [
        ReferralFacts(
            id=row["id"],
            from_contact_id=row["from_contact_id"],
            to_contact_id=row["to_contact_id"],
            created_at=row["created_at"],
        )
        for row in rows
    ]


def _action_item_facts(user: Any, scope: Scope | None) -> list[ActionItemFacts]:
    rows = ActionItem.objects.for_user(user).filter(done_at__isnull=True, due__isnull=False)
    if scope is not None:
        rows = rows.filter(pk__in=scope.items)
    fields = (
        "id",
        "text",
        "due",
        "conversation_id",
        "conversation__contact_id",
        "conversation__contact__first_name",
        "conversation__contact__last_name",
        "conversation__contact__organization_id",
        "conversation__contact__deleted_at",
        "career_path_id",
    )
    return [_action_item(row) for row in rows.values(*fields)]


def _action_item(row: dict[str, Any]) -> ActionItemFacts:
    name = None
    if row["conversation__contact_id"] and row["conversation__contact__deleted_at"] is None:
        first, last = (
            row["conversation__contact__first_name"],
            row["conversation__contact__last_name"],
        )
        name = f"{first or ''} {last or ''}".strip() or None
    return ActionItemFacts(
        id=row["id"],
        text=row["text"],
        due=row["due"],
        done=False,
        contact_id=row["conversation__contact_id"],
        conversation_id=row["conversation_id"],
        career_path_id=row["career_path_id"],
        contact_name=name,
        organization_id=row["conversation__contact__organization_id"] if name else None,
    )


def _career_path_facts(user: Any) -> list[CareerPathFacts]:
    rows = CareerPath.objects.for_user(user).values("id", "title", "last_reviewed_at", "status")
    return [
        CareerPathFacts(
            id=row["id"],
            title=row["title"],
            last_reviewed_at=row["last_reviewed_at"],
            dropped=row["status"] == PathStatus.DROPPED,
        )
        for row in rows
    ]


def latest_message_at() -> QuerySet[Message]:
    """Subquery for a contact row (``OuterRef("pk")``): their latest message either way."""
    return (
        Message.objects.filter(
            contact=OuterRef("pk"), sent_at__isnull=False, deleted_at__isnull=True
        )
        .values("contact")
        .annotate(last=Max("sent_at"))
        .values("last")
    )

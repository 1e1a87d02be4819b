"""Rules for getting a conversation started: research, send, try another, follow up, let go,
say how they replied, schedule.

Each rule returns the steps it finds; ``followup.next_steps`` gathers them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from coffeechat.domain.followup_context import RuleContext, awaiting_reply, plural, utc
from coffeechat.domain.stages import AWAITING_REPLY
from coffeechat.domain.steps import Door, Step
from coffeechat.domain.types import (
    ActionKind,
    ContactFacts,
    ConversationFacts,
    Sentiment,
    Stage,
)


def research(ctx: RuleContext) -> Iterator[Step]:
    """One "Research X" per contact with a planned conversation and an empty research section.

    A contact planned for two career paths still needs researching only once,
    so the oldest planned conversation carries the action.
    """
    oldest: dict[int, tuple[ConversationFacts, ContactFacts]] = {}
    for conversation, contact in ctx.open_conversations():
        if conversation.stage is not Stage.PLANNED or contact.has_research:
            continue
        known = oldest.get(contact.id)
        if known is None or _chosen_before(conversation, known[0]):
            oldest[contact.id] = (conversation, contact)
    for conversation, contact in oldest.values():
        chosen = ctx.local(conversation.created_at)
        yield ctx.step(
            kind=ActionKind.RESEARCH,
            door=Door.ADD_RESEARCH,
            title=f"Research {contact.name}",
            reason=(
                f"Research rule: you chose {contact.name} for outreach on {ctx.day(chosen)} "
                "and their research section is empty."
            ),
            due=chosen,
            contact=contact,
            conversation=conversation,
        )


def _chosen_before(one: ConversationFacts, other: ConversationFacts) -> bool:
    return (utc(one.created_at), one.id) < (utc(other.created_at), other.id)


def send(conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext) -> Step | None:
    """A planned conversation whose draft has waited ``send_after_days`` calendar days.

    Drafted Monday with the default 2 days: upcoming on Tuesday, due Wednesday.
    """
    if conversation.stage is not Stage.PLANNED or conversation.draft_created_at is None:
        return None
    days = ctx.settings.send_after_days
    drafted = ctx.local(conversation.draft_created_at)
    due = drafted + timedelta(days=days)
    return ctx.step(
        kind=ActionKind.SEND,
        door=Door.WRITE_REQUEST,
        title=f"Send your note to {contact.name}",
        reason=(
            f"Send rule: the note you drafted on {ctx.day(drafted, due)} "
            f"is still unsent after {plural(days, 'day')}."
        ),
        due=due,
        contact=contact,
        conversation=conversation,
    )


def try_another(ctx: RuleContext) -> Iterator[Step]:
    """Suggest the next contact at an organization whose newest open request got no reply.

    Only the newest open request at an organization counts, because requests
    go out one at a time: once the user has written to a second person there,
    the first request no longer asks for a third. Requests already followed up
    are left to the follow-up rules.
    """
    uncontacted = _uncontacted_per_organization(ctx)
    for conversation, contact in _newest_open_request_per_organization(ctx):
        if conversation.stage is not Stage.REQUESTED or conversation.followed_up_at is not None:
            continue
        colleagues = uncontacted.get(contact.organization_id or 0, ())
        others = [c for c in colleagues if c.id != contact.id]
        if not others or conversation.requested_at is None:
            continue
        days = ctx.settings.try_another_business_days
        requested = ctx.local(conversation.requested_at)
        due = ctx.after_business_days(conversation.requested_at, days)
        organization = contact.organization_name or "their organization"
        yield ctx.step(
            kind=ActionKind.TRY_ANOTHER,
            door=Door.CHOOSE_NEXT_CONTACT,
            title=f"Reach out to another contact at {organization}",
            reason=(
                f"Try-another rule: no reply {plural(days, 'business day')} after your request "
                f"to {contact.name} of {ctx.day(requested, due)}, and {len(others)} more at "
                f"{organization} not yet contacted."
            ),
            due=due,
            conversation=conversation,
            organization_id=contact.organization_id,
        )


def _newest_open_request_per_organization(
    ctx: RuleContext,
) -> list[tuple[ConversationFacts, ContactFacts]]:
    newest: dict[int, tuple[tuple[datetime, int], ConversationFacts, ContactFacts]] = {}
    for conversation, contact in ctx.open_conversations():
        requested_at = conversation.requested_at
        organization_id = contact.organization_id
        if (
            requested_at is None
            or organization_id is None
            or conversation.stage not in AWAITING_REPLY
            or not awaiting_reply(conversation)
        ):
            continue
        order = (utc(requested_at), conversation.id)
        known = newest.get(organization_id)
        if known is None or order > known[0]:
            newest[organization_id] = (order, conversation, contact)
    return [(conversation, contact) for _, conversation, contact in newest.values()]


def _uncontacted_per_organization(ctx: RuleContext) -> dict[int, list[ContactFacts]]:
    """Per organization, the people who may be asked and have never been sent a request.

    Grouped in one pass over the contacts: asking per open request would scan
    every contact once per request, which grows with the square of the list.
    """
    grouped: dict[int, list[ContactFacts]] = {}
    for other in ctx.contacts.values():
        if other.organization_id is None or other.do_not_contact:
            continue
        if all(
            conversation.stage is Stage.PLANNED and conversation.requested_at is None
            for conversation in ctx.conversations_of.get(other.id, ())
        ):
            grouped.setdefault(other.organization_id, []).append(other)
    return grouped


def follow_up(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Step | None:
    """The single follow-up, ``follow_up_business_days`` after an unanswered request.

    A Friday request with the default 7 business days is due the Tuesday after
    next; a public holiday in between pushes it one more business day.
    """
    if (
        conversation.stage is not Stage.REQUESTED
        or conversation.requested_at is None
        or conversation.followed_up_at is not None
        or not awaiting_reply(conversation)
    ):
        return None
    days = ctx.settings.follow_up_business_days
    requested = ctx.local(conversation.requested_at)
    due = ctx.after_business_days(conversation.requested_at, days)
    return ctx.step(
        kind=ActionKind.FOLLOW_UP,
        door=Door.WRITE_FOLLOW_UP,
        title=f"Follow up with {contact.name}",
        reason=(
            f"Follow-up rule: no reply {plural(days, 'business day')} "
            f"after your request of {ctx.day(requested, due)}."
        ),
        due=due,
        contact=contact,
        conversation=conversation,
    )


def let_go(conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext) -> Step | None:
    """Close as no response ``let_go_business_days`` after an unanswered follow-up.

    Persistent but finite: never more than two messages without a reply.
    """
    if (
        conversation.stage is not Stage.FOLLOWED_UP
        or conversation.followed_up_at is None
        or not awaiting_reply(conversation)
    ):
        return None
    days = ctx.settings.let_go_business_days
    followed_up = ctx.local(conversation.followed_up_at)
    due = ctx.after_business_days(conversation.followed_up_at, days)
    return ctx.step(
        kind=ActionKind.LET_GO,
        door=Door.LET_GO,
        title=f"Close {contact.name} as no response",
        reason=(
            f"Let-go rule: no reply {plural(days, 'business day')} after your follow-up "
            f"of {ctx.day(followed_up, due)}; two unanswered messages are enough."
        ),
        due=due,
        contact=contact,
        conversation=conversation,
    )


def schedule(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Step | None:
    """Propose times by the next business day after a positive reply with nothing booked."""
    if (
        conversation.stage is not Stage.REPLIED
        or conversation.sentiment is not Sentiment.POSITIVE
        or conversation.replied_at is None
        or conversation.starts_at is not None
    ):
        return None
    days = ctx.settings.schedule_within_business_days
    replied = ctx.local(conversation.replied_at)
    due = ctx.after_business_days(conversation.replied_at, days)
    return ctx.step(
        kind=ActionKind.SCHEDULE,
        door=Door.PROPOSE_TIMES,
        title=f"Propose times to {contact.name}",
        reason=(
            f"Schedule rule: {contact.name} said yes on {ctx.day(replied, due)} and no interview "
            f"is booked; propose times within {plural(days, 'business day')}."
        ),
        due=due,
        contact=contact,
        conversation=conversation,
    )


def classify_reply(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Step | None:
    """A reply logged without saying how it went (an imported message, say): nothing else
    can follow until the user says, so it is due the day it came.

    Positive leads to proposing times, negative closes it as declined, a
    pointer to someone else to contacting that person.
    """
    if (
        conversation.stage is not Stage.REPLIED
        or conversation.replied_at is None
        or conversation.sentiment is not None
    ):
        return None
    replied = ctx.local(conversation.replied_at)
    return ctx.step(
        kind=ActionKind.CLASSIFY_REPLY,
        door=Door.CLASSIFY_REPLY,
        title=f"Say how {contact.name} replied",
        reason=(
            f"Reply rule: {contact.name} answered on {ctx.day(replied)}; say whether it was a "
            "yes, a no or a pointer to someone else, so the next step is the right one."
        ),
        due=replied,
        contact=contact,
        conversation=conversation,
    )

"""Rules for getting a conversation started: research, send, try another, follow up, let go,
schedule.

Each rule returns the actions it finds; ``followup.compute_today`` gathers,
filters and sorts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from coffeechat.domain.followup_context import RuleContext, awaiting_reply, plural, utc
from coffeechat.domain.types import (
    Action,
    ActionKind,
    ContactFacts,
    ConversationFacts,
    Sentiment,
    Stage,
)

_OPEN_REQUEST_STAGES = frozenset({Stage.REQUESTED, Stage.FOLLOWED_UP})


def research(ctx: RuleContext) -> Iterator[Action]:
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
        yield ctx.action(
            kind=ActionKind.RESEARCH,
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


def send(conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext) -> Action | None:
    """A planned conversation whose draft has waited ``send_after_days`` calendar days.

    Drafted Monday with the default 2 days: upcoming on Tuesday, due Wednesday.
    """
    if conversation.stage is not Stage.PLANNED or conversation.draft_created_at is None:
        return None
    days = ctx.settings.send_after_days
    drafted = ctx.local(conversation.draft_created_at)
    return ctx.action(
        kind=ActionKind.SEND,
        title=f"Send your note to {contact.name}",
        reason=(
            f"Send rule: the note you drafted on {ctx.day(drafted)} "
            f"is still unsent after {plural(days, 'day')}."
        ),
        due=drafted + timedelta(days=days),
        contact=contact,
        conversation=conversation,
    )


def try_another(ctx: RuleContext) -> Iterator[Action]:
    """Suggest the next contact at an organization whose newest open request got no reply.

    Only the newest open request at an organization counts, because requests
    go out one at a time: once the user has written to a second person there,
    the first request no longer asks for a third. Requests already followed up
    are left to the follow-up rules.
    """
    for conversation, contact in _newest_open_request_per_organization(ctx):
        if conversation.stage is not Stage.REQUESTED or conversation.followed_up_at is not None:
            continue
        others = _uncontacted_colleagues(contact, ctx)
        if not others or conversation.requested_at is None:
            continue
        days = ctx.settings.try_another_business_days
        requested = ctx.local(conversation.requested_at)
        organization = contact.organization_name or "their organization"
        yield ctx.action(
            kind=ActionKind.TRY_ANOTHER,
            title=f"Reach out to another contact at {organization}",
            reason=(
                f"Try-another rule: no reply {plural(days, 'business day')} after your request "
                f"to {contact.name} of {ctx.day(requested)}, and {len(others)} more at "
                f"{organization} not yet contacted."
            ),
            due=ctx.after_business_days(conversation.requested_at, days),
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
            or conversation.stage not in _OPEN_REQUEST_STAGES
            or not awaiting_reply(conversation)
        ):
            continue
        order = (utc(requested_at), conversation.id)
        known = newest.get(organization_id)
        if known is None or order > known[0]:
            newest[organization_id] = (order, conversation, contact)
    return [(conversation, contact) for _, conversation, contact in newest.values()]


def _uncontacted_colleagues(contact: ContactFacts, ctx: RuleContext) -> list[ContactFacts]:
    """Others at the same organization who may be asked and have never been sent a request."""
    return [
        other
        for other in ctx.contacts.values()
        if other.organization_id == contact.organization_id
        and other.id != contact.id
        and not other.do_not_contact
        and all(
            conversation.stage is Stage.PLANNED and conversation.requested_at is None
            for conversation in ctx.conversations_of.get(other.id, ())
        )
    ]


def follow_up(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
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
    return ctx.action(
        kind=ActionKind.FOLLOW_UP,
        title=f"Follow up with {contact.name}",
        reason=(
            f"Follow-up rule: no reply {plural(days, 'business day')} "
            f"after your request of {ctx.day(requested)}."
        ),
        due=ctx.after_business_days(conversation.requested_at, days),
        contact=contact,
        conversation=conversation,
    )


def let_go(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
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
    return ctx.action(
        kind=ActionKind.LET_GO,
        title=f"Close {contact.name} as no response",
        reason=(
            f"Let-go rule: no reply {plural(days, 'business day')} after your follow-up "
            f"of {ctx.day(followed_up)}; two unanswered messages are enough."
        ),
        due=ctx.after_business_days(conversation.followed_up_at, days),
        contact=contact,
        conversation=conversation,
    )


def schedule(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
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
    return ctx.action(
        kind=ActionKind.SCHEDULE,
        title=f"Propose times to {contact.name}",
        reason=(
            f"Schedule rule: {contact.name} said yes on {ctx.day(replied)} and no interview "
            f"is booked; propose times within {plural(days, 'business day')}."
        ),
        due=ctx.after_business_days(conversation.replied_at, days),
        contact=contact,
        conversation=conversation,
    )

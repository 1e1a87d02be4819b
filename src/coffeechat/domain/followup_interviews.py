"""Rules around a booked interview: prepare, attend, capture, thank.

These are the hour-precise rules: an interview has a start time, so its
preparation and its thank-you are due at a moment, not merely on a day.
"""

from __future__ import annotations

from datetime import timedelta

from coffeechat.domain.followup_context import RuleContext, interview_end, plural, utc
from coffeechat.domain.types import (
    Action,
    ActionKind,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Stage,
)

_ENDED_STAGES = frozenset({Stage.HELD, Stage.THANKED})


def brief_gaps(
    conversation: ConversationFacts, contact: ContactFacts, settings: RuleSettings
) -> list[str]:
    """What the interview brief still lacks, in words for the reason line.

    The plan must leave ``prepare_margin_minutes`` of the agreed length free
    for the opener and the goodbye, so a 30-minute interview takes a plan of
    at most 25 minutes: 25 passes, 26 is "question plan too long (26 min, fits 25)".
    """
    gaps = []
    if not contact.has_research:
        gaps.append("no research")
    fits = conversation.minutes - settings.prepare_margin_minutes
    if conversation.plan_minutes == 0:
        gaps.append("no question plan")
    elif conversation.plan_minutes > fits:
        gaps.append(f"question plan too long ({conversation.plan_minutes} min, fits {fits})")
    return gaps


def prepare(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
    """An incomplete brief for an interview starting within ``prepare_within_hours``.

    With the default 48 hours, an interview 49 hours away gives nothing yet and
    one 47 hours away does; the action disappears once the interview starts.
    """
    if conversation.stage is not Stage.SCHEDULED or conversation.starts_at is None:
        return None
    starts = utc(conversation.starts_at)
    hours = ctx.settings.prepare_within_hours
    if not starts - timedelta(hours=hours) <= ctx.now < starts:
        return None
    gaps = brief_gaps(conversation, contact, ctx.settings)
    if not gaps:
        return None
    return ctx.action(
        kind=ActionKind.PREPARE,
        title=f"Prepare for {contact.name}",
        reason=(
            f"Prepare rule: the interview on {ctx.day(ctx.local(starts))} at {ctx.clock(starts)} "
            f"is less than {plural(hours, 'hour')} away and the brief has {', '.join(gaps)}."
        ),
        due_at=starts,
        contact=contact,
        conversation=conversation,
    )


def attend(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
    """An interview on today's local date that has not ended yet.

    It stays on the list while the interview runs (then overdue, since its
    start has passed) and leaves it at the agreed end.
    """
    if conversation.stage is not Stage.SCHEDULED or conversation.starts_at is None:
        return None
    starts = utc(conversation.starts_at)
    ends = starts + timedelta(minutes=conversation.minutes)
    if ctx.local(starts) != ctx.today or ctx.now >= ends:
        return None
    length = f"{conversation.minutes} min, {conversation.medium.label}"
    return ctx.action(
        kind=ActionKind.ATTEND,
        title=f"Interview {contact.name} at {ctx.clock(starts)} ({length})",
        reason=(
            f"Attend rule: your interview is today from {ctx.clock(starts)} to {ctx.clock(ends)}."
        ),
        due_at=starts,
        contact=contact,
        conversation=conversation,
    )


def capture(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
    """An interview that ended without notes, due on the day it ended.

    A scheduled interview counts as ended once its agreed length has passed,
    even if nobody marked it held, because memories fade either way.
    """
    if conversation.has_notes:
        return None
    ended = interview_end(conversation)
    if ended is None:
        return None
    ran_out = conversation.stage is Stage.SCHEDULED and ended < ctx.now
    if conversation.stage not in _ENDED_STAGES and not ran_out:
        return None
    day = ctx.local(ended)
    return ctx.action(
        kind=ActionKind.CAPTURE,
        title=f"Write down what {contact.name} said",
        reason=(
            f"Capture rule: the interview of {ctx.day(day)} ended with no notes; "
            "write them while you still remember."
        ),
        due=day,
        contact=contact,
        conversation=conversation,
    )


def thank(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Action | None:
    """The thank-you, due ``thank_within_hours`` of elapsed time after the interview ended.

    Ending 23:30 makes it due 23:30 the next day. Ending Sat 7 Mar 2026 20:00
    in New York (EST) makes it due Sun 8 Mar 21:00 EDT: 24 real hours, one
    more on the wall clock, because the clocks sprang forward in between.
    """
    if conversation.stage is not Stage.HELD or conversation.thanked_at is not None:
        return None
    ended = interview_end(conversation)
    if ended is None:
        return None
    hours = ctx.settings.thank_within_hours
    return ctx.action(
        kind=ActionKind.THANK,
        title=f"Thank {contact.name}",
        reason=(
            f"Thank-you rule: thank within {plural(hours, 'hour')} of the interview's end "
            f"({ctx.day(ctx.local(ended))} at {ctx.clock(ended)})."
        ),
        due_at=ended + timedelta(hours=hours),
        contact=contact,
        conversation=conversation,
    )

"""Rules around a booked interview: prepare, attend, capture, thank.

These are the hour-precise rules: an interview has a start time, so its
preparation and its thank-you are due at a moment, not merely on a day.
"""

from __future__ import annotations

from datetime import timedelta

from coffeechat.domain.followup_context import RuleContext, interview_end, plural, utc
from coffeechat.domain.steps import Door, Step
from coffeechat.domain.types import (
    ActionKind,
    ContactFacts,
    ConversationFacts,
    RuleSettings,
    Stage,
)

_ENDED_STAGES = frozenset({Stage.HELD, Stage.THANKED})
_INSTANT = timedelta(microseconds=1)


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
) -> Step | None:
    """An incomplete brief for an interview starting within ``prepare_within_hours``.

    With the default 48 hours, an interview 49 hours away gives nothing yet and
    one 47 hours away does; the step disappears once the interview starts.
    """
    if conversation.stage is not Stage.SCHEDULED or conversation.starts_at is None:
        return None
    starts = utc(conversation.starts_at)
    hours = ctx.settings.prepare_within_hours
    gaps = brief_gaps(conversation, contact, ctx.settings)
    if not gaps:
        return None
    return ctx.step(
        kind=ActionKind.PREPARE,
        door=Door.OPEN_BRIEF,
        title=f"Prepare for {contact.name}",
        reason=(
            f"Prepare rule: the interview on {ctx.day(ctx.local(starts))} at {ctx.clock(starts)} "
            f"is less than {plural(hours, 'hour')} away and the brief has {', '.join(gaps)}."
        ),
        due_at=starts,
        shows_from=starts - timedelta(hours=hours),
        shows_until=starts,
        contact=contact,
        conversation=conversation,
    )


def attend(conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext) -> Step | None:
    """The interview, shown from the start of its local day until its agreed end.

    It stays on the list while the interview runs (then overdue, since its
    start has passed) and leaves it at the agreed end.
    """
    if conversation.stage is not Stage.SCHEDULED or conversation.starts_at is None:
        return None
    starts = utc(conversation.starts_at)
    ends = starts + timedelta(minutes=conversation.minutes)
    length = f"{conversation.minutes} min, {conversation.medium.label}"
    return ctx.step(
        kind=ActionKind.ATTEND,
        door=Door.INTERVIEW_MODE,
        title=f"Interview {contact.name} at {ctx.clock(starts)} ({length})",
        reason=(
            # "today" holds: the step only shows on the interview's own day.
            f"Attend rule: your interview is today from {ctx.clock(starts)} to {ctx.clock(ends)}."
        ),
        due_at=starts,
        shows_from=ctx.start_of_day(ctx.local(starts)),
        shows_until=ends,
        contact=contact,
        conversation=conversation,
    )


def capture(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Step | None:
    """An interview that ended without notes, due on the day it ended.

    A scheduled interview counts as ended once its agreed length has passed,
    even if nobody marked it held, because memories fade either way: it shows
    from that moment on.
    """
    if conversation.has_notes:
        return None
    ended = interview_end(conversation)
    if ended is None:
        return None
    ran_out = conversation.stage is Stage.SCHEDULED
    if conversation.stage not in _ENDED_STAGES and not ran_out:
        return None
    day = ctx.local(ended)
    return ctx.step(
        kind=ActionKind.CAPTURE,
        door=Door.INTERVIEW_MODE,
        title=f"Write down what {contact.name} said",
        reason=(
            f"Capture rule: the interview of {ctx.day(day)} ended with no notes; "
            "write them while you still remember."
        ),
        due=day,
        # From just after the end: at the end itself the interview is still its own step.
        shows_from=ended + _INSTANT if ran_out else None,
        contact=contact,
        conversation=conversation,
    )


def thank(conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext) -> Step | None:
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
    return ctx.step(
        kind=ActionKind.THANK,
        door=Door.WRITE_THANK_YOU,
        title=f"Thank {contact.name}",
        reason=(
            f"Thank-you rule: thank within {plural(hours, 'hour')} of the interview's end "
            f"({ctx.day(ctx.local(ended), ctx.local(ended + timedelta(hours=hours)))} "
            f"at {ctx.clock(ended)})."
        ),
        due_at=ended + timedelta(hours=hours),
        contact=contact,
        conversation=conversation,
    )

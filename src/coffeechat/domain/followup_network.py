"""Rules for after the interview and beyond it: referrals, report back, stay in touch,
action items and reflection on career paths.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from coffeechat.domain.followup_context import RuleContext, is_closed, plural, utc
from coffeechat.domain.nurture import (
    Cadence,
    Relationship,
    cadence_status,
    stay_in_touch_status,
)
from coffeechat.domain.steps import Door, Step
from coffeechat.domain.types import (
    ActionKind,
    ContactFacts,
    ConversationFacts,
    ReferralFacts,
    Sentiment,
    Stage,
)


def referrals(ctx: RuleContext) -> Iterator[Step]:
    """Contact Y (introduced by X), until a request has gone out to Y.

    When two people introduced the same person, the first introduction counts
    and the action appears once.
    """
    for referral in _first_referral_per_person(ctx.snapshot.referrals):
        person = ctx.active(referral.to_contact_id)
        if person is None or _was_requested(person, ctx):
            continue
        days = ctx.settings.referral_within_business_days
        introduced = ctx.local(referral.created_at)
        due = ctx.after_business_days(referral.created_at, days)
        introducer = _introducer_name(referral, person, ctx)
        by = f" (introduced by {introducer})" if introducer else ""
        yield ctx.step(
            kind=ActionKind.REFERRAL,
            door=Door.CONTACT_REFERRAL,
            title=f"Contact {person.name}{by}",
            reason=(
                f"Referral rule: introduced on {ctx.day(introduced, due)}; reach out within "
                f"{plural(days, 'business day')} while the introduction is fresh."
            ),
            due=due,
            contact=person,
            referral_id=referral.id,
        )


def _first_referral_per_person(all_referrals: tuple[ReferralFacts, ...]) -> list[ReferralFacts]:
    first: dict[int, ReferralFacts] = {}
    for referral in sorted(all_referrals, key=lambda r: (utc(r.created_at), r.id)):
        first.setdefault(referral.to_contact_id, referral)
    return list(first.values())


def _was_requested(contact: ContactFacts, ctx: RuleContext) -> bool:
    return any(c.requested_at is not None for c in ctx.conversations_of.get(contact.id, ()))


def _introducer_name(referral: ReferralFacts, person: ContactFacts, ctx: RuleContext) -> str | None:
    introducer = ctx.contacts.get(referral.from_contact_id)
    return introducer.name if introducer is not None else person.referred_by_name


def report_back(
    conversation: ConversationFacts, contact: ContactFacts, ctx: RuleContext
) -> Step | None:
    """Tell them what you did with their advice, ``report_back_after_days`` after thanking."""
    if not _report_back_pending(conversation) or conversation.thanked_at is None:
        return None
    days = ctx.settings.report_back_after_days
    thanked = ctx.local(conversation.thanked_at)
    due = thanked + timedelta(days=days)
    return ctx.step(
        kind=ActionKind.STAY_IN_TOUCH,
        door=Door.WRITE_REPORT_BACK,
        title=f"Tell {contact.name} what you did with their advice",
        reason=(
            f"Report-back rule: {plural(days, 'day')} after your thank-you of "
            f"{ctx.day(thanked, due)}, share what you acted on."
        ),
        due=due,
        contact=contact,
        conversation=conversation,
    )


def _report_back_pending(conversation: ConversationFacts) -> bool:
    return conversation.stage is Stage.THANKED and conversation.report_back_at is None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where one person of your network stands on the stay-in-touch clock, whatever the day.

    ``ideal_due`` is amber, ``max_due`` red. The Network and contact pages show
    these (through the due index); Today's update step is due on ``ideal_due``.
    """

    contact_id: int
    last_exchange_at: datetime
    last_exchange: date  # its local date, where the clock counts from
    ideal_days: int
    ideal_due: date
    max_due: date

    def on(self, today: date) -> Cadence:
        """The colour and wording on ``today``.

        >>> s = Standing(1, datetime(2026, 10, 1), date(2026, 10, 1), 30,
        ...              date(2026, 10, 31), date(2026, 11, 15))
        >>> s.on(date(2026, 10, 30)).state.value, s.on(date(2026, 10, 31)).state.value
        ('on_track', 'due')
        >>> s.on(date(2026, 11, 15)).state.value
        'overdue'
        """
        return cadence_status(self.last_exchange, self.ideal_days, today=today)


def standings(ctx: RuleContext) -> Iterator[Standing]:
    """Everyone in your network with a clock running: the Network page's people."""
    for contact in ctx.snapshot.contacts:
        standing = standing_of(contact, ctx)
        if standing is not None:
            yield standing


def standing_of(contact: ContactFacts, ctx: RuleContext) -> Standing | None:
    """The one stay-in-touch rule: your network (an open conversation with an interview
    held, or a yes or a pointer to someone), counted from the last message sent or
    received or interview held, unless they asked not to be contacted."""
    if contact.last_exchange_at is None:
        return None
    conversations = [c for c in ctx.conversations_of.get(contact.id, ()) if not is_closed(c)]
    last = ctx.local(contact.last_exchange_at)
    status = stay_in_touch_status(
        Relationship(
            in_network=any(in_network(c) for c in conversations),
            do_not_contact=contact.do_not_contact,
            cadence_days=contact.cadence_days,
            last_exchange=last,
        ),
        default_days=ctx.settings.stay_in_touch_days,
        # The due dates do not depend on the day asked, only the colour does.
        today=last,
    )
    if status is None or status.ideal_due is None or status.max_due is None:
        return None
    return Standing(
        contact.id,
        contact.last_exchange_at,
        last,
        status.ideal_days,
        status.ideal_due,
        status.max_due,
    )


def stay_in_touch(ctx: RuleContext) -> Iterator[Step]:
    """Send X an update every cadence since the last real exchange, either way.

    Due on the person's ``Standing.ideal_due``, the same standing that colours
    the Network and contact pages, so both agree on who is due and from when.
    While a thank-you or a report-back is owed, Today lists that message for
    them instead of an update (the Network page shows them due all the same).
    """
    for contact in ctx.snapshot.contacts:
        if any(_step_owed(c) for c in ctx.conversations_of.get(contact.id, ()) if not is_closed(c)):
            continue
        standing = standing_of(contact, ctx)
        if standing is None:
            continue
        due = standing.ideal_due
        yield ctx.step(
            kind=ActionKind.STAY_IN_TOUCH,
            door=Door.WRITE_UPDATE,
            title=f"Send {contact.name} an update",
            reason=(
                f"Stay-in-touch rule: every {plural(standing.ideal_days, 'day')} since your last "
                f"exchange on {ctx.day(standing.last_exchange, due)}; "
                f"red from {ctx.day(standing.max_due, due)}."
            ),
            due=due,
            contact=contact,
        )


_RELATIONSHIP_SENTIMENTS = (Sentiment.POSITIVE, Sentiment.REFERRAL_ONLY)


def in_network(conversation: ConversationFacts) -> bool:
    """Someone you have a relationship with: an interview held, or a yes or a pointer to
    someone. The Network page lists exactly these people (see ``standings``)."""
    return conversation.held_at is not None or conversation.sentiment in _RELATIONSHIP_SENTIMENTS


def _step_owed(conversation: ConversationFacts) -> bool:
    """A thank-you or a report-back still to send: Today lists that message instead."""
    return conversation.stage is Stage.HELD or _report_back_pending(conversation)


def action_items(ctx: RuleContext) -> Iterator[Step]:
    """Every open action item with a due date, titled by its own text.

    Action items are the user's own tasks, so they show even when the contact
    they came from is closed or asked not to be contacted.
    """
    for item in ctx.snapshot.action_items:
        if item.done or item.due is None:
            continue
        origin = f" from {item.contact_name}'s advice" if item.contact_name else ""
        step = ctx.step(
            kind=ActionKind.ACTION_ITEM,
            door=Door.OPEN_ACTION_ITEM,
            title=item.text,
            reason=f"Action-item rule: a task{origin} you set for {ctx.day(item.due)}.",
            due=item.due,
            organization_id=item.organization_id,
            career_path_id=item.career_path_id,
            action_item_id=item.id,
        )
        # The item's own links, read with it: it needs no other facts.
        yield replace(step, contact_id=item.contact_id, conversation_id=item.conversation_id)


def reflect(ctx: RuleContext) -> Iterator[Step]:
    """Reflect on path P once ``reflect_after_interviews`` were held since its last review.

    Due on the day of the interview that reached the count. Interviews count
    even when their conversation was closed later or the contact asked not to
    be contacted: what was learnt still bears on the path.
    """
    needed = ctx.settings.reflect_after_interviews
    held = _held_per_path(ctx.snapshot.conversations)
    for path in ctx.snapshot.career_paths:
        if path.dropped:
            continue
        since = utc(path.last_reviewed_at) if path.last_reviewed_at is not None else None
        new = sorted(moment for moment in held[path.id] if since is None or moment > since)
        if len(new) < needed:
            continue
        due = ctx.local(new[needed - 1])
        review = f"since you last reviewed it on {ctx.day(ctx.local(since), due)}" if since else ""
        yield ctx.step(
            kind=ActionKind.REFLECT,
            door=Door.REFLECT_ON_PATH,
            title=f"Reflect on path {path.title}",
            reason=(
                f"Reflect rule: {plural(len(new), 'interview')} held on this path "
                f"{review or 'and its fit never reviewed'}."
            ),
            due=due,
            career_path_id=path.id,
        )


def _held_per_path(
    conversations: tuple[ConversationFacts, ...],
) -> defaultdict[int, list[datetime]]:
    held: defaultdict[int, list[datetime]] = defaultdict(list)
    for conversation in conversations:
        if conversation.career_path_id is not None and conversation.held_at is not None:
            held[conversation.career_path_id].append(utc(conversation.held_at))
    return held


def thank_introducer(ctx: RuleContext) -> Iterator[Step]:
    """Thank X for introducing you to Y, once the conversation with Y was held.

    Due ``thank_introducer_days`` after the first interview held with Y; any
    message the user sends X after that interview counts as the thanks. One
    action per introducer and introduced person, however often it was noted.
    """
    days = ctx.settings.thank_introducer_days
    seen: set[tuple[int, int]] = set()
    for referral in sorted(ctx.snapshot.referrals, key=lambda r: (utc(r.created_at), r.id)):
        pair = (referral.from_contact_id, referral.to_contact_id)
        introducer = ctx.active(referral.from_contact_id)
        introduced = ctx.contacts.get(referral.to_contact_id)
        if pair in seen or introducer is None or introduced is None:
            continue
        seen.add(pair)
        held = _first_held(introduced, ctx)
        if held is None or _thanked_since(introducer, held):
            continue
        yield ctx.step(
            kind=ActionKind.THANK_INTRODUCER,
            door=Door.THANK_INTRODUCER,
            title=f"Thank {introducer.name} for introducing you to {introduced.name}",
            reason=(
                f"Introducer rule: you talked with {introduced.name} on "
                f"{ctx.day(ctx.local(held))}; tell {introducer.name} how it went within "
                f"{plural(days, 'day')}."
            ),
            due=ctx.local(held) + timedelta(days=days),
            contact=introducer,
            referral_id=referral.id,
        )


def _first_held(contact: ContactFacts, ctx: RuleContext) -> datetime | None:
    held = [utc(c.held_at) for c in ctx.conversations_of.get(contact.id, ()) if c.held_at]
    return min(held) if held else None


def _thanked_since(introducer: ContactFacts, held: datetime) -> bool:
    return introducer.last_sent_at is not None and utc(introducer.last_sent_at) >= held

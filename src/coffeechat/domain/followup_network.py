"""Rules for after the interview and beyond it: referrals, report back, stay in touch,
action items and reflection on career paths.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta

from coffeechat.domain.followup_context import RuleContext, is_closed, plural, utc
from coffeechat.domain.types import (
    Action,
    ActionKind,
    ContactFacts,
    ConversationFacts,
    ReferralFacts,
    Stage,
)


def referrals(ctx: RuleContext) -> Iterator[Action]:
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
        introducer = _introducer_name(referral, person, ctx)
        by = f" (introduced by {introducer})" if introducer else ""
        yield ctx.action(
            kind=ActionKind.REFERRAL,
            title=f"Contact {person.name}{by}",
            reason=(
                f"Referral rule: introduced on {ctx.day(introduced)}; reach out within "
                f"{plural(days, 'business day')} while the introduction is fresh."
            ),
            due=ctx.after_business_days(referral.created_at, days),
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
) -> Action | None:
    """Tell them what you did with their advice, ``report_back_after_days`` after thanking."""
    if not _report_back_pending(conversation) or conversation.thanked_at is None:
        return None
    days = ctx.settings.report_back_after_days
    thanked = ctx.local(conversation.thanked_at)
    return ctx.action(
        kind=ActionKind.STAY_IN_TOUCH,
        title=f"Tell {contact.name} what you did with their advice",
        reason=(
            f"Report-back rule: {plural(days, 'day')} after your thank-you of "
            f"{ctx.day(thanked)}, share what you acted on."
        ),
        due=thanked + timedelta(days=days),
        contact=contact,
        conversation=conversation,
    )


def _report_back_pending(conversation: ConversationFacts) -> bool:
    return conversation.stage is Stage.THANKED and conversation.report_back_at is None


def stay_in_touch(ctx: RuleContext) -> Iterator[Action]:
    """Send X an update every cadence since the last real exchange, once they heard back.

    The cadence is the contact's own (a positive ``cadence_days``) or the
    ``stay_in_touch_days`` default. Nothing is due while a report-back is still
    pending, since that message comes first.
    """
    for contact in ctx.snapshot.contacts:
        if contact.do_not_contact:
            continue
        last = _last_exchange_after_report_back(contact, ctx)
        if last is None:
            continue
        cadence = contact.cadence_days or ctx.settings.stay_in_touch_days
        exchanged = ctx.local(last)
        yield ctx.action(
            kind=ActionKind.STAY_IN_TOUCH,
            title=f"Send {contact.name} an update",
            reason=(
                f"Stay-in-touch rule: every {plural(cadence, 'day')} since your last exchange "
                f"on {ctx.day(exchanged)}."
            ),
            due=exchanged + timedelta(days=cadence),
            contact=contact,
        )


def _last_exchange_after_report_back(contact: ContactFacts, ctx: RuleContext) -> datetime | None:
    """The latest exchange, for a contact who has had a report-back and owes none now.

    The report-back itself is an exchange, so it also counts when the contact's
    ``last_exchange_at`` lags behind it.
    """
    conversations = [c for c in ctx.conversations_of.get(contact.id, ()) if not is_closed(c)]
    if any(_report_back_pending(c) for c in conversations):
        return None
    moments = [utc(c.report_back_at) for c in conversations if c.report_back_at is not None]
    if not moments:
        return None
    if contact.last_exchange_at is not None:
        moments.append(utc(contact.last_exchange_at))
    return max(moments)


def action_items(ctx: RuleContext) -> Iterator[Action]:
    """Every open action item with a due date, titled by its own text.

    Action items are the user's own tasks, so they show even when the contact
    they came from is closed or asked not to be contacted.
    """
    for item in ctx.snapshot.action_items:
        if item.done or item.due is None:
            continue
        source = ctx.contacts.get(item.contact_id) if item.contact_id is not None else None
        origin = f" from {source.name}'s advice" if source is not None else ""
        action = ctx.action(
            kind=ActionKind.ACTION_ITEM,
            title=item.text,
            reason=f"Action-item rule: a task{origin} you set for {ctx.day(item.due)}.",
            due=item.due,
            contact=source,
            career_path_id=item.career_path_id,
            action_item_id=item.id,
        )
        # The item's own links win, even for a contact missing from the snapshot.
        yield dataclasses.replace(
            action, contact_id=item.contact_id, conversation_id=item.conversation_id
        )


def reflect(ctx: RuleContext) -> Iterator[Action]:
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
        review = f"since you last reviewed it on {ctx.day(ctx.local(since))}" if since else ""
        yield ctx.action(
            kind=ActionKind.REFLECT,
            title=f"Reflect on path {path.title}",
            reason=(
                f"Reflect rule: {plural(len(new), 'interview')} held on this path "
                f"{review or 'and its fit never reviewed'}."
            ),
            due=ctx.local(new[needed - 1]),
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


# Nurture (issue 6)


def thank_introducer(ctx: RuleContext) -> Iterator[Action]:
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
        yield ctx.action(
            kind=ActionKind.THANK_INTRODUCER,
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

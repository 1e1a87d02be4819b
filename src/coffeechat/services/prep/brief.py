"""The one-page prep brief: who they are, why them, your answers, the plan, logistics.

``brief_for`` gathers it for the page; ``brief_markdown`` writes the same
content as a Markdown file to print or keep beside the call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.core.models import Contact, Conversation, Profile
from coffeechat.domain.followup_interviews import brief_gaps
from coffeechat.domain.questions import Role
from coffeechat.domain.types import ContactFacts, ConversationFacts, Medium, Stage
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.owned import get_owned
from coffeechat.services.prep.plans import PlanView, plan_for
from coffeechat.services.today.due_list import rule_settings


@dataclass(frozen=True)
class ZonedTime:
    label: str  # "Your time", "Their time"
    zone: str
    at: datetime

    @property
    def text(self) -> str:
        """Formatted here: a template's date filter would shift it to the viewer's zone."""
        return f"{self.at:%A} {self.at.day} {self.at:%B %Y, %H:%M}"


@dataclass(frozen=True)
class Gap:
    text: str
    fix: str  # which part of the page (or another page) fixes it: an anchor name


@dataclass(frozen=True)
class Brief:
    conversation: Conversation
    contact: Contact
    profile: Profile
    plan: PlanView
    times: list[ZonedTime]
    gaps: list[Gap]

    @property
    def links(self) -> list[tuple[str, str]]:
        contact = self.contact
        links = []
        if contact.linkedin_url:
            links.append(("LinkedIn", contact.linkedin_url))
        if contact.email:
            links.append(("Email", f"mailto:{contact.email}"))
        if contact.organization and contact.organization.website:
            links.append((contact.organization.name, contact.organization.website))
        return links


def brief_for(user: Any, conversation_id: object) -> Brief:
    conversation: Conversation = get_owned(user, Conversation, conversation_id)
    profile = ensure_profile(user)
    plan = plan_for(user, conversation)
    return Brief(
        conversation=conversation,
        contact=conversation.contact,
        profile=profile,
        plan=plan,
        times=_times(conversation, profile),
        gaps=_gaps(conversation, profile, plan),
    )


def _times(conversation: Conversation, profile: Profile) -> list[ZonedTime]:
    start = conversation.starts_at
    if start is None:
        return []
    zones = [("Your time", profile.time_zone)]
    theirs = conversation.contact.time_zone or conversation.time_zone
    if theirs and theirs != profile.time_zone:
        zones.append(("Their time", theirs))
    return [ZonedTime(label, zone, start.astimezone(ZoneInfo(zone))) for label, zone in zones]


def _gaps(conversation: Conversation, profile: Profile, plan: PlanView) -> list[Gap]:
    """The Prepare rule's gaps (same words as Today), then what else the brief lacks."""
    facts = ConversationFacts(
        id=conversation.pk,
        contact_id=conversation.contact_id,
        career_path_id=None,
        stage=Stage(conversation.stage),
        created_at=conversation.created_at,
        minutes=conversation.planned_minutes,
        medium=Medium(conversation.medium),
        plan_minutes=plan.total_minutes,
    )
    contact = ContactFacts(
        id=conversation.contact_id,
        name=conversation.contact.name,
        organization_id=None,
        organization_name=None,
        has_research=bool(conversation.contact.research_notes.strip()),
        do_not_contact=False,
        cadence_days=None,
        last_exchange_at=None,
    )
    fixes = {"no research": "who", "no question plan": "plan"}
    gaps = [
        Gap(text, fixes.get(text, "plan"))
        for text in brief_gaps(facts, contact, rule_settings(profile))
    ]
    if not profile.elevator_pitch.strip():
        gaps.append(Gap('no answer to "tell me about yourself"', "answers"))
    if not profile.why_this_field.strip():
        gaps.append(Gap('no answer to "why this field"', "answers"))
    if conversation.starts_at is None:
        gaps.append(Gap("no time booked", "logistics"))
    return gaps


def _section(title: str, body: str) -> list[str]:
    return [f"## {title}", "", body.strip() or "_(empty)_", ""]


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: headings, the plan as a numbered list with minutes."""
    c, contact, plan = brief.conversation, brief.contact, brief.plan.plan
    who = ", ".join(
        part
        for part in (contact.title, contact.organization.name if contact.organization else "")
        if part
    )
    lines = [f"# Brief: {contact.name}", ""]
    if who:
        lines += [who, ""]
    lines += _section("Who they are", contact.research_notes)
    for label, url in brief.links:
        lines.append(f"- {label}: {url}")
    if brief.links:
        lines.append("")
    why = "\n\n".join(
        text
        for text in (c.purpose, contact.connection and f"Connection: {contact.connection}")
        if text
    )
    lines += _section("Why this person", why)
    lines += _section("Tell me about yourself (2 min)", brief.profile.elevator_pitch)
    lines += _section("Why this field (2 min)", brief.profile.why_this_field)
    lines += [f"## Questions ({plan.used} of {plan.budget} min; {plan.length}-minute call)", ""]
    for number, line in enumerate(plan.lines, start=1):
        role = {Role.OPENER: " (opener)", Role.CLOSER: " (closing)"}.get(line.role, "")
        lines.append(f"{number}. [{line.start}–{line.end} min]{role} {line.item.text}")
    if not plan.lines:
        lines.append("_(no questions planned)_")
    for gap in plan.left_out:
        lines.append(f"- Left out: {gap.item.text} ({gap.reason})")
    lines += ["", "## Logistics", ""]
    for time in brief.times:
        lines.append(f"- {time.label}: {time.text} ({time.zone})")
    if not brief.times:
        lines.append("- Not booked yet")
    lines.append(f"- {c.get_medium_display()}, {c.planned_minutes} minutes")
    if c.location:
        lines.append(f"- Where: {c.location}")
    return "\n".join(lines).rstrip() + "\n"

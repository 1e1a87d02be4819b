"""The conversation page as the process reads it: seven steps and the next one to take.

Each step has one home on the page, and each thing the user does has one way
to do it there (the composer writes every message, the propose page books,
interview mode ends the call). ``next_step`` picks what to do now, with the
reason, the same way Today would phrase it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse

from coffeechat.core.models import Conversation, Message
from coffeechat.domain.types import Stage
from coffeechat.domain.vocabulary import MessageKind, label
from coffeechat.services.outreach import interview_end

# Where each message kind is shown: the step it belongs to.
MESSAGE_STEP = {
    MessageKind.REQUEST: "outreach",
    MessageKind.FOLLOW_UP: "outreach",
    MessageKind.REPLY: "reply",
    MessageKind.CONFIRMATION: "schedule",
    MessageKind.THANK_YOU: "thanks",
    MessageKind.REPORT_BACK: "follow-through",
    MessageKind.UPDATE: "follow-through",
    MessageKind.INTRODUCTION_ASK: "follow-through",
}

# The steps in order; a stage's position says which are done.
STEPS = (
    ("outreach", "Reach out"),
    ("reply", "Their reply"),
    ("schedule", "Schedule"),
    ("prepare", "Prepare"),
    ("call", "Interview"),  # not #interview: that id marks interview mode's page
    ("thanks", "Thank-you"),
    ("follow-through", "Follow through"),
)
CURRENT_STEP = {
    Stage.PLANNED: "outreach",
    Stage.REQUESTED: "reply",
    Stage.FOLLOWED_UP: "reply",
    Stage.REPLIED: "schedule",
    Stage.SCHEDULED: "prepare",
    Stage.HELD: "thanks",
    Stage.THANKED: "follow-through",
}
THANK_YOU_WINDOW = timedelta(hours=24)
# From this long before the start, the next step is the interview itself.
INTERVIEW_SOON = timedelta(hours=1)


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    primary: bool = False


@dataclass
class NextStep:
    title: str
    reason: str = ""
    links: list[Link] = field(default_factory=list)
    overdue: bool = False
    reply_form: bool = False  # the "They replied?" form belongs here
    reopen: bool = False


def step_states(conversation: Conversation, now: datetime) -> list[dict[str, str]]:
    """Each step's id, name and state: done, current or later (closed: as far as it got)."""
    current = _current_step(conversation, now)
    names = [key for key, _ in STEPS]
    position = names.index(current) if current in names else len(names)
    return [
        {
            "key": key,
            "name": name,
            "number": str(index + 1),
            "state": "done" if index < position else "current" if index == position else "later",
        }
        for index, (key, name) in enumerate(STEPS)
    ]


def _current_step(conversation: Conversation, now: datetime) -> str:
    stage = Stage(conversation.stage)
    start = conversation.starts_at
    if stage is Stage.SCHEDULED and start is not None and now >= start - INTERVIEW_SOON:
        return "call"
    if stage is Stage.CLOSED:
        return "closed"
    return CURRENT_STEP.get(stage, "outreach")


def messages_by_step(messages: list[Message]) -> dict[str, list[Message]]:
    """Sent and received messages under their step; keys use "_" for templates."""
    grouped: dict[str, list[Message]] = {key.replace("-", "_"): [] for key, _ in STEPS}
    for message in messages:
        step = MESSAGE_STEP.get(MessageKind(message.kind), "outreach")
        grouped[step.replace("-", "_")].append(message)
    return grouped


def next_step(conversation: Conversation, now: datetime, **facts: Any) -> NextStep:
    """What to do now, with one primary link.

    ``facts``: ``zone`` (the user's), ``draft``, ``confirmation_sent`` and
    ``thank_within`` (the Thank rule's window, as Today counts it).
    """
    stage = Stage(conversation.stage)
    builder = _BUILDERS.get(stage)
    if builder is None:
        return NextStep(title="Nothing to do")
    return builder(conversation, now, facts)


def _day(moment: datetime, zone: ZoneInfo, clock: bool = False) -> str:
    """'Tue 3 Nov' (and ', 10:00') in the user's zone, without platform-specific formats."""
    local = moment.astimezone(zone)
    text = f"{local:%a} {local.day} {local:%b}"
    return f"{text}, {local:%H:%M}" if clock else text


def _composer(conversation: Conversation, kind: str = "") -> str:
    url = reverse("web:composer", args=[conversation.pk])
    return f"{url}?kind={kind}" if kind else url


def _planned(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.name
    draft: Message | None = facts.get("draft")
    links = [
        Link(
            "Continue your draft" if draft else "Write your note",
            _composer(conversation),
            primary=True,
        )
    ]
    reason = "A short, personal note: how you found them, what you are curious about, a short ask."
    if not conversation.contact.research_notes:
        links.append(
            Link(
                f"Research {conversation.contact.first_name or name} first",
                reverse("web:contact_edit", args=[conversation.contact_id]) + "#id_research_notes",
            )
        )
    if draft:
        saved = _day(draft.updated_at, facts["zone"], clock=True)
        reason = f"Your draft was saved {saved}; send it your way."
    return NextStep(f"Write to {name}", reason, links)


def _waiting(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.first_name or conversation.contact.name
    sent = conversation.followed_up_at or conversation.requested_at
    what = "follow-up" if conversation.followed_up_at else "note"
    reason = f"Your {what} went out {_day(sent, facts['zone'])}." if sent else ""
    links = []
    if Stage(conversation.stage) is Stage.REQUESTED:
        links.append(Link("Write the follow-up", _composer(conversation, "follow-up")))
    else:
        links.append(Link("Let go", reverse("web:let_go", args=[conversation.pk])))
    return NextStep(f"Waiting for {name}'s reply", reason, links, reply_form=True)


def _replied(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.name
    return NextStep(
        f"Propose times to {name}",
        "Offer a few slots that fit both calendars, in both time zones.",
        [
            Link(
                "Propose times", reverse("web:conversation_propose", args=[conversation.pk]), True
            ),
            Link("Agreed a time already? Record it", "#book-by-hand"),
        ],
    )


def _scheduled(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.name
    start = conversation.starts_at
    interview = reverse("web:interview", args=[conversation.pk])
    if start is not None and now >= start - INTERVIEW_SOON:
        ended = now >= (interview_end(conversation) or now)
        title = f"Write down what {name} said" if ended else f"Interview {name}"
        reason = (
            "Capture notes and highlights while they are fresh, then end the interview."
            if ended
            else "Open interview mode: the clock, your questions and a note box for each."
        )
        return NextStep(title, reason, [Link("Open interview mode", interview, True)])
    links = [Link("Open the brief", reverse("web:brief", args=[conversation.pk]), True)]
    if not facts.get("confirmation_sent"):
        links.append(Link("Send the invite", _composer(conversation, "confirmation")))
    when = f"on {_day(start, facts['zone'], clock=True)}" if start else "soon"
    return NextStep(
        f"Prepare for {name}",
        f"The interview is {when}. Plan your questions and read the brief.",
        links,
    )


def _held(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.name
    ended = interview_end(conversation)
    due = (ended or now) + facts.get("thank_within", THANK_YOU_WINDOW)
    overdue = now > due
    zone = facts["zone"]
    reason = (
        f"It was due {_day(due, zone, clock=True)}; a late thank-you still counts."
        if overdue
        else f"Due by {_day(due, zone, clock=True)}. Name a point you highlighted."
    )
    return NextStep(
        f"Thank {name}",
        reason,
        [Link("Write the thank-you", _composer(conversation, "thank-you"), True)],
        overdue=overdue,
    )


def _thanked(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    name = conversation.contact.first_name or conversation.contact.name
    if not conversation.report_back_at:
        return NextStep(
            f"Tell {name} what you did with their advice",
            "About a week after the thank-you: a short report-back keeps the connection warm.",
            [Link("Write the report-back", _composer(conversation, "report-back"), True)],
        )
    return NextStep(
        f"Stay in touch with {name}",
        "Send an update now and then; Today reminds you when it is time.",
        [Link("Write an update", _composer(conversation, "update"), True)],
    )


def _closed(conversation: Conversation, now: datetime, facts: dict[str, Any]) -> NextStep:
    reason = label(conversation.close_reason) if conversation.close_reason else "closed"
    return NextStep(
        f"Closed: {reason.lower()}",
        "Reopen it if the conversation comes back to life.",
        reopen=True,
    )


_BUILDERS = {
    Stage.PLANNED: _planned,
    Stage.REQUESTED: _waiting,
    Stage.FOLLOWED_UP: _waiting,
    Stage.REPLIED: _replied,
    Stage.SCHEDULED: _scheduled,
    Stage.HELD: _held,
    Stage.THANKED: _thanked,
    Stage.CLOSED: _closed,
}

"""The hand-written campaign, scene by scene: one scene per Today rule to make fire.

``Clock`` counts days back from ``now`` in business days of the campaign's
calendar; ``Campaign`` writes each person's story through the services, then
backdates ``created_at`` (which ``auto_now_add`` pins to the real clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from coffeechat.core.models import (
    ActionItem,
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    PlannedQuestion,
    Question,
    Referral,
)
from coffeechat.domain.businessdays import add_business_days, holiday_dates
from coffeechat.domain.vocabulary import Channel, Direction, MessageKind
from coffeechat.sample.campaign import (
    ATTEND_PLAN,
    NOTES,
    ORGANIZATIONS,
    PATHS,
    PEOPLE,
    QUESTIONS,
    THANK_PLAN,
    ZONE,
    PersonSpec,
)
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as journey
from coffeechat.services.prep.questions import ensure_question_bank


@dataclass(frozen=True)
class Clock:
    """``now`` on the campaign's wall clock, and days counted back in business days."""

    now: datetime
    zone: ZoneInfo
    holidays: frozenset[date]

    @classmethod
    def for_zone(cls, now: datetime, zone: ZoneInfo) -> Clock:
        local = now.astimezone(zone)
        years = range(local.year - 1, local.year + 2)
        return cls(local, zone, holiday_dates("US", years))

    @property
    def today(self) -> date:
        return self.now.date()

    def bd(self, n: int, clock: str = "09:00") -> datetime:
        """``n`` business days from today (negative: ago) at a wall-clock time."""
        return self.at(add_business_days(self.today, n, self.holidays), clock)

    def at(self, day: date, clock: str) -> datetime:
        return datetime.combine(day, time.fromisoformat(clock), tzinfo=self.zone)

    def attend_start(self) -> datetime:
        """An interview later today: the next half hour an hour from now, or one in progress."""
        later = self.now + timedelta(hours=1)
        later = later.replace(second=0, microsecond=0) + timedelta(minutes=-later.minute % 30)
        if later.date() == self.today:
            return later
        # Too late in the day: it started a few minutes ago and is still running.
        started = self.now.replace(second=0, microsecond=0) - timedelta(minutes=10)
        return max(started, self.at(self.today, "00:00"))

    def prepare_start(self) -> datetime:
        """The next business day at 10:30 when that is within 47 hours, else tomorrow."""
        start = self.bd(1, "10:30")
        if start - self.now > timedelta(hours=47):
            start = self.at(self.today + timedelta(days=1), "10:30")
        return start


def _backdate(instance: models.Model, moment: datetime) -> None:
    """Set ``created_at``, which ``auto_now_add`` otherwise pins to the real clock."""
    type(instance).objects.filter(pk=instance.pk).update(created_at=moment)  # type: ignore[attr-defined]
    instance.created_at = moment  # type: ignore[attr-defined]


class Campaign:
    def __init__(self, user: Any, clock: Clock) -> None:
        self.user = user
        self.clock = clock
        self.paths: dict[str, CareerPath] = {}
        self.orgs: dict[str, Organization] = {}
        self.people: dict[str, Contact] = {}
        self.questions: dict[str, Question] = {}
        self.conversations: dict[str, Conversation] = {}

    # -- the lists ---------------------------------------------------------------

    def load(self) -> None:
        c = self.clock
        long_ago = c.now - timedelta(days=90)
        for spec in PATHS:
            path = crm.create_career_path(
                self.user,
                {
                    "title": spec.title,
                    "field": spec.field,
                    "status": spec.status,
                    "notes": spec.notes,
                },
            )
            if spec.reviewed_days_ago is not None:
                path.last_reviewed_at = c.now - timedelta(days=spec.reviewed_days_ago)
                path.save(update_fields=["last_reviewed_at"])
            _backdate(path, long_ago)
            self.paths[spec.key] = path
        for org in ORGANIZATIONS:
            organization = crm.create_organization(
                self.user,
                {
                    "name": org.name,
                    "industry": org.industry,
                    "website": org.website,
                    "motivation": org.motivation,
                    "posting": org.posting,
                    "notes": org.notes,
                },
            )
            _backdate(organization, long_ago)
            self.orgs[org.key] = organization
        ensure_question_bank(self.user)
        builtins = {q.key: q for q in Question.objects.filter(owner=self.user).exclude(key="")}
        for question in QUESTIONS:
            if question.bank_key in builtins:
                self.questions[question.key] = builtins[question.bank_key]
                continue
            row = Question.objects.create(
                owner=self.user,
                text=question.text,
                category=question.category,
                tiara=question.tiara,
                minutes=question.minutes,
                findable_online=question.findable_online,
            )
            _backdate(row, long_ago)
            self.questions[question.key] = row
        for person in PEOPLE:
            self.people[person.key] = self._contact(person)
        for person in PEOPLE:
            scenario = getattr(self, f"scene_{person.scenario}")
            scenario(person, self.people[person.key])
        self._action_items()

    def _contact(self, spec: PersonSpec) -> Contact:
        org = self.orgs[spec.org] if spec.org else None
        domain = org.website.split("//", 1)[1].removeprefix("www.") if org else "example.com"
        handle = f"{spec.first}.{spec.last}".lower().replace("'", "")
        data: dict[str, Any] = {
            "first_name": spec.first,
            "last_name": spec.last,
            "email": f"{handle}@{domain}",
            "linkedin_url": (
                f"https://www.linkedin.com/in/{handle.replace('.', '-')}" if spec.linkedin else ""
            ),
            "organization": org.pk if org else "",
            "title": spec.title,
            "location": spec.location,
            "time_zone": spec.time_zone,
            "source": spec.source,
            "connection": spec.connection,
            "referred_by": self.people[spec.referred_by].pk if spec.referred_by else "",
            "research_notes": spec.research,
            "cadence_days": spec.cadence_days or "",
            "do_not_contact": spec.do_not_contact,
            "career_paths": [self.paths[key].pk for key in spec.paths],
        }
        contact = crm.create_contact(self.user, data)
        _backdate(contact, self.clock.now - timedelta(days=75))
        return contact

    # -- the steps of one conversation ------------------------------------------

    def _start(self, spec: PersonSpec, contact: Contact, chosen: datetime) -> Conversation:
        path = self.paths[spec.path] if spec.path else None
        field = _in_sentence(path.title) if path else "your field"
        conversation = journey.start_conversation(
            self.user,
            {
                "contact": contact.pk,
                "career_path": path.pk if path else "",
                "medium": spec.medium,
                "planned_minutes": spec.minutes,
                "purpose": f"Learn how {spec.first} got into {field} and what the work "
                "is like day to day.",
            },
        )
        _backdate(conversation, chosen)
        self.conversations[spec.key] = conversation
        return conversation

    def _event(self, conversation: Conversation, at: datetime, **data: Any) -> None:
        journey.record_event(self.user, conversation.pk, data, at)

    def _request(self, spec: PersonSpec, conversation: Conversation, at: datetime) -> None:
        subject, body = _request_text(spec, self.orgs[spec.org].name if spec.org else "")
        self._event(conversation, at, type="request_sent", subject=subject, body=body)
        if spec.source in ("linkedin", "social"):
            conversation.messages.update(channel=Channel.LINKEDIN_MESSAGE)

    def _yes(self, spec: PersonSpec, conversation: Conversation, at: datetime) -> None:
        body = (
            f"Hi Maya, happy to help a fellow career changer. {spec.minutes} minutes works; "
            "send me a couple of times that suit you.\n" + spec.first
        )
        self._event(conversation, at, type="reply_received", sentiment="positive", body=body)

    def _book(self, spec: PersonSpec, conversation: Conversation, at: datetime, start: datetime):
        self._event(
            conversation,
            at,
            type="scheduled",
            starts_at=start.replace(tzinfo=None).isoformat(timespec="minutes"),
            time_zone=ZONE,
            minutes=spec.minutes,
        )

    def _hold(self, spec: PersonSpec, conversation: Conversation, start: datetime) -> datetime:
        end = start + timedelta(minutes=spec.minutes)
        self._event(conversation, end, type="held")
        return end

    def _notes(self, spec: PersonSpec, conversation: Conversation, written: datetime) -> list[Note]:
        notes = []
        for text, highlight, tags, question in NOTES.get(spec.key, ()):
            note = journey.add_note(
                self.user,
                conversation.pk,
                {"text": text, "highlight": highlight, "tags": list(tags)},
            )
            if question:
                note.question = self.questions[question]
                note.save(update_fields=["question"])
            _backdate(note, written)
            notes.append(note)
        return notes

    def _send_thanks(self, spec: PersonSpec, conversation: Conversation, at: datetime) -> None:
        points = [text for text, highlight, _, _ in NOTES.get(spec.key, ()) if highlight]
        point = points[0].rstrip(".").lower() if points else "your advice"
        body = (
            f"Hi {spec.first},\n\nThank you for your time today. What stayed with me most: "
            f"{point}. I'm acting on it this week.\n\nMaya"
        )
        self._event(conversation, at, type="thank_you_sent", subject="Thank you", body=body)

    def _plan(self, conversation: Conversation, keys: tuple[str, ...], asked: bool) -> None:
        PlannedQuestion.objects.bulk_create(
            PlannedQuestion(
                owner=self.user,
                conversation=conversation,
                question=self.questions[key],
                position=position,
                asked=asked,
            )
            for position, key in enumerate(keys)
        )

    # -- one scenario per Today rule (and a few endings) ---------------------------

    def scene_none(self, spec: PersonSpec, contact: Contact) -> None:
        """Known, not yet chosen for outreach."""

    def scene_planned(self, spec: PersonSpec, contact: Contact) -> None:
        """Chosen and researched; the note is not written yet, so nothing is due."""
        self._start(spec, contact, self.clock.bd(-3, "19:00"))

    def scene_research(self, spec: PersonSpec, contact: Contact) -> None:
        """Research rule: chosen yesterday, research section still empty."""
        self._start(spec, contact, self.clock.now - timedelta(days=1))

    def scene_send(self, spec: PersonSpec, contact: Contact) -> None:
        """Send rule: the note was drafted three days ago and not sent."""
        c = self.clock
        conversation = self._start(spec, contact, c.now - timedelta(days=4))
        subject, body = _request_text(spec, self.orgs[spec.org].name if spec.org else "")
        draft = journey.save_draft(self.user, conversation.pk, {"subject": subject, "body": body})
        _backdate(draft, c.now - timedelta(days=3))

    def scene_try_another(self, spec: PersonSpec, contact: Contact) -> None:
        """Try-another rule: four business days without reply, colleagues not yet asked."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-6, "20:00"))
        self._request(spec, conversation, c.bd(-4, "07:45"))

    def scene_follow_up(self, spec: PersonSpec, contact: Contact) -> None:
        """Follow-up rule: eight business days without reply."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-10, "19:30"))
        self._request(spec, conversation, c.bd(-8, "08:15"))

    def scene_let_go(self, spec: PersonSpec, contact: Contact) -> None:
        """Let-go rule: the follow-up has waited eight business days too."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-19, "18:00"))
        self._request(spec, conversation, c.bd(-17, "21:10"))
        self._event(
            conversation,
            c.bd(-8, "07:30"),
            type="follow_up_sent",
            subject="Re: a 20-minute chat about data work at Civic Data Lab?",
            body=f"Hi {spec.first}, just bringing this back to the top of your inbox in case "
            "it got buried. If now is a busy time, no worries at all.\nMaya",
        )

    def scene_schedule(self, spec: PersonSpec, contact: Contact) -> None:
        """Schedule rule: she said yes yesterday and nothing is booked."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-5, "19:00"))
        self._request(spec, conversation, c.bd(-3, "20:30"))
        self._yes(spec, conversation, c.bd(-1, "16:20"))

    def scene_prepare(self, spec: PersonSpec, contact: Contact) -> None:
        """Prepare rule: the interview is tomorrow and there is no question plan."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-9, "19:00"))
        self._request(spec, conversation, c.bd(-7, "07:50"))
        self._yes(spec, conversation, c.bd(-5, "12:10"))
        self._book(spec, conversation, c.bd(-4, "16:00"), c.prepare_start())

    def scene_attend(self, spec: PersonSpec, contact: Contact) -> None:
        """Attend rule: the interview is today, with research and a plan that fits."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-12, "19:00"))
        self._request(spec, conversation, c.bd(-10, "19:40"))
        self._yes(spec, conversation, c.bd(-9, "09:05"))
        self._book(spec, conversation, c.bd(-8, "15:45"), c.attend_start())
        self._plan(conversation, ATTEND_PLAN, asked=False)

    def scene_capture(self, spec: PersonSpec, contact: Contact) -> None:
        """Capture rule (and thank): held two business days ago, no notes written."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-17, "18:30"))
        self._request(spec, conversation, c.bd(-17, "20:00"))
        self._yes(spec, conversation, c.bd(-15, "10:30"))
        start = c.bd(-2, "12:00")
        self._book(spec, conversation, c.bd(-15, "11:00"), start)
        self._hold(spec, conversation, start)

    def scene_thank(self, spec: PersonSpec, contact: Contact) -> None:
        """Thank rule: held yesterday, notes taken, a referral captured, no thank-you yet."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-16, "19:00"))
        self._request(spec, conversation, c.bd(-14, "08:00"))
        self._yes(spec, conversation, c.bd(-13, "13:15"))
        start = c.bd(-1, "11:00")
        self._book(spec, conversation, c.bd(-12, "17:00"), start)
        self._plan(conversation, THANK_PLAN, asked=True)
        end = self._hold(spec, conversation, start)
        notes = self._notes(spec, conversation, end + timedelta(minutes=5))
        referral = Referral.objects.create(
            owner=self.user,
            from_contact=contact,
            to_contact=self.people["ben"],
            via_conversation=conversation,
            context=notes[-1].text if notes else "",
        )
        _backdate(referral, end + timedelta(minutes=10))
        item = ActionItem.objects.create(
            owner=self.user,
            text="Rewrite two lesson-study write-ups as research case studies",
            kind="other",
            due=c.today + timedelta(days=5),
            conversation=conversation,
            career_path=self.paths["ux"],
            source_note=notes[2] if len(notes) > 2 else None,
        )
        _backdate(item, end + timedelta(minutes=12))

    def scene_report_back(self, spec: PersonSpec, contact: Contact) -> None:
        """Report-back rule: thanked over a week ago, not yet told what came of it."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-25, "19:00"))
        self._request(spec, conversation, c.bd(-23, "07:40"))
        self._yes(spec, conversation, c.bd(-22, "12:30"))
        start = c.bd(-7, "16:00")
        self._book(spec, conversation, c.bd(-21, "18:00"), start)
        end = self._hold(spec, conversation, start)
        self._notes(spec, conversation, end + timedelta(minutes=10))
        self._send_thanks(spec, conversation, c.bd(-7, "20:15"))

    def scene_nurture(self, spec: PersonSpec, contact: Contact) -> None:
        """Stay-in-touch rule: reported back five weeks ago; a 30-day cadence."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-48, "19:00"))
        self._request(spec, conversation, c.bd(-46, "08:00"))
        self._yes(spec, conversation, c.bd(-45, "12:45"))
        start = c.bd(-38, "17:00")
        self._book(spec, conversation, c.bd(-45, "19:00"), start)
        end = self._hold(spec, conversation, start)
        self._notes(spec, conversation, end + timedelta(minutes=10))
        self._send_thanks(spec, conversation, c.bd(-38, "21:00"))
        self._event(
            conversation,
            c.bd(-26, "19:00"),
            type="update_sent",
            subject="What I did with your advice",
            body="Hi Carlos, I applied to two associate PM programs as you suggested and "
            "started a product course. Thanks again for the push.\nMaya",
        )
        Message.objects.create(
            owner=self.user,
            contact=contact,
            conversation=conversation,
            kind=MessageKind.REPLY,
            direction=Direction.INCOMING,
            subject="Re: What I did with your advice",
            body="Great to hear, Maya! Keep me posted on the programs.",
            sent_at=c.bd(-25, "08:30"),
        )

    def scene_done(self, spec: PersonSpec, contact: Contact) -> None:
        """A finished conversation: held, thanked, reported back, closed."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-60, "19:00"))
        self._request(spec, conversation, c.bd(-58, "08:00"))
        self._yes(spec, conversation, c.bd(-57, "12:00"))
        start = c.bd(-50, "12:30")
        self._book(spec, conversation, c.bd(-56, "18:00"), start)
        end = self._hold(spec, conversation, start)
        notes = self._notes(spec, conversation, end + timedelta(minutes=10))
        self._send_thanks(spec, conversation, c.bd(-50, "18:00"))
        self._event(
            conversation,
            c.bd(-40, "19:00"),
            type="update_sent",
            subject="SQL progress",
            body="Hi Ivy, I worked through the window-functions tutorial you recommended and "
            "rebuilt my grade report with it. Thank you!\nMaya",
        )
        self._event(conversation, c.bd(-40, "19:05"), type="closed", reason="done")
        item = ActionItem.objects.create(
            owner=self.user,
            text="Practise SQL window functions",
            kind="skill",
            due=c.bd(-45).date(),
            done_at=c.bd(-42, "21:00"),
            conversation=conversation,
            career_path=self.paths["data"],
            source_note=notes[0] if notes else None,
        )
        _backdate(item, end + timedelta(minutes=15))

    def scene_declined(self, spec: PersonSpec, contact: Contact) -> None:
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-30, "19:00"))
        self._request(spec, conversation, c.bd(-28, "08:10"))
        self._event(
            conversation,
            c.bd(-27, "17:40"),
            type="declined",
            body="Thanks for reaching out, Maya. This quarter is packed; try me again in January.",
        )

    def scene_no_response(self, spec: PersonSpec, contact: Contact) -> None:
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-45, "19:00"))
        self._request(spec, conversation, c.bd(-43, "08:00"))
        self._event(
            conversation,
            c.bd(-36, "08:00"),
            type="follow_up_sent",
            subject="Re: a short chat about partnerships with school districts?",
            body=f"Hi {spec.first}, a gentle nudge in case my note got buried.\nMaya",
        )
        self._event(conversation, c.bd(-28, "18:00"), type="closed", reason="no_response")

    def scene_out_of_office(self, spec: PersonSpec, contact: Contact) -> None:
        """An auto-reply is not an answer: the follow-up clock keeps running."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-4, "19:00"))
        self._request(spec, conversation, c.bd(-2, "08:00"))
        self._event(
            conversation,
            c.bd(-2, "08:01"),
            type="reply_received",
            sentiment="out_of_office",
            subject="Automatic reply: out of office",
            body="I'm out of the office until next week with limited access to email.",
        )

    def scene_referral_only(self, spec: PersonSpec, contact: Contact) -> None:
        """Pointed to a colleague, who then said yes (the referral tree has two levels)."""
        c = self.clock
        conversation = self._start(spec, contact, c.bd(-22, "19:00"))
        self._request(spec, conversation, c.bd(-20, "08:00"))
        replied = c.bd(-18, "10:00")
        self._event(
            conversation,
            replied,
            type="reply_received",
            sentiment="referral_only",
            body="I'm not the right person for research questions, but Hannah Park on our "
            "patient-experience team is a former teacher too. I've copied her here.",
        )
        referral = Referral.objects.create(
            owner=self.user,
            from_contact=contact,
            to_contact=self.people["hannah"],
            via_conversation=conversation,
            context="Pointed me to Hannah on the patient-experience team.",
        )
        _backdate(referral, replied + timedelta(minutes=5))
        self._event(conversation, c.bd(-18, "10:30"), type="closed", reason="done")

    def _action_items(self) -> None:
        c = self.clock
        nadia = self.conversations["nadia"]
        first_note = nadia.notes.order_by("id").first()
        item = ActionItem.objects.create(
            owner=self.user,
            text="Finish module 3 of the Google UX Design Certificate",
            kind="course",
            due=c.today + timedelta(days=2),
            conversation=nadia,
            career_path=self.paths["ux"],
            source_note=first_note,
        )
        _backdate(item, c.bd(-7, "21:00"))
        item = ActionItem.objects.create(
            owner=self.user,
            text="Rewrite my resume summary around research and feedback work",
            kind="resume",
            due=c.today + timedelta(days=12),
            career_path=self.paths["ux"],
        )
        _backdate(item, c.bd(-7, "21:05"))
        item = ActionItem.objects.create(
            owner=self.user,
            text="Apply to associate PM programs when they open in the fall",
            kind="other",
            conversation=self.conversations["carlos"],
            career_path=self.paths["pm"],
        )
        _backdate(item, c.bd(-38, "21:30"))


def _request_text(spec: PersonSpec, organization: str) -> tuple[str, str]:
    """A short first note: how we are connected, what I'm curious about, a 20-minute ask."""
    path = next((p for p in PATHS if p.key == spec.path), None)
    field = _in_sentence(path.title) if path else "your field"
    where = f" at {organization}" if organization else ""
    subject = f"A teacher curious about {field}{where}"
    opening = spec.intro or f"I came across your work while looking into {organization or field}."
    body = (
        f"Hi {spec.first},\n\n"
        f"{opening} I'm Maya, a high-school science teacher exploring {field}.\n\n"
        f"Your move into your role as {spec.title}{where} is the path I'd like to understand: "
        "how you got started and what the work is like day to day.\n\n"
        "Would you have 20 minutes for a call in the next few weeks? I'd be grateful for "
        "your perspective.\n\n"
        "Thank you,\nMaya Okafor"
    )
    return subject, body


def _in_sentence(title: str) -> str:
    """A title inside a sentence: "Data analysis" -> "data analysis", "UX research" stays."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]

"""Generated people for the sample campaign: N contacts, reproducible, written in bulk.

The generated people work at generated organizations, so they never change
which actions the hand-written campaign shows. Each one's story is simulated
on a timeline (chosen, asked, answered or not, interviewed, thanked, reported
back) over the last six months; the conversation's stage is wherever that
timeline stands at "now". Everything is planned in memory first and written
with ``bulk_create``, so 10,000 people take seconds, not minutes.
"""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from coffeechat.core.models import (
    CareerPath,
    Contact,
    Conversation,
    Message,
    Note,
    Organization,
    Referral,
)
from coffeechat.domain.types import Sentiment, Stage
from coffeechat.domain.vocabulary import (
    Channel,
    CloseReason,
    Direction,
    MessageKind,
    Source,
)

SEED = 20261103
BATCH = 500
_CHUNK = 900  # ids per UPDATE, under SQLite's old 999-variable limit

_FIRST_WORDS = (
    "Aaliyah Adam Adriana Ahmed Alex Amara Amir Ana Andre Angela Anika Ari Ava Beatriz "
    "Bilal Brandon Caleb Camila Chen Chloe Chris Daniel Daria Deepa Derek Diego Dmitri Eli "
    "Emeka Emily Eric Fatima Felix Gabriel Hana Hector Imani Isaac Jada Jamal Jasmine "
    "Javier Jenna Joel Jonah Julia Kai Kara Keisha Kenji Laila Lena Leo Liam Lina Luis "
    "Malik Mara Mateo Maya Mei Miguel Mina Nia Noah Nora Omar Owen Paolo Rahul Ravi Reza "
    "Rina Rohan Ruth Sam Sara Sean Selin Simone Sofia Tariq Tessa Theo Uma Valeria Victor "
    "Yara Yusuf Zara Zoe"
)
FIRST = tuple(_FIRST_WORDS.split())
_LAST_WORDS = (
    "Abbott Acosta Adeyemi Ahmed Alvarez Anderson Bauer Bello Bennett Brooks Campbell "
    "Carter Castillo Chang Choi Cohen Cruz Das Dixon Douglas Edwards Ellis Evans Fischer "
    "Flores Garcia Gomez Gupta Hall Hayes Hernandez Hoang Ibrahim Ito Jackson Jensen "
    "Johnson Kaur Khan Kim Kowalski Kumar Lee Lopez Martin Mensah Meyer Miller Mitchell "
    "Moreno Murphy Nakamura Nash Novak Ochoa Okonkwo Olsen Ortiz Owusu Patel Perez Petrov "
    "Phillips Quinn Ramirez Reed Reyes Rivera Roberts Romero Rossi Russo Sanchez Santos "
    "Sato Schmidt Shah Silva Singh Stewart Sullivan Suzuki Tanaka Taylor Thompson Torres "
    "Tran Turner Vargas Walker Wang Watson Williams Wilson Wong Wright Yamamoto Young Zhou"
)
LAST = tuple(_LAST_WORDS.split())

TITLES = {
    "ux": (
        "UX Researcher",
        "Senior UX Researcher",
        "Research Operations Specialist",
        "Product Designer",
        "UX Research Manager",
        "Design Researcher",
    ),
    "pm": (
        "Product Manager",
        "Associate Product Manager",
        "Senior Product Manager",
        "Group Product Manager",
        "Product Owner",
        "Technical Program Manager",
    ),
    "data": (
        "Data Analyst",
        "Senior Data Analyst",
        "Business Intelligence Analyst",
        "Analytics Engineer",
        "Data Scientist",
        "Analytics Manager",
    ),
}
_ORG_FIRST_WORDS = (
    "Blue Harbor Cedar Summit Northstar Riverbend Keystone Beacon Evergreen Granite Maple "
    "Lighthouse Copper Silverline Oakridge Prairie Atlas Compass Meadow Redwood Sterling"
)
ORG_FIRST = tuple(_ORG_FIRST_WORDS.split())
_ORG_SECOND_WORDS = (
    "Learning Health Analytics Software Labs Systems Insights Partners Digital Works Group "
    "Education Finance Data Studio Logistics Energy Media Robotics Care"
)
ORG_SECOND = tuple(_ORG_SECOND_WORDS.split())
INDUSTRIES = (
    "Education technology",
    "Healthcare",
    "Software",
    "Consulting",
    "Financial services",
    "Nonprofit",
    "Government",
    "Retail",
    "Media",
    "Logistics",
)
PLACES = (
    ("Philadelphia, PA", "America/New_York"),
    ("New York, NY", "America/New_York"),
    ("Boston, MA", "America/New_York"),
    ("Washington, DC", "America/New_York"),
    ("Pittsburgh, PA", "America/New_York"),
    ("Chicago, IL", "America/Chicago"),
    ("Austin, TX", "America/Chicago"),
    ("Denver, CO", "America/Denver"),
    ("Seattle, WA", "America/Los_Angeles"),
    ("San Francisco, CA", "America/Los_Angeles"),
    ("Remote", ""),
)
SOURCE_WEIGHTS = {
    Source.ALUMNI: 16,
    Source.LINKEDIN: 28,
    Source.EVENT: 10,
    Source.CONFERENCE: 7,
    Source.SOCIAL: 8,
    Source.FRIEND_FAMILY: 6,
    Source.COLLEAGUE: 9,
    Source.REFERRAL: 0,  # only people someone introduced
    Source.OTHER: 4,
}
CONNECTIONS = {
    Source.ALUMNI: "Fellow {school} alumnus; found in the alumni directory.",
    Source.LINKEDIN: "Found on LinkedIn while looking at {org}; we share {n} connections.",
    Source.EVENT: "Met at a {meetup} meetup in Philadelphia.",
    Source.CONFERENCE: "Heard their talk at {conference} and said hello afterwards.",
    Source.SOCIAL: "We talked in the replies of a post about {topic}.",
    Source.FRIEND_FAMILY: "A friend of my {relative}, who offered to introduce us.",
    Source.COLLEAGUE: "Former colleague from Lincoln High School, now at {org}.",
    Source.REFERRAL: "{referrer} suggested I talk to them.",
    Source.OTHER: "Their name came up in {thing}.",
}
FILLERS = {
    "school": ("Temple", "Penn GSE", "Drexel", "Penn State", "West Chester"),
    "meetup": ("UX Philly", "Product Tank", "PyData", "Women in Data", "Code for Philly"),
    "conference": ("EdTech Week", "UXPA", "Mind the Product", "the Tableau conference"),
    "topic": ("teachers in tech", "research methods", "learning dashboards", "career change"),
    "relative": ("sister", "brother-in-law", "aunt", "neighbour", "college roommate"),
    "thing": ("a podcast episode", "a newsletter", "a panel recording", "a school partnership"),
}
RESEARCH = (
    "Moved into the field after {years} years in {before}; writes about {topic}.",
    "Spoke on a panel about {topic}; started as {before}.",
    "Has been at the company {years} years; leads work on {topic}.",
)
BEFORES = ("teaching", "customer support", "nonprofit work", "journalism", "lab research")
NOTE_TEXTS = (
    (
        "Most people on the team came from another career; a portfolio mattered more than a "
        "degree.",
        ("hiring",),
    ),
    (
        "Learn to write a crisp one-page summary of findings; nobody reads long reports.",
        ("skills",),
    ),
    ("The first 90 days are mostly listening to customers and support calls.", ("day-to-day",)),
    ("Suggested a short course and one real project before applying.", ("advice",)),
    ("Budgets are tight this year; internal transfers fill many roles.", ("trends", "hiring")),
    ("Stakeholder management is the hardest part, not the methods.", ("challenges",)),
    ("Teachers are good at facilitation; lean on it in interviews.", ("advice", "strengths")),
)
REPLIES_YES = (
    "Happy to chat! How about next week?",
    "Sure, glad to help. Send me a few times.",
    "Of course, I made the same switch. Let's find a time.",
)
REPLY_NO = "Thanks for reaching out; I can't take calls this month, sorry."
REPLY_REFERRAL = "I'm not the best person for this, but {name} would be; I've copied them."


@dataclass
class _Person:
    index: int
    first: str
    last: str
    org: int | None
    path: str | None
    source: str
    data: dict[str, Any]
    created: datetime
    referrer: int | None = None


@dataclass
class _Story:
    """One generated conversation and what happened in it, before anything is written."""

    person: int
    path: str | None
    chosen: datetime
    fields: dict[str, Any]
    messages: list[tuple[str, str, datetime, str]] = field(default_factory=list)
    notes: list[tuple[str, list[str], bool, datetime]] = field(default_factory=list)


def generate_contacts(
    user: Any,
    *,
    now: datetime,
    zone: ZoneInfo,
    count: int,
    paths: Mapping[str, CareerPath],
    seed: int = SEED,
) -> int:
    """Write ``count`` generated contacts and their stories; the same seed, the same people."""
    if count <= 0:
        return 0
    plan = _Planner(random.Random(seed), now.astimezone(zone), zone, count)
    plan.run()
    _Writer(user, plan, paths).write()
    return count


class _Planner:
    def __init__(self, rng: random.Random, now: datetime, zone: ZoneInfo, count: int) -> None:
        self.rng = rng
        self.now = now
        self.zone = zone
        self.count = count
        self.org_names: list[tuple[str, str]] = []
        self.people: list[_Person] = []
        self.stories: list[_Story] = []
        self.referrals: list[tuple[int, int, datetime]] = []

    def run(self) -> None:
        self._organizations()
        self._people()
        waiting = [p.index for p in self.people if self.rng.random() < 0.45]
        waiting_set = set(waiting)
        for person in self.people:
            if person.index in waiting_set:
                continue
            self.stories.append(self._story(person, waiting))
        # Most people introduced a while ago have been written to since.
        settled = self.now - timedelta(days=21)
        for _, to, introduced in list(self.referrals):
            if introduced < settled and self.rng.random() < 0.85:
                self.stories.append(self._story(self.people[to], waiting, after=introduced))

    def _organizations(self) -> None:
        wanted = max(2, self.count // 40)
        names = [f"{a} {b}" for a in ORG_FIRST for b in ORG_SECOND]
        self.rng.shuffle(names)
        for number in range(wanted):
            base = names[number % len(names)]
            name = base if number < len(names) else f"{base} {number // len(names) + 1}"
            self.org_names.append((name, self.rng.choice(INDUSTRIES)))

    def _people(self) -> None:
        rng = self.rng
        pairs = [(f, last) for f in FIRST for last in LAST]
        rng.shuffle(pairs)
        sources = list(SOURCE_WEIGHTS)
        weights = list(SOURCE_WEIGHTS.values())
        for index in range(self.count):
            first, last = pairs[index % len(pairs)]
            if index >= len(pairs):
                last = f"{last}-{chr(65 + (index // len(pairs)) % 26)}"
            org = rng.randrange(len(self.org_names)) if rng.random() < 0.85 else None
            path = rng.choice(("ux", "pm", "data", None))
            source = rng.choices(sources, weights)[0]
            org_name = self.org_names[org][0] if org is not None else "a startup"
            place, tz = rng.choice(PLACES)
            data = {
                "first_name": first,
                "last_name": last,
                "email": _email(first, last, org_name, index),
                "linkedin_url": (
                    f"https://www.linkedin.com/in/{_ascii(first)}-{_ascii(last)}-{index}"
                    if rng.random() < 0.8
                    else ""
                ),
                "title": rng.choice(TITLES[path or rng.choice(("ux", "pm", "data"))]),
                "location": place,
                "time_zone": tz,
                "source": source,
                "connection": self._connection(source, org_name),
                "research_notes": self._research() if rng.random() < 0.55 else "",
                "cadence_days": rng.choice((None, None, None, 30, 45, 60, 90)),
                "do_not_contact": rng.random() < 0.01,
            }
            created = self._evening(self.now - timedelta(days=rng.uniform(1, 200)))
            self.people.append(_Person(index, first, last, org, path, source, data, created))

    def _connection(self, source: str, org: str) -> str:
        template = CONNECTIONS[Source(source)]
        values = {key: self.rng.choice(options) for key, options in FILLERS.items()}
        return template.format(org=org, n=self.rng.randint(1, 12), referrer="", **values)

    def _research(self) -> str:
        return self.rng.choice(RESEARCH).format(
            years=self.rng.randint(2, 12),
            before=self.rng.choice(BEFORES),
            topic=self.rng.choice(FILLERS["topic"]),
        )

    def _evening(self, moment: datetime) -> datetime:
        """The evening of ``moment``'s day (when a teacher does this), never after now."""
        evening = datetime.combine(moment.date(), time(19, 30), tzinfo=self.zone)
        return min(evening, self.now)

    def _story(self, person: _Person, waiting: list[int], after: datetime | None = None) -> _Story:
        rng, now = self.rng, self.now
        person.data["do_not_contact"] = False
        if after is None:
            chosen = self._evening(now - timedelta(days=rng.uniform(0.5, 180)))
        else:
            chosen = self._evening(after + timedelta(days=rng.uniform(0, 3)))
        chosen = max(person.created, chosen)
        story = _Story(person.index, person.path, chosen, {"stage": Stage.PLANNED})
        requested = chosen + timedelta(hours=rng.uniform(12, 72))
        if requested > now:
            return story
        f = story.fields
        self._message(story, MessageKind.REQUEST, Direction.OUTGOING, requested, person)
        f.update(stage=Stage.REQUESTED, requested_at=requested)
        outcome = rng.choices(("silent", "no", "yes", "referral"), (32, 10, 50, 8))[0]
        if outcome == "silent":
            self._silent(story, person, requested)
            return story
        replied = requested + timedelta(hours=rng.uniform(3, 150))
        if replied > now:
            return story
        if outcome == "no":
            self._message(story, MessageKind.REPLY, Direction.INCOMING, replied, person, REPLY_NO)
            f.update(
                stage=Stage.CLOSED,
                replied_at=replied,
                reply_sentiment=Sentiment.NEGATIVE,
                closed_at=replied,
                close_reason=CloseReason.DECLINED,
            )
        elif outcome == "referral":
            self._referral(story, person, replied, waiting)
        else:
            self._interview(story, person, replied)
        return story

    def _silent(self, story: _Story, person: _Person, requested: datetime) -> None:
        rng, now, f = self.rng, self.now, story.fields
        followed = requested + timedelta(days=rng.uniform(9, 12))
        if followed > now:
            return
        self._message(story, MessageKind.FOLLOW_UP, Direction.OUTGOING, followed, person)
        f.update(stage=Stage.FOLLOWED_UP, followed_up_at=followed)
        closed = followed + timedelta(days=rng.uniform(9, 14))
        if closed <= now and rng.random() < 0.95:
            f.update(stage=Stage.CLOSED, closed_at=closed, close_reason=CloseReason.NO_RESPONSE)

    def _referral(
        self, story: _Story, person: _Person, replied: datetime, waiting: list[int]
    ) -> None:
        to = waiting.pop() if waiting else None
        name = "a colleague"
        if to is not None:
            other = self.people[to]
            name = f"{other.first} {other.last}"
            other.source = other.data["source"] = Source.REFERRAL
            other.data["connection"] = f"{person.first} {person.last} suggested I talk to them."
            other.referrer = person.index
            other.created = replied + timedelta(minutes=5)
            self.referrals.append((person.index, to, replied + timedelta(minutes=5)))
        text = REPLY_REFERRAL.format(name=name)
        self._message(story, MessageKind.REPLY, Direction.INCOMING, replied, person, text)
        story.fields.update(
            stage=Stage.CLOSED,
            replied_at=replied,
            reply_sentiment=Sentiment.REFERRAL_ONLY,
            closed_at=replied + timedelta(minutes=10),
            close_reason=CloseReason.DONE,
        )

    def _interview(self, story: _Story, person: _Person, replied: datetime) -> None:
        rng, now, f = self.rng, self.now, story.fields
        reply = rng.choice(REPLIES_YES)
        self._message(story, MessageKind.REPLY, Direction.INCOMING, replied, person, reply)
        f.update(stage=Stage.REPLIED, replied_at=replied, reply_sentiment=Sentiment.POSITIVE)
        booked = replied + timedelta(hours=rng.uniform(2, 30))
        if booked > now:
            return
        day = (booked + timedelta(days=rng.randint(3, 14))).date()
        start = datetime.combine(
            day, time(rng.randint(9, 16), rng.choice((0, 30))), tzinfo=self.zone
        )
        minutes = rng.choice((20, 30, 30, 30, 45))
        f.update(
            stage=Stage.SCHEDULED,
            scheduled_at=booked,
            start_date=start.date(),
            start_time=start.time(),
            time_zone=str(self.zone),
            planned_minutes=minutes,
            medium=rng.choice(("video", "video", "phone", "in_person")),
        )
        end = start + timedelta(minutes=minutes)
        if end > now:
            return
        if rng.random() < 0.04:
            f.update(stage=Stage.CLOSED, closed_at=start, close_reason=CloseReason.CANCELLED)
            return
        f.update(stage=Stage.HELD, held_at=end)
        written = min(end + timedelta(hours=rng.uniform(0.2, 4)), now)
        for text, tags in rng.sample(NOTE_TEXTS, rng.randint(1, 3)):
            story.notes.append((text, list(tags), rng.random() < 0.4, written))
        thanked = end + timedelta(hours=rng.uniform(2, 30))
        if thanked > now or rng.random() < 0.03:
            return
        self._message(story, MessageKind.THANK_YOU, Direction.OUTGOING, thanked, person)
        f.update(stage=Stage.THANKED, thanked_at=thanked)
        reported = thanked + timedelta(days=rng.uniform(6, 20))
        if reported > now or rng.random() < 0.25:
            return
        self._message(story, MessageKind.REPORT_BACK, Direction.OUTGOING, reported, person)
        f.update(report_back_at=reported)
        if rng.random() < 0.3:
            f.update(stage=Stage.CLOSED, closed_at=reported, close_reason=CloseReason.DONE)
            return
        # Staying in touch: an update every cadence, kept up most of the time.
        cadence = person.data["cadence_days"] or 30
        last = reported
        while rng.random() < 0.92:
            update = last + timedelta(days=cadence + rng.uniform(-4, 6))
            if update > now:
                break
            self._message(story, MessageKind.UPDATE, Direction.OUTGOING, update, person)
            last = update

    def _message(
        self,
        story: _Story,
        kind: str,
        direction: str,
        at: datetime,
        person: _Person,
        body: str = "",
    ) -> None:
        if not body:
            body = {
                MessageKind.REQUEST: (
                    f"Hi {person.first}, I'm a teacher exploring {person.data['title']} work. "
                    "Would you have 20 minutes for a call about your path?"
                ),
                MessageKind.FOLLOW_UP: f"Hi {person.first}, a gentle nudge on my note below.",
                MessageKind.THANK_YOU: f"Thank you for your time, {person.first}!",
                MessageKind.REPORT_BACK: "I took your advice and started a course. Thank you!",
                MessageKind.UPDATE: "A quick update: the course is going well, and I have "
                "two more conversations lined up. Thanks again for the start.",
            }[MessageKind(kind)]
        story.messages.append((kind, direction, at, body))


class _Writer:
    def __init__(self, user: Any, plan: _Planner, paths: Mapping[str, CareerPath]) -> None:
        self.user = user
        self.plan = plan
        self.paths = paths

    def write(self) -> None:
        plan, user = self.plan, self.user
        orgs = Organization.objects.bulk_create(
            [
                Organization(
                    owner=user,
                    name=name,
                    industry=industry,
                    motivation=plan.rng.randint(0, 3),
                    posting=plan.rng.randint(1, 3),
                )
                for name, industry in plan.org_names
            ],
            batch_size=BATCH,
        )
        _stamp(Organization, {org.pk: plan.now - timedelta(days=200) for org in orgs})
        contacts = Contact.objects.bulk_create(
            [
                Contact(
                    owner=user,
                    organization=orgs[person.org] if person.org is not None else None,
                    **person.data,
                )
                for person in plan.people
            ],
            batch_size=BATCH,
        )
        _stamp(Contact, {c.pk: p.created for c, p in zip(contacts, plan.people, strict=True)})
        self._links(contacts)
        conversations = Conversation.objects.bulk_create(
            [
                Conversation(
                    owner=user,
                    contact=contacts[story.person],
                    career_path=self.paths.get(story.path) if story.path else None,
                    **story.fields,
                )
                for story in plan.stories
            ],
            batch_size=BATCH,
        )
        _stamp(
            Conversation, {c.pk: s.chosen for c, s in zip(conversations, plan.stories, strict=True)}
        )
        self._messages_and_notes(contacts, conversations)
        referrals = Referral.objects.bulk_create(
            [
                Referral(
                    owner=user,
                    from_contact=contacts[source],
                    to_contact=contacts[target],
                    context="Introduced in a reply to my request.",
                )
                for source, target, _ in plan.referrals
            ],
            batch_size=BATCH,
        )
        _stamp(
            Referral, {r.pk: at for r, (_, _, at) in zip(referrals, plan.referrals, strict=True)}
        )

    def _links(self, contacts: list[Contact]) -> None:
        """Career-path tags and who-introduced-whom, once the contacts have ids."""
        through = Contact.career_paths.through
        through.objects.bulk_create(
            [
                through(contact_id=contacts[p.index].pk, careerpath_id=self.paths[p.path].pk)
                for p in self.plan.people
                if p.path and p.path in self.paths
            ],
            batch_size=BATCH,
        )
        referred = []
        for person in self.plan.people:
            if person.referrer is not None:
                contact = contacts[person.index]
                contact.referred_by = contacts[person.referrer]
                referred.append(contact)
        Contact.objects.bulk_update(referred, ["referred_by"], batch_size=BATCH)

    def _messages_and_notes(
        self, contacts: list[Contact], conversations: list[Conversation]
    ) -> None:
        user, plan = self.user, self.plan
        messages, notes = [], []
        note_times: list[datetime] = []
        for conversation, story in zip(conversations, plan.stories, strict=True):
            contact = contacts[story.person]
            channel = (
                Channel.LINKEDIN_MESSAGE
                if contact.source in (Source.LINKEDIN, Source.SOCIAL)
                else Channel.EMAIL
            )
            for kind, direction, at, body in story.messages:
                messages.append(
                    Message(
                        owner=user,
                        contact=contact,
                        conversation=conversation,
                        channel=channel,
                        kind=kind,
                        direction=direction,
                        body=body,
                        sent_at=at,
                    )
                )
            for text, tags, highlight, written in story.notes:
                notes.append(
                    Note(
                        owner=user,
                        conversation=conversation,
                        text=text,
                        tags=tags,
                        highlight=highlight,
                    )
                )
                note_times.append(written)
        Message.objects.bulk_create(messages, batch_size=BATCH)
        notes = Note.objects.bulk_create(notes, batch_size=BATCH)
        _stamp(
            Note, {note.pk: plan._evening(at) for note, at in zip(notes, note_times, strict=True)}
        )


def _stamp(model: type[models.Model], moments: Mapping[int, datetime]) -> None:
    """Backdate ``created_at`` (``auto_now_add`` pins it to the real clock) in a few UPDATEs."""
    by_moment: defaultdict[datetime, list[int]] = defaultdict(list)
    for pk, moment in moments.items():
        by_moment[moment].append(pk)
    manager = model._default_manager
    for moment, pks in by_moment.items():
        for chunk in _chunks(pks, _CHUNK):
            manager.filter(pk__in=chunk).update(created_at=moment)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def _email(first: str, last: str, org: str, index: int) -> str:
    domain = _ascii(org) or "example"
    return f"{_ascii(first)}.{_ascii(last)}{index}@{domain}.example"

"""Data for the prep area's tests: a booked 30-minute interview with Ana Ruiz."""

from __future__ import annotations

from datetime import datetime

from coffeechat.core.models import Question
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.prep.questions import ensure_question_bank


def booked_interview(user, now: datetime, *, minutes: int = 30, research: str = "Led the portal."):
    org = crm.create_organization(
        user, {"name": "Acme", "motivation": 3, "posting": 2, "website": "https://acme.example"}
    )
    ana = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "organization": org.pk,
            "title": "UX Researcher",
            "time_zone": "Europe/Berlin",
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "research_notes": research,
            "connection": "We both studied at Leeds.",
        },
    )
    conv = conversations.start_conversation(
        user,
        {"contact": ana.pk, "planned_minutes": minutes, "purpose": "Learn how research works."},
    )
    conversations.record_event(user, conv.pk, {"type": "request_sent"}, now)
    conversations.record_event(
        user,
        conv.pk,
        {
            "type": "scheduled",
            "starts_at": "2026-11-04T10:00",
            "time_zone": "America/New_York",
            "minutes": minutes,
        },
        now,
    )
    ensure_question_bank(user)
    conv.refresh_from_db()
    return conv


def bank_question(user, key: str) -> Question:
    return Question.objects.get(owner=user, key=key)

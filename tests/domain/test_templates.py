"""Merge fields: parse, validate, fill; and the built-ins pass their own checks once filled."""

import pytest

from coffeechat.domain.builtin_templates import BUILTINS
from coffeechat.domain.outreach import Draft, run_checks
from coffeechat.domain.templates import FIELDS, TemplateError, fields_in, fill, validate

VALUES = {
    "first_name": "Ana",
    "last_name": "Ruiz",
    "full_name": "Ana Ruiz",
    "their_role": "Senior UX researcher",
    "organization": "Acme Health",
    "connection": "Maya Chen, a fellow Michigan alum, suggested I write to you.",
    "my_name": "Ada Student",
    "my_first_name": "Ada",
    "my_interest": "UX research",
    "background": "I taught maths for three years and now study human-computer interaction.",
    "purpose": "How research shapes the product",
    "minutes": "20",
    "meeting": "a video call",
    "signature": "Ada Student",
    "original_subject": "Learning about UX research from you",
    "specific_points": "- Learn SQL before the analytics bootcamp\n- Join the Design Systems Slack",
    "first_point": "Learn SQL before the analytics bootcamp",
    "action_items_done": "- Finished the SQL course\n- Joined the Design Systems Slack",
    "recent_progress": "- Had two more conversations\n- Done: SQL course",
    "referral_name": "Sam Lee",
    "interview_time": "Tue 1 Dec, 16:00 your time (10:00 for me)",
}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Hi {frist_name}", "frist_name"),
        ("Hi {First Name}", "First Name"),
        ("Hi {first_name", ""),
        ("Hi first_name}", ""),
    ],
)
def test_unknown_fields_and_stray_braces_are_refused_by_name(text, field):
    with pytest.raises(TemplateError) as caught:
        validate(text)
    assert caught.value.field == field


def test_literal_braces_are_written_doubled():
    validate("Use {{ and }} for braces, {first_name}")
    assert fill("{{x}} {first_name}", {"first_name": "Ana"}).text == "{x} Ana"


def test_an_empty_value_leaves_the_field_visible():
    filled = fill("Hi {first_name} {organization}", {"first_name": "Ana", "organization": " "})
    assert filled.text == "Hi Ana {organization}"
    assert filled.missing == ("organization",)


def test_the_values_cover_every_field():
    assert set(VALUES) == set(FIELDS)


@pytest.mark.parametrize("builtin", BUILTINS, ids=lambda b: b.key)
def test_every_builtin_uses_known_fields_and_passes_its_checks_once_filled(builtin):
    validate(builtin.subject)
    validate(builtin.body)
    assert fields_in(builtin.body)
    draft = Draft(
        channel=builtin.channel,
        kind=builtin.kind,
        subject=fill(builtin.subject, VALUES).text,
        body=fill(builtin.body, VALUES).text,
        highlights=("Learn SQL before the analytics bootcamp",),
    )
    failed = [(r.id, r.message) for r in run_checks(draft) if not r.passed]
    assert failed == []


def test_the_linkedin_note_fits_in_300_characters_with_room_to_spare():
    note = next(b for b in BUILTINS if b.key == "request-linkedin-note")
    assert len(fill(note.body, VALUES).text) <= 280

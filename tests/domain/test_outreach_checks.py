"""Table-driven tests of the outreach checks: drafts that must pass, drafts that must fail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coffeechat.domain.outreach import Draft, Severity, run_checks
from coffeechat.domain.vocabulary import Channel, MessageKind
from tests.domain.builders import at

GOOD_REQUEST = (
    "Hi Ana,\n\n"
    "Maya Chen, a fellow Michigan alum, suggested I write to you. "
    "Your talk on accessible design at UX Week changed how I think about forms. "
    "I am exploring a move into UX research after three years in teaching. "
    "Would you have 20 minutes for a call in the next few weeks? "
    "I would love to hear how you made your own switch.\n\n"
    "Thank you,\nAda"
)


def result(draft: Draft, check_id: str):
    found = [r for r in run_checks(draft) if r.id == check_id]
    assert found, f"{check_id} did not run for {draft}"
    return found[0]


def request(body: str, **kw) -> Draft:
    return Draft(channel=Channel.EMAIL, kind=MessageKind.REQUEST, subject="Hello", body=body, **kw)


def test_a_good_request_passes_every_check():
    results = run_checks(request(GOOD_REQUEST))
    assert [r.id for r in results if not r.passed] == []
    assert {r.id for r in results} >= {
        "length",
        "subject",
        "placeholders",
        "no-job-ask",
        "ask",
        "connection",
        "interest",
        "about-them",
        "no-attachment",
    }


def words(n: int) -> str:
    return " ".join(["word"] * n)


@pytest.mark.parametrize(
    ("draft", "passed", "severity"),
    [
        (request(words(100)), True, None),
        (request(words(101)), False, Severity.WARNING),
        (request(words(150)), False, Severity.WARNING),
        (request(words(151)), False, Severity.ERROR),
        (request(words(75), strict=True), True, None),
        (request(words(76), strict=True), False, Severity.WARNING),
        (Draft(channel=Channel.LINKEDIN_NOTE, body="x" * 300), True, None),
        (Draft(channel=Channel.LINKEDIN_NOTE, body="x" * 301), False, Severity.ERROR),
        (Draft(channel=Channel.LINKEDIN_MESSAGE, body="x" * 1900), True, None),
        (Draft(channel=Channel.LINKEDIN_MESSAGE, body="x" * 1901), False, Severity.ERROR),
        # A 300-word LinkedIn message is fine: its limit is characters, not words.
        (Draft(channel=Channel.LINKEDIN_MESSAGE, body=words(300)), True, None),
    ],
)
def test_length(draft, passed, severity):
    outcome = result(draft, "length")
    assert outcome.passed is passed
    if severity:
        assert outcome.severity is severity
        assert outcome.excerpt


def test_length_names_the_count_and_the_strict_limit():
    outcome = result(request(words(80), strict=True), "length")
    assert outcome.excerpt == "80 words"
    assert "75" in outcome.message


@pytest.mark.parametrize(
    ("body", "passed"),
    [
        ("I'm not asking for a job, only for your perspective.", True),
        ("I am not looking for a position; I want to learn.", True),
        ("To be clear, this is not to ask for a referral.", True),
        ("What does your job involve day to day?", True),
        ("I did an internship in a lab last summer.", True),
        ("I read your post on how your team reviews design work.", True),
        ("Maya referred me to you.", True),
        ("I came to you as a referral from Maya.", True),
        ("Is the industry hiring many juniors these days?", True),
        ("Would you be willing to give me a referral?", False),
        ("Are you hiring for your research team?", False),
        ("Are there any openings on your team?", False),
        ("any openings on your team?", False),
        ("ANY OPENINGS on your team?", False),
        ("Is Acme hiring this spring?", False),
        ("Could you refer me to the recruiter?", False),
        ("Would you be willing to review my resume?", False),
        ("I'm hoping for an internship at your company.", False),
        ("I'm not sure, but are there any open positions?", False),
        ("I'd love a referral if you think I'm a fit.", False),
        ("I am looking for a job in data science.", False),
    ],
)
def test_no_job_ask(body, passed):
    outcome = result(request(body), "no-job-ask")
    assert outcome.passed is passed, outcome
    if not passed:
        assert outcome.severity is Severity.ERROR
        assert outcome.excerpt  # the offending sentence is shown
        assert "“" in outcome.message  # and the matched phrase named


def test_no_job_ask_shows_the_matched_phrase():
    outcome = result(request("Thanks! Any openings on your team? Best, Ada"), "no-job-ask")
    assert "Any openings" in outcome.message
    assert outcome.excerpt == "Any openings on your team?"


def test_no_job_ask_looks_at_the_subject_too():
    draft = Draft(subject="Any openings at Acme?", body="Hello")
    assert result(draft, "no-job-ask").passed is False


@pytest.mark.parametrize(
    ("body", "passed"),
    [
        ("Would you have 20 minutes for a call next week?", True),
        ("Could we talk for 15-20 minutes sometime?", True),
        ("Would a 30-minute chat work for you?", True),
        ("Might you have twenty minutes to speak this month?", True),
        ("Could we meet for half an hour?", True),
        ("Would you have an hour for a call?", False),
        ("Could we chat for 45 minutes?", False),
        ("Would you be open to a call?", False),  # no length
        ("I'd love 20 minutes for a call.", False),  # no question
        ("What do you like about your work?", False),  # a question, but not an ask
        ('Have you read "Can we talk for 20 minutes?" by Lee', False),  # the ask is a title
    ],
)
def test_ask(body, passed):
    assert result(request(body), "ask").passed is passed


@pytest.mark.parametrize(
    ("body", "passed"),
    [
        ("Maya suggested I reach out.", True),
        ("We met at the Boston UX meetup.", True),
        ("As a fellow Michigan alum, I wanted to write.", True),
        ("I came across your article on hiring.", True),
        ("Hello. I would like to talk about UX.", False),
        ("Let me walk you through my background.", False),
        ("The former is more interesting to me.", False),
    ],
)
def test_connection(body, passed):
    assert result(request(body), "connection").passed is passed


@pytest.mark.parametrize(
    ("body", "passed"),
    [
        ("I am curious about product management.", True),
        ("I'm exploring a career in public health.", True),
        ("I am interested in UX research roles.", True),
        ("I would like to talk to you.", False),
        ("I would love to hear how you got here.", False),  # curious, but about what?
    ],
)
def test_interest(body, passed):
    assert result(request(body), "interest").passed is passed


@pytest.mark.parametrize(
    ("body", "passed"),
    [
        ("I loved your talk. Your team's work is great. I am a student.", True),
        ("I am a student. I study design. Your talk was great.", False),
        # "your" inside a quoted title is not about them.
        ('I read "Your brain at work". I am a student. I study design.', False),
        # Quoted text does not count for the user either.
        ('Your chapter "I, me, my, mine" stayed with me for weeks.', True),
        ("Hi Ana,\nThanks,\nAda", True),  # neither: nothing to weigh
    ],
)
def test_about_them(body, passed):
    outcome = result(request(body), "about-them")
    assert outcome.passed is passed
    if not passed:
        assert "about them" in outcome.excerpt


@pytest.mark.parametrize(
    ("subject", "body", "passed"),
    [
        ("Hello", "Hi Ana,", True),
        ("Hello {first_name}", "Hi,", False),
        ("Hello", "Hi {first_name},", False),
        ("Hello", "Hi {{ first_name }},", False),
        ("Hello", "A set like {1, 2} is fine? No: braces are suspicious.", False),
        ("Hello", "Hi [[name]],", False),
    ],
)
def test_placeholders(subject, body, passed):
    outcome = result(Draft(subject=subject, body=body), "placeholders")
    assert outcome.passed is passed
    if not passed:
        assert "{" in outcome.excerpt or "[[" in outcome.excerpt


@pytest.mark.parametrize(
    ("channel", "subject", "runs", "passed"),
    [
        (Channel.EMAIL, "Fellow alum curious about UX research", True, True),
        (Channel.EMAIL, "   ", True, False),
        (Channel.LINKEDIN_MESSAGE, "", False, None),
        (Channel.LINKEDIN_NOTE, "", False, None),
    ],
)
def test_subject(channel, subject, runs, passed):
    results = {r.id: r for r in run_checks(Draft(channel=channel, subject=subject, body="Hi"))}
    assert ("subject" in results) is runs
    if runs:
        assert results["subject"].passed is passed


@pytest.mark.parametrize(
    ("kind", "body", "passed"),
    [
        (MessageKind.REQUEST, "I'd love to hear about your path.", True),
        (MessageKind.REQUEST, "I've attached my resume for context.", False),
        (MessageKind.REQUEST, "Please find attached my CV.", False),
        (MessageKind.REQUEST, "My resume is attached.", False),
        (MessageKind.FOLLOW_UP, "See the attachment for my portfolio.", False),
        (MessageKind.REQUEST, "I am attached to this city.", True),
    ],
)
def test_no_attachment(kind, body, passed):
    assert result(Draft(kind=kind, subject="s", body=body), "no-attachment").passed is passed


def test_first_message_checks_do_not_run_on_a_thank_you():
    ids = {r.id for r in run_checks(Draft(kind=MessageKind.THANK_YOU, subject="s", body="x"))}
    assert not ids & {"ask", "connection", "interest", "about-them", "no-attachment"}
    assert {"thank-you-specific", "thank-you-timely", "no-job-ask", "length"} <= ids


HIGHLIGHTS = (
    "Learn SQL before applying to the analytics bootcamp",
    "Join the Design Systems Slack community",
)


def thank_you(body: str, **kw) -> Draft:
    return Draft(kind=MessageKind.THANK_YOU, subject="Thank you", body=body, **kw)


@pytest.mark.parametrize(
    ("body", "highlights", "passed", "severity"),
    [
        ("Your advice to learn SQL before the bootcamp was gold.", HIGHLIGHTS, True, None),
        ("I just joined the Design Systems Slack you mentioned.", HIGHLIGHTS, True, None),
        ("Thank you so much for your time yesterday!", HIGHLIGHTS, False, Severity.WARNING),
        # One shared word is not naming the point.
        ("I will learn a lot from this.", HIGHLIGHTS, False, Severity.WARNING),
        ("Thank you so much for your time yesterday!", (), False, Severity.TIP),
    ],
)
def test_thank_you_specific(body, highlights, passed, severity):
    outcome = result(thank_you(body, highlights=highlights), "thank-you-specific")
    assert outcome.passed is passed
    if severity:
        assert outcome.severity is severity


@pytest.mark.parametrize(
    ("hours", "passed"),
    [(1, True), (24, True), (25, False)],
)
def test_thank_you_timely(hours, passed):
    ended = at("2026-11-03", "10:30")
    draft = thank_you("x", interview_ended_at=ended, now=ended + timedelta(hours=hours))
    outcome = result(draft, "thank-you-timely")
    assert outcome.passed is passed
    if not passed:
        assert "25 hours" in outcome.message


@pytest.mark.parametrize(("hours", "passed"), [(47, True), (48, True), (49, False)])
def test_thank_you_timely_follows_the_users_thank_setting(hours, passed):
    ended = at("2026-11-03", "10:30")
    draft = thank_you(
        "x", interview_ended_at=ended, now=ended + timedelta(hours=hours), thank_within_hours=48
    )
    outcome = result(draft, "thank-you-timely")
    assert outcome.passed is passed
    if not passed:
        assert "within 48 hours" in outcome.message


def test_thank_you_timing_without_a_known_end_passes():
    assert result(thank_you("x"), "thank-you-timely").passed is True


def test_every_result_has_a_one_sentence_reason():
    for outcome in run_checks(request("")) + run_checks(request(GOOD_REQUEST)):
        assert outcome.message.endswith(".")
        assert outcome.message.count(". ") <= 1, outcome.message


# LinkedIn has no subject line: a subject left over from an email template is ignored.


@pytest.mark.parametrize("channel", [Channel.LINKEDIN_NOTE, Channel.LINKEDIN_MESSAGE])
def test_a_linkedin_draft_ignores_a_leftover_subject(channel: Channel) -> None:
    draft = Draft(
        channel=channel,
        kind=MessageKind.UPDATE,
        subject="Any openings on your team? {first_name}",
        body="Hi Ana, a short update: I finished the SQL course you suggested.",
    )
    results = {r.id: r for r in run_checks(draft)}
    assert "subject" not in results
    assert results["no-job-ask"].passed and results["placeholders"].passed


def test_an_email_still_needs_its_subject_and_has_it_checked() -> None:
    draft = Draft(channel=Channel.EMAIL, kind=MessageKind.UPDATE, subject="Any openings?")
    results = {r.id: r for r in run_checks(draft)}
    assert results["subject"].passed and not results["no-job-ask"].passed

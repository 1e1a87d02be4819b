"""Auto-replies are told apart from real answers, so an import keeps the clocks running."""

import pytest

from coffeechat.domain.outreach.auto_reply import is_auto_reply


@pytest.mark.parametrize(
    ("subject", "content"),
    [
        ("Automatic reply: Learning about UX research", "Thank you for your message."),
        ("Auto: Coffee chat", "Thanks!"),
        ("Out of Office: your note", ""),
        ("", "This is an automated response. I will reply when I can."),
        ("", "Hi! I'm currently out of the office until Monday 16 November."),
        ("", "I am on parental leave until March and checking messages rarely."),
        ("", "I’m away from my desk this week with limited access to email."),
        ("", "I am currently travelling; I will be back on 3 December."),
        ("", "Auto-reply: thanks for reaching out."),
    ],
)
def test_auto_replies_are_recognised(subject: str, content: str) -> None:
    assert is_auto_reply(subject, content)


@pytest.mark.parametrize(
    ("subject", "content"),
    [
        ("", "Sorry for the slow answer, I was out of office last week. Tuesday at 10?"),
        ("Re: Coffee chat", "Happy to talk! I was on leave in October but I'm back now."),
        ("", "Sure, 20 minutes works. I'm away next week, so how about Thursday?"),
        ("Automation in UX research", "Would love to chat about automated testing."),
        ("", "I'm not a fan of auto replies myself, but yes, let's talk."),
    ],
)
def test_real_answers_are_not_auto_replies(subject: str, content: str) -> None:
    assert not is_auto_reply(subject, content)

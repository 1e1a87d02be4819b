"""`coffeechat send-reminders` through a real SMTP server on loopback."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.today import reminders
from tests.services.test_reminders import _own_server, mail_server  # noqa: F401


@pytest.fixture
def due_follow_up(user):
    ana = crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"})
    talk = conversations.start_conversation(user, {"contact": ana.pk})
    asked = timezone.now() - timedelta(days=21)
    conversations.record_event(
        user, talk.pk, {"type": "request_sent", "at": asked.isoformat()}, asked
    )


def test_send_reminders_sends_once_and_says_so(run, user, due_follow_up, mail_server):  # noqa: F811
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    dry = run("send-reminders", "--dry-run", "--json")
    first = run("send-reminders")
    second = run("send-reminders", "--user", "ada")

    assert dry.code == 0 and dry.json()["results"][0]["outcome"] == "would send"
    assert first.code == 0, first.err
    assert "ada: sent to ada@example.com: coffeechat: 1 overdue" in first.err
    assert second.code == 0 and "ada: already sent today" in second.err
    assert len(inbox.messages) == 1


def test_the_reminder_links_to_today_at_the_base_url(
    run,
    user,
    due_follow_up,
    mail_server,  # noqa: F811
    settings,
):
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)
    settings.BASE_URL = "https://coffeechat.uni.example/"

    assert run("send-reminders").code == 0

    assert "Open Today: https://coffeechat.uni.example/\r\n" in inbox.messages[0].get_content()


def test_send_reminders_with_nobody_signed_up_says_how_to_turn_it_on(run, user):
    result = run("send-reminders")
    assert result.code == 0
    assert "Nobody has turned on the daily reminder (Settings → Email)" in result.err


def test_a_failed_send_exits_1_with_the_reason(run, user, due_follow_up, settings):
    settings.SMTP_URL = ""
    reminders.set_daily_digest(user, True)
    result = run("send-reminders")
    assert result.code == 1
    assert "ada: not sent: no mail server" in result.err

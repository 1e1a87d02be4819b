"""The daily reminder: sent through a real SMTP server on loopback, once a day."""

from __future__ import annotations

import email
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller

from coffeechat.core.models import DailyDigest
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.outreach import sending
from coffeechat.services.today import reminders
from coffeechat.services.today.due_list import today_for
from tests.services.test_smtp import _free_port

# The interface that sends passes the Today page's address; any will do here.
TODAY_URL = "http://coffeechat.example/today"


class Inbox:
    def __init__(self, refuse: bool = False) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


@pytest.fixture
def mail_server():
    started = []

    def start(refuse: bool = False) -> tuple[Inbox, int]:
        inbox, port = Inbox(refuse), _free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


def _own_server(user, port: int) -> None:
    sending.save_smtp_settings(
        user,
        {"host": "127.0.0.1", "port": port, "security": "none", "from_address": "ada@example.com"},
    )


@pytest.fixture
def overdue(user, now):
    """Ana was asked three weeks ago and never answered: following up is overdue."""
    ana = crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"})
    talk = conversations.start_conversation(user, {"contact": ana.pk})
    asked = now - timedelta(days=21)
    conversations.record_event(
        user, talk.pk, {"type": "request_sent", "at": asked.isoformat()}, asked
    )
    listing = today_for(user, now)
    assert listing.counts["overdue"] >= 1
    return listing


def test_the_digest_is_todays_list_sent_once_a_day(user, now, overdue, mail_server):
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    first = reminders.send_reminders(now, TODAY_URL)
    again = reminders.send_reminders(now + timedelta(hours=3), TODAY_URL)

    assert [r.outcome for r in first] == [reminders.SENT]
    assert [r.outcome for r in again] == [reminders.ALREADY_SENT]
    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["To"] == "ada@example.com"
    assert mail["Subject"].startswith(f"coffeechat: {overdue.counts['overdue']} overdue")
    body = mail.get_content()
    first_action = overdue.bucket("overdue")[0].action
    assert f"- {first_action.title}" in body
    assert first_action.reason in body
    assert TODAY_URL in body


def test_the_next_local_day_sends_again(user, now, overdue, mail_server):
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    reminders.send_reminders(now, TODAY_URL)
    reminders.send_reminders(now + timedelta(days=1), TODAY_URL)

    assert len(inbox.messages) == 2


def test_a_dry_run_says_what_it_would_send_and_sends_and_records_nothing(
    user, now, overdue, mail_server
):
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    [result] = reminders.send_reminders(now, TODAY_URL, dry_run=True)

    assert result.outcome == reminders.WOULD_SEND and result.to == "ada@example.com"
    assert inbox.messages == []
    assert DailyDigest.objects.get(owner=user).last_sent_on is None


def test_nobody_who_did_not_turn_it_on_gets_one(user, outsider, now, overdue, mail_server):
    inbox, port = mail_server()
    _own_server(user, port)

    assert reminders.send_reminders(now, TODAY_URL) == []
    [named] = reminders.send_reminders(now, TODAY_URL, users=[user])

    assert named.outcome == reminders.NOT_ON
    assert inbox.messages == []


def test_a_day_with_nothing_pressing_sends_nothing(user, now, mail_server):
    inbox, port = mail_server()
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    [result] = reminders.send_reminders(now, TODAY_URL)

    assert result.outcome == reminders.NOTHING_DUE
    assert inbox.messages == []


def test_a_refused_digest_is_reported_and_tried_again_on_the_next_run(
    user, now, overdue, mail_server
):
    refusing, port = mail_server(refuse=True)
    _own_server(user, port)
    reminders.set_daily_digest(user, True)

    [failed] = reminders.send_reminders(now, TODAY_URL)
    assert failed.outcome == reminders.FAILED
    assert "550" in failed.problem
    assert DailyDigest.objects.get(owner=user).last_sent_on is None

    inbox, port = mail_server()
    _own_server(user, port)
    [retried] = reminders.send_reminders(now, TODAY_URL)
    assert retried.outcome == reminders.SENT and len(inbox.messages) == 1


def test_without_a_server_of_its_own_the_server_wide_url_is_used(
    user, now, overdue, mail_server, settings
):
    inbox, port = mail_server()
    user.profile.email = "ada@uni.example.edu"
    user.profile.save()
    reminders.set_daily_digest(user, True)
    settings.SMTP_URL = ""
    [nowhere] = reminders.send_reminders(now, TODAY_URL)
    assert nowhere.outcome == reminders.FAILED and "no mail server" in nowhere.problem

    settings.SMTP_URL = f"smtp://127.0.0.1:{port}?security=none&from=career@uni.example.edu"
    [sent] = reminders.send_reminders(now, TODAY_URL)

    assert sent.outcome == reminders.SENT
    assert inbox.messages[0]["From"] == "coffeechat <career@uni.example.edu>"
    assert inbox.messages[0]["To"] == "ada@uni.example.edu"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://host", "must look like smtp://"),
        ("smtp://host:25?security=maybe", "security= must be"),
        ("smtp://host:25", r"add \?from=address"),
        ("smtp://host:port?from=a@b.c", "port is not a number"),
    ],
)
def test_a_bad_server_url_says_what_is_wrong(url, problem):
    with pytest.raises(sending.SendFailed, match=problem):
        sending.server_smtp_settings(url)


def test_a_server_url_gives_security_port_and_sender():
    ssl = sending.server_smtp_settings("smtps://me%40x.org:p%40ss@mail.x.org")
    assert (ssl.host, ssl.port, ssl.security) == ("mail.x.org", 465, "ssl")
    assert (ssl.username, ssl.password, ssl.from_address) == ("me@x.org", "p@ss", "me@x.org")
    assert sending.server_smtp_settings("smtp://mail.x.org?from=a@x.org").port == 587
    assert sending.server_smtp_settings("  ") is None

"""SMTP sending against a real aiosmtpd server on loopback."""

from __future__ import annotations

import email
import logging
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from django.urls import reverse

from coffeechat.core.models import Contact, SmtpSettings
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.outreach import sending

PASSWORD = "s3cret-pa55"


class Inbox:
    """Collects what the server accepted; ``refuse`` makes it answer RCPT with 550."""

    def __init__(self, refuse: bool = False) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.7.1 Relaying denied for this sender"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    servers = []

    def start(refuse: bool = False) -> tuple[Inbox, int]:
        inbox = Inbox(refuse)
        port = _free_port()
        controller = Controller(
            inbox,
            hostname="127.0.0.1",
            port=port,
            authenticator=_authenticator,
            auth_require_tls=False,
            # One mechanism, so a wrong password is one 535 rather than a retry per mechanism.
            auth_exclude_mechanism=["LOGIN"],
        )
        controller.start()
        servers.append(controller)
        return inbox, port

    yield start
    for controller in servers:
        controller.stop()


@pytest.fixture
def conversation(user):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    ana = Contact.objects.create(
        owner=user,
        first_name="Ana\r\nBcc: evil@example.com",
        last_name="Ruiz",
        email="ana@example.com",
        organization=org,
    )
    return conversations.start_conversation(user, {"contact": ana.pk})


def _configure(user, port: int, password: str = PASSWORD) -> None:
    sending.save_smtp_settings(
        user,
        {
            "host": "127.0.0.1",
            "port": port,
            "security": "none",
            "username": "ada",
            "password": password,
            "from_address": "ada@example.com",
        },
    )


def test_a_message_is_delivered_with_safe_headers_and_recorded(
    signed_in, user, conversation, smtp_server, caplog
):
    inbox, port = smtp_server()
    _configure(user, port)
    caplog.set_level(logging.DEBUG)
    data = {
        "channel": "email",
        "kind": "request",
        "subject": "Hello\r\nBcc: evil@example.com",
        "body": "Hi Ana,\n\nWould you have 20 minutes?\n\nAda",
    }
    response = signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), data)
    assert response.status_code == 302
    ((mail_from, recipients, raw),) = inbox.messages
    assert mail_from == "ada@example.com"
    assert recipients == ["ana@example.com"]  # the Bcc in the name and subject went nowhere
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "Hello Bcc: evil@example.com"
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Ana Bcc: evil@example.com Ruiz", "ana@example.com")
    assert message["Bcc"] is None
    assert message["From"] == "Ada Student <ada@example.com>"
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == data["body"]
    conversation.refresh_from_db()
    assert conversation.stage == "requested"
    sent = conversation.messages.get()
    assert sent.sent_at is not None and sent.subject == data["subject"]
    assert PASSWORD not in caplog.text


def test_a_refusal_shows_the_servers_words_and_keeps_the_draft(
    signed_in, user, conversation, smtp_server
):
    _, port = smtp_server(refuse=True)
    _configure(user, port)
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi Ana"}
    response = signed_in.post(reverse("web:composer_smtp", args=[conversation.pk]), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "550" in page and "Relaying denied for this sender" in page
    assert "Your draft is kept" in page
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    draft = conversation.messages.get()
    assert (draft.sent_at, draft.body) == (None, "Hi Ana")


def test_a_wrong_password_is_reported(user, conversation, smtp_server):
    _, port = smtp_server()
    _configure(user, port, password="wrong")
    outgoing = sending.outgoing_for(user, conversation.contact, "Hi", "Body")
    with pytest.raises(sending.SendFailed) as caught:
        sending.send_smtp(user, outgoing)
    assert "535" in str(caught.value)


def test_an_unreachable_server_is_reported(user, conversation):
    _configure(user, 1)  # nothing listens on port 1
    outgoing = sending.outgoing_for(user, conversation.contact, "Hi", "Body")
    with pytest.raises(sending.SendFailed) as caught:
        sending.send_smtp(user, outgoing)
    assert "127.0.0.1:1" in str(caught.value)


def test_the_test_button_sends_to_the_users_own_address(signed_in, user, smtp_server):
    inbox, port = smtp_server()
    _configure(user, port)
    response = signed_in.post(reverse("web:email_test"), follow=True)
    assert "Test message sent to ada@example.com" in response.content.decode()
    ((_, recipients, raw),) = inbox.messages
    assert recipients == ["ada@example.com"]
    assert b"coffeechat test message" in raw


def test_the_settings_page_keeps_the_password_and_never_shows_it(signed_in, user):
    url = reverse("web:email_settings")
    data = {
        "host": "smtp.example.com",
        "port": "587",
        "security": "starttls",
        "username": "ada",
        "password": PASSWORD,
        "from_address": "ada@example.com",
    }
    assert signed_in.post(url, data).status_code == 302
    assert signed_in.post(url, {**data, "password": "", "port": "2525"}).status_code == 302
    stored = SmtpSettings.objects.get(owner=user)
    assert (stored.password, stored.port) == (PASSWORD, 2525)
    page = signed_in.get(url).content.decode()
    assert PASSWORD not in page
    assert "A password is stored" in page
    bad = signed_in.post(url, {**data, "port": "99999"})
    assert bad.status_code == 422
    assert SmtpSettings.objects.get(owner=user).port == 2525

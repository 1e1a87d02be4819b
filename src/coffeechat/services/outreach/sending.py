"""The ways a draft leaves coffeechat, each started by the user's click.

mailto: links and .eml files hand the message to the user's own mail app;
SMTP sends through the user's own server when they configured one. Names and
subjects are folded onto one line first, so a newline typed into a contact's
name can never add a header.
"""

from __future__ import annotations

import dataclasses
import smtplib
from dataclasses import dataclass
from email.mime.text import MIMEText
from email.utils import formataddr
from typing import Any
from urllib.parse import quote

from django import forms
from django.core.mail import EmailMessage, get_connection
from icalendar import Calendar

from coffeechat.core.models import Contact, SmtpSettings
from coffeechat.services.accounts.signin import ensure_profile, sender_address
from coffeechat.services.errors import InvalidInput
from coffeechat.services.forms import NoColonMixin

SMTP_TIMEOUT_SECONDS = 15


class SendFailed(RuntimeError):
    """The mail server refused or could not be reached; the message says what it said."""


@dataclass(frozen=True)
class Outgoing:
    to_name: str
    to_address: str
    from_name: str
    from_address: str
    subject: str
    body: str
    # The .ics invite (scheduling), attached as text/calendar so mail apps offer Accept/Decline.
    invite: bytes = b""


def one_line(text: str) -> str:
    """Any run of whitespace, newlines included, becomes one space.

    >>> one_line("Ana\\r\\nBcc: evil@example.com")
    'Ana Bcc: evil@example.com'
    """
    return " ".join(str(text).split())


def mailto_url(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068): subject and body percent-encoded, CRLF line breaks.

    >>> mailto_url("ana@example.com", "Hi & bye", "Line 1\\nLine 2?")
    'mailto:ana@example.com?subject=Hi%20%26%20bye&body=Line%201%0D%0ALine%202%3F'
    """
    crlf = "\r\n".join(body.replace("\r\n", "\n").split("\n"))
    return (
        f"mailto:{quote(one_line(address), safe='@')}"
        f"?subject={quote(one_line(subject), safe='')}&body={quote(crlf, safe='')}"
    )


def build_email(message: Outgoing) -> EmailMessage:
    email = EmailMessage(
        subject=one_line(message.subject),
        body=message.body,
        from_email=formataddr((one_line(message.from_name), one_line(message.from_address))),
        to=[formataddr((one_line(message.to_name), one_line(message.to_address)))],
    )
    if message.invite:
        email.attach(invite_part(message.invite))
    return email


def invite_part(ics: bytes) -> MIMEText:
    """The invite as a ``text/calendar`` part whose ``method`` matches the calendar's METHOD.

    Mail apps only show Accept/Decline (or remove a cancelled event) when the part's
    ``method`` parameter agrees with the METHOD inside, so it is read from the bytes.
    """
    calendar = Calendar.from_ical(ics)
    method = str(calendar.get("method", "PUBLISH")).upper()
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invite.ics")
    return part


def eml_bytes(message: Outgoing) -> bytes:
    """A complete .eml the user opens in their mail app; X-Unsent makes it open as a draft."""
    email = build_email(message)
    email.extra_headers["X-Unsent"] = "1"
    return email.message().as_bytes()


def outgoing_for(
    user: Any, contact: Contact, subject: str, body: str, invite: bytes = b""
) -> Outgoing:
    profile = ensure_profile(user)
    return Outgoing(
        to_name=contact.name,
        to_address=contact.email,
        from_name=profile.name or user.get_full_name() or user.get_username(),
        from_address=sender_address(user),
        subject=subject,
        body=body,
        invite=invite,
    )


class SmtpSettingsForm(NoColonMixin, forms.ModelForm):
    password = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Leave empty to keep the stored password.",
    )

    class Meta:
        model = SmtpSettings
        fields = ["host", "port", "security", "username", "password", "from_address"]


def smtp_settings(user: Any) -> SmtpSettings | None:
    return SmtpSettings.objects.filter(owner=user).first()


def save_smtp_settings(user: Any, data: dict[str, Any]) -> SmtpSettings:
    """Store the user's server; an empty password keeps the one already stored."""
    current = smtp_settings(user)
    kept_password = current.password if current else ""
    form = SmtpSettingsForm(data, instance=current)
    if not form.is_valid():
        raise InvalidInput(form.errors, form=form)
    saved: SmtpSettings = form.save(commit=False)
    saved.owner = user
    saved.password = form.cleaned_data.get("password") or kept_password
    saved.save()
    return saved


def send_smtp(user: Any, message: Outgoing) -> None:
    """Deliver through the user's server, or SendFailed with the server's own words."""
    config = smtp_settings(user)
    if config is None:
        raise SendFailed("No mail server is set up: add one under Settings → Email.")
    deliver(config, message)


def deliver(config: SmtpSettings, message: Outgoing) -> None:
    """Send ``message`` through ``config`` (saved or not), or SendFailed saying why."""
    if not message.to_address:
        raise SendFailed("This contact has no email address.")
    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=config.host,
        port=config.port,
        username=config.username or None,
        password=config.password or None,
        use_tls=config.security == "starttls",
        use_ssl=config.security == "ssl",
        timeout=SMTP_TIMEOUT_SECONDS,
        fail_silently=False,
    )
    # The server decides the From it accepts, so its setting wins over the profile's.
    email = build_email(dataclasses.replace(message, from_address=config.from_address))
    email.connection = connection
    try:
        email.send()
    except smtplib.SMTPResponseException as exc:
        text = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise SendFailed(f"The mail server said: {exc.smtp_code} {text}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendFailed(f"The mail server refused the recipient: {_refusals(exc)}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise SendFailed(f"Could not send through {config.host}:{config.port}: {exc}") from exc


def server_smtp_settings(url: str) -> SmtpSettings | None:
    """The server-wide mail server from ``COFFEECHAT_SMTP_URL`` (unsaved), or None.

    ``smtp://user:pass@host:587?from=coffeechat@example.edu`` sends with STARTTLS,
    ``smtps://…:465`` over SSL/TLS, ``smtp://…?security=none`` in the clear
    (a relay on the same machine only).
    """
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url.strip():
        return None
    parts = urlsplit(url.strip())
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise SendFailed("COFFEECHAT_SMTP_URL must look like smtp://user:password@host:587")
    security = query.get("security", "ssl" if parts.scheme == "smtps" else "starttls")
    if security not in ("starttls", "ssl", "none"):
        raise SendFailed("COFFEECHAT_SMTP_URL: security= must be starttls, ssl or none")
    username = unquote(parts.username or "")
    sender = query.get("from") or (username if "@" in username else "")
    if not sender:
        raise SendFailed("COFFEECHAT_SMTP_URL: add ?from=address (the address mail comes from)")
    try:
        port = parts.port or (465 if security == "ssl" else 587)
    except ValueError:
        raise SendFailed("COFFEECHAT_SMTP_URL: the port is not a number") from None
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        security=security,
        username=username,
        password=unquote(parts.password or ""),
        from_address=sender,
    )


def _refusals(exc: smtplib.SMTPRecipientsRefused) -> str:
    parts = []
    for address, (code, text) in exc.recipients.items():
        said = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        parts.append(f"{address}: {code} {said}")
    return "; ".join(parts)


def send_test(user: Any) -> str:
    """Send a short test message to the user's own from-address; returns that address."""
    config = smtp_settings(user)
    if config is None:
        raise SendFailed("No mail server is set up yet.")
    send_smtp(
        user,
        Outgoing(
            to_name="",
            to_address=config.from_address,
            from_name="coffeechat",
            from_address=config.from_address,
            subject="coffeechat test message",
            body="Your mail server settings work: coffeechat can send your messages.",
        ),
    )
    return config.from_address

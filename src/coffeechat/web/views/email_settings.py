"""Settings → Email: the user's SMTP server and a test-send button."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.domain.dates import long_day
from coffeechat.services.errors import InvalidInput
from coffeechat.services.outreach import sending
from coffeechat.services.today import reminders
from coffeechat.web.links import absolute_url


def _page(request: HttpRequest, form: object, status: int = 200) -> HttpResponse:
    digest = reminders.digest_settings(request.user)
    context = {
        "form": form,
        "configured": sending.smtp_settings(request.user),
        "digest": digest,
        "last_sent": long_day(digest.last_sent_on) if digest.last_sent_on else "",
        "server_wide": bool(settings.SMTP_URL),
        "section": "web:profile",
    }
    return render(request, "web/outreach/email_settings.html", context, status=status)


@login_required
def email_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            sending.save_smtp_settings(request.user, request.POST)
        except InvalidInput as exc:
            return _page(request, exc.form, status=422)
        messages.success(request, "Mail server saved. Send yourself a test to check it.")
        return redirect("web:email_settings")
    return _page(request, sending.SmtpSettingsForm(instance=sending.smtp_settings(request.user)))


@login_required
@require_POST
def email_test(request: HttpRequest) -> HttpResponse:
    try:
        address = sending.send_test(request.user)
    except sending.SendFailed as exc:
        messages.error(request, f"Test not sent. {exc}")
    else:
        messages.success(request, f"Test message sent to {address}. Check your inbox.")
    return redirect("web:email_settings")


@login_required
@require_POST
def email_digest(request: HttpRequest) -> HttpResponse:
    on = request.POST.get("enabled") == "on"
    reminders.set_daily_digest(request.user, on)
    if on:
        messages.success(
            request,
            "Daily reminder on: each run of coffeechat send-reminders (cron, once a day) "
            "emails you what is overdue or due today.",
        )
    else:
        messages.success(request, "Daily reminder off: no more digests.")
    return redirect("web:email_settings")


@login_required
@require_POST
def email_digest_send(request: HttpRequest) -> HttpResponse:
    result = reminders.send_reminder(request.user, timezone.now(), absolute_url("web:today"))
    if result.outcome == reminders.SENT:
        messages.success(request, f"Today's reminder sent to {result.to}.")
    elif result.outcome == reminders.FAILED:
        messages.error(request, f"Not sent: {result.problem}.")
    else:
        messages.info(request, f"Not sent: {result.outcome}.")
    return redirect("web:email_settings")

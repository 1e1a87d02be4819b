"""Settings → Email: the user's SMTP server and a test-send button."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.services import sending
from coffeechat.services.errors import InvalidInput


def _page(request: HttpRequest, form: object, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "configured": sending.smtp_settings(request.user),
        "section": "web:profile",
    }
    return render(request, "web/email_settings.html", context, status=status)


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

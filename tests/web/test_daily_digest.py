"""Settings → Email: turning the daily reminder on and sending today's now."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.core.models import DailyDigest


def test_the_reminder_is_turned_on_and_off_from_the_email_page(signed_in, user):
    page = signed_in.get(reverse("web:email_settings"))
    assert "Email me a daily reminder" in page.content.decode()

    on = signed_in.post(reverse("web:email_digest"), {"enabled": "on"}, follow=True)
    assert DailyDigest.objects.get(owner=user).enabled
    text = on.content.decode()
    assert "Daily reminder on" in text
    assert "Set up a mail server above first" in text
    assert "Send today's reminder now" in text

    signed_in.post(reverse("web:email_digest"), {})
    assert not DailyDigest.objects.get(owner=user).enabled


def test_sending_now_without_a_server_says_why(signed_in, user, settings):
    settings.SMTP_URL = ""
    signed_in.post(reverse("web:email_digest"), {"enabled": "on"})
    answer = signed_in.post(reverse("web:email_digest_send"), follow=True)
    assert "Not sent: nothing overdue or due today." in answer.content.decode()

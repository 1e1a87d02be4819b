"""The statistics page: every chart with its title and table, empty states, escaped names."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import CareerPath, Contact, Conversation, Message, Referral
from coffeechat.services.conversations.actions import record_event, start_conversation

CHART_TITLES = [
    "From identified to referrals: people at each step",
    "Reply rate by source",
    "Reply rate by channel",
    "Weekly activity, last 12 weeks",
    "Time spent in conversations, by career path",
    "Referral tree: who introduced whom",
]


def _campaign(user):
    now = timezone.now()
    path = CareerPath.objects.create(owner=user, title="UX <research>")
    ana = Contact.objects.create(owner=user, first_name="Ana", last_name="<b>Ruiz</b>")
    bo = Contact.objects.create(owner=user, first_name="Bo", source="referral", referred_by=ana)
    conversation = Conversation.objects.create(
        owner=user,
        contact=ana,
        career_path=path,
        requested_at=now - timedelta(days=20),
        replied_at=now - timedelta(days=18),
        held_at=now - timedelta(days=10),
    )
    Message.objects.create(
        owner=user,
        contact=ana,
        conversation=conversation,
        kind="request",
        sent_at=now - timedelta(days=20),
    )
    Referral.objects.create(
        owner=user, from_contact=ana, to_contact=bo, via_conversation=conversation
    )


def test_an_empty_account_explains_what_each_chart_will_show(signed_in):
    page = signed_in.get(reverse("web:statistics")).content.decode()
    assert "<svg" not in page
    for hint in [
        "No contacts yet",
        "No requests sent yet",
        "No replies yet",
        "Nothing sent or held",
        "No conversations held yet",
        "No referrals yet",
    ]:
        assert hint in page


def test_every_chart_renders_with_title_description_and_table(signed_in, user):
    _campaign(user)
    response = signed_in.get(reverse("web:statistics"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == len(CHART_TITLES)
    assert page.count("<desc") == len(CHART_TITLES)
    for title in CHART_TITLES:
        assert f">{title}</title>" in page
    assert page.count("<details>") == len(CHART_TITLES)
    assert "typical 20 %–40 %" in page
    assert "business day" in page


def test_user_text_in_charts_is_escaped(signed_in, user):
    _campaign(user)
    page = signed_in.get(reverse("web:statistics")).content.decode()
    assert "<b>Ruiz" not in page and "<research>" not in page
    assert "&lt;b&gt;Ruiz" in page and "UX &lt;research&gt;" in page


def test_both_pages_need_a_signed_in_user(client, db):
    for name in ("web:statistics", "web:insights"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("web:login") in response["Location"]


def test_another_users_campaign_never_shows(signed_in, outsider):
    _campaign(outsider)
    page = signed_in.get(reverse("web:statistics")).content.decode()
    assert "<svg" not in page and "Ruiz" not in page


def test_a_meeting_booked_without_a_recorded_request_still_shows_the_page(signed_in, user):
    contact = Contact.objects.create(owner=user, first_name="Cy")
    conversation = start_conversation(user, {"contact": contact.pk})
    booking = {"type": "scheduled", "starts_at": "2026-11-10T10:00", "time_zone": "UTC"}
    record_event(user, conversation.pk, booking, now=timezone.now())

    response = signed_in.get(reverse("web:statistics"))

    assert response.status_code == 200
    assert "From identified to referrals" in response.content.decode()

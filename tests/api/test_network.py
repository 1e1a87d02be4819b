"""GET /api/v1/network: the Network page's counts and people, paged the same way."""

from __future__ import annotations

from coffeechat.core.models import Contact, Conversation, Message
from tests.clock import local_days_ago


def _in_network(user, first, days_ago):
    contact = Contact.objects.create(owner=user, first_name=first, last_name="X")
    Conversation.objects.create(
        owner=user, contact=contact, stage="replied", reply_sentiment="positive"
    )
    Message.objects.create(
        owner=user,
        contact=contact,
        direction="out",
        kind="update",
        sent_at=local_days_ago(days_ago),  # the API reads the real clock, counts local days
    )


def test_the_network_lists_red_amber_and_on_track_with_their_dates(api, user):
    _in_network(user, "Ruby", 50)
    _in_network(user, "Amber", 31)
    _in_network(user, "Fresh", 2)
    stranger = Contact.objects.create(owner=user, first_name="Silent", last_name="X")
    Conversation.objects.create(owner=user, contact=stranger, stage="requested")
    body = api.get("/network").json()
    assert (body["overdue"], body["due"], body["on_track"]) == (1, 1, 1)
    waiting = body["waiting"]["people"]
    assert [p["name"] for p in waiting] == ["Ruby X", "Amber X"]
    assert [p["state"] for p in waiting] == ["overdue", "due"]
    assert waiting[1]["label"].startswith("Update due: 31 days")
    (fresh,) = body["on_track_people"]["people"]
    assert fresh["name"] == "Fresh X" and fresh["state"] == "on_track"
    assert body["waiting"]["pages"] == 1 and body["waiting"]["total"] == 2


def test_pages_hold_fifty_and_a_bad_page_is_refused(api, user):
    for i in range(55):
        _in_network(user, f"P{i:02d}", 60 + i)
    first = api.get("/network").json()["waiting"]
    assert (len(first["people"]), first["pages"], first["total"]) == (50, 2, 55)
    second = api.get("/network", waiting_page=2).json()["waiting"]
    assert len(second["people"]) == 5 and second["page"] == 2
    assert api.get("/network", waiting_page=0).status_code == 422


def test_another_users_network_is_not_visible(api, outsider):
    _in_network(outsider, "Theirs", 40)
    body = api.get("/network").json()
    assert (body["overdue"], body["due"], body["on_track"]) == (0, 0, 0)

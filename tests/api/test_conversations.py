"""Starting conversations, recording events and taking notes through the API."""

from __future__ import annotations

from coffeechat.core.models import Conversation, Note
from coffeechat.domain.notes import MAX_NOTE_CHARS, note_too_long


def test_starting_a_conversation_is_201_with_the_profile_defaults(api, contact, career_path):
    response = api.post(
        "/conversations", {"contact_id": contact.pk, "career_path_id": career_path.pk}
    )

    assert response.status_code == 201
    body = response.json()
    assert body["contact_id"] == contact.pk
    assert body["career_path_id"] == career_path.pk
    assert body["stage"] == "planned"
    assert body["medium"] == "video"
    assert body["planned_minutes"] == 30
    assert body["starts_at"] is None
    assert "request_sent" in body["allowed_events"]
    assert Conversation.objects.get(pk=body["id"]).contact_id == contact.pk


def test_a_conversation_can_be_started_with_medium_length_and_purpose(api, contact):
    response = api.post(
        "/conversations",
        {"contact_id": contact.pk, "medium": "phone", "planned_minutes": 20, "purpose": "Data"},
    )

    assert response.status_code == 201
    assert (response.json()["medium"], response.json()["planned_minutes"]) == ("phone", 20)


def test_a_do_not_contact_person_cannot_be_chosen_and_nothing_is_created(api, user, contact):
    contact.do_not_contact = True
    contact.save()

    response = api.post("/conversations", {"contact_id": contact.pk})

    assert response.status_code == 422
    assert "do-not-contact" in response.json()["errors"]["contact_id"][0]
    assert not Conversation.objects.filter(owner=user).exists()


def test_conversations_are_listed_and_filtered_by_stage(api, conversation):
    assert [c["id"] for c in api.get("/conversations").json()["items"]] == [conversation.pk]
    assert api.get("/conversations", stage="planned").json()["count"] == 1
    assert api.get("/conversations", stage="held").json()["count"] == 0


def test_a_conversation_is_read_by_id(api, conversation):
    response = api.get(f"/conversations/{conversation.pk}")

    assert response.status_code == 200
    assert response.json()["stage"] == "planned"


def test_recording_events_moves_the_conversation_on(api, conversation):
    url = f"/conversations/{conversation.pk}/events"

    sent = api.post(url, {"type": "request_sent", "at": "2026-11-02T09:00"})
    replied = api.post(url, {"type": "reply_received", "sentiment": "positive"})
    booked = api.post(
        url,
        {
            "type": "scheduled",
            "starts_at": "2026-11-10T10:00",
            "time_zone": "America/Chicago",
            "minutes": 45,
        },
    )

    assert [r.status_code for r in (sent, replied, booked)] == [200, 200, 200]
    assert sent.json()["stage"] == "requested"
    assert sent.json()["requested_at"] == "2026-11-02T14:00:00Z"
    assert replied.json()["stage"] == "replied"
    assert replied.json()["reply_sentiment"] == "positive"
    body = booked.json()
    assert body["stage"] == "scheduled"
    assert body["starts_at"] == "2026-11-10T10:00:00-06:00"
    assert body["time_zone"] == "America/Chicago"
    assert body["planned_minutes"] == 45
    assert "held" in body["allowed_events"]


def test_an_event_that_does_not_fit_the_stage_is_422_naming_type_and_changes_nothing(
    api, conversation
):
    response = api.post(f"/conversations/{conversation.pk}/events", {"type": "held"})

    assert response.status_code == 422
    body = response.json()
    assert "type" in body["errors"]
    assert "planned" in body["message"]
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    assert conversation.held_at is None


def test_an_unknown_event_type_is_422_naming_type(api, conversation):
    response = api.post(f"/conversations/{conversation.pk}/events", {"type": "ghosted"})

    assert response.status_code == 422
    assert "type" in response.json()["errors"]


def test_a_reply_without_a_sentiment_is_422_naming_sentiment(api, conversation):
    api.post(f"/conversations/{conversation.pk}/events", {"type": "request_sent"})

    response = api.post(f"/conversations/{conversation.pk}/events", {"type": "reply_received"})

    assert response.status_code == 422
    assert "sentiment" in response.json()["errors"]
    conversation.refresh_from_db()
    assert conversation.stage == "requested"


def test_scheduling_without_a_start_is_422_and_books_nothing(api, conversation):
    response = api.post(f"/conversations/{conversation.pk}/events", {"type": "scheduled"})

    assert response.status_code == 422
    assert "starts_at" in response.json()["errors"]
    conversation.refresh_from_db()
    assert conversation.start_date is None


def test_a_negative_reply_closes_the_conversation(api, conversation):
    url = f"/conversations/{conversation.pk}/events"
    api.post(url, {"type": "request_sent"})

    body = api.post(url, {"type": "reply_received", "sentiment": "negative"}).json()

    assert body["stage"] == "closed"
    assert body["close_reason"] == "declined"


def test_a_note_is_created_with_201_and_listed(api, conversation):
    response = api.post(
        f"/conversations/{conversation.pk}/notes",
        {"text": "Learn SQL window functions", "highlight": True, "tags": ["Skills", "sql"]},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["conversation_id"] == conversation.pk
    assert body["highlight"] is True
    assert body["tags"] == ["skills", "sql"]
    assert Note.objects.get(pk=body["id"]).text == "Learn SQL window functions"
    listed = api.get(f"/conversations/{conversation.pk}/notes").json()
    assert [n["id"] for n in listed] == [body["id"]]


def test_an_empty_note_is_422_and_nothing_is_saved(api, conversation):
    response = api.post(f"/conversations/{conversation.pk}/notes", {"text": ""})

    assert response.status_code == 422
    assert "text" in response.json()["errors"]
    assert not Note.objects.exists()


def test_a_note_over_the_limit_is_422_with_the_same_message_as_interview_mode(api, conversation):
    response = api.post(
        f"/conversations/{conversation.pk}/notes", {"text": "x" * (MAX_NOTE_CHARS + 1)}
    )

    assert response.status_code == 422
    assert response.json()["errors"]["text"] == [note_too_long(MAX_NOTE_CHARS + 1)]
    assert not Note.objects.exists()


def test_deleting_a_conversation_moves_it_to_the_trash(api, conversation):
    assert api.delete(f"/conversations/{conversation.pk}").status_code == 204

    conversation.refresh_from_db()
    assert conversation.deleted_at is not None
    assert api.get(f"/conversations/{conversation.pk}").status_code == 404


def test_an_event_dated_beyond_year_9999_in_utc_is_422_and_changes_nothing(api, conversation):
    response = api.post(
        f"/conversations/{conversation.pk}/events",
        {"type": "request_sent", "at": "9999-12-31T23:00"},
    )

    assert response.status_code == 422
    assert response.json()["message"]
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    assert conversation.requested_at is None


def test_a_trashed_contacts_conversations_leave_the_list(api, user, conversation, now):
    from coffeechat.services.contacts.actions import move_to_trash

    move_to_trash(user, "contact", conversation.contact_id, now)

    assert api.get("/conversations").json()["count"] == 0

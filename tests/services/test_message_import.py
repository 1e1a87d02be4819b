"""messages.csv import: matching, logging, Today's reaction, preview, undo."""

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.core.models import ImportBatch, Message
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.outreach import message_import
from coffeechat.services.today.due_list import moment_for, today_for

NY = ZoneInfo("America/New_York")
REQUESTED = datetime(2026, 11, 2, 10, 0, tzinfo=NY)
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)
CSV = (
    HEADER + "c1,,Ada Student,https://www.linkedin.com/in/ada,Ana R.,"
    "https://www.linkedin.com/in/ana-ruiz/,2026-11-02 15:00:00 UTC,,Hi Ana,INBOX\n"
    + "c1,,Ana R.,https://www.linkedin.com/in/ana-ruiz/,Ada Student,"
    "https://www.linkedin.com/in/ada,2026-11-09 14:00:00 UTC,,Happy to chat!,INBOX\n"
    + "c2,,Ada Student,https://www.linkedin.com/in/ada,Ben Lee,,2026-11-03 15:00:00 UTC,,Hi Ben,"
    "INBOX\n"
    + "c3,,Zed Unknown,,Ada Student,,2026-11-04 15:00:00 UTC,,Spam,INBOX\n"
    + "c4,,Ada Student,,Zed Unknown,,not-a-date,,x,INBOX\n"
)


@pytest.fixture
def people(user):
    """Ana (asked on 2 Nov by LinkedIn, matched by URL) and Ben (planned, matched by name)."""
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    ana = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "linkedin",
            "organization": org.pk,
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "research_notes": "r",
        },
    )
    ben = crm.create_contact(
        user, {"first_name": "Ben", "last_name": "Lee", "source": "alumni", "research_notes": "r"}
    )
    ana_talk = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, ana_talk.pk, {"type": "request_sent"}, REQUESTED)
    ben_talk = conversations.start_conversation(user, {"contact": ben.pk})
    return ana_talk, ben_talk


def _follow_ups(user):
    items = today_for(user, moment_for(date(2026, 11, 12), NY)).items
    return [i.action.title for i in items if i.action.kind.value == "follow_up"]


def test_the_preview_matches_by_url_then_name_and_changes_nothing(user, people):
    preview = message_import.preview_messages(user, CSV.encode())
    assert preview.owner == "Ada Student"
    matched = [
        (r.contact.first_name if r.contact else None, r.matched_by, r.direction.value)
        for r in preview.rows
    ]
    assert matched == [
        ("Ana", "profile URL", "out"),
        ("Ben", "name", "out"),
        (None, "", "in"),
        ("Ana", "profile URL", "in"),
    ]
    assert [str(p) for p in preview.problems] == ["line 6, DATE: 'not-a-date' is not a date"]
    assert Message.objects.filter(import_batch__isnull=False).count() == 0


def test_importing_logs_the_messages_and_today_stops_nagging(user, people, now):
    ana_talk, ben_talk = people
    assert _follow_ups(user) == ["Follow up with Ana Ruiz"]
    batch = message_import.import_messages(user, CSV.encode(), "messages.csv", now)
    assert (batch.created_count, batch.skipped_count) == (3, 2)
    ana_talk.refresh_from_db()
    ben_talk.refresh_from_db()
    assert ana_talk.stage == "replied"  # Ana answered on LinkedIn
    assert ben_talk.stage == "requested"  # the LinkedIn note to Ben was the request
    assert ben_talk.requested_at == datetime(2026, 11, 3, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert "Follow up with Ana Ruiz" not in _follow_ups(user)
    reply = Message.objects.get(contact=ana_talk.contact, direction="in")
    assert (reply.kind, reply.channel, reply.body) == (
        "reply",
        "linkedin-message",
        "Happy to chat!",
    )


def test_reimporting_the_same_file_logs_nothing_twice(user, people, now):
    message_import.import_messages(user, CSV.encode(), "messages.csv", now)
    again = message_import.import_messages(user, CSV.encode(), "messages.csv", now)
    assert again.created_count == 0
    assert Message.objects.filter(import_batch__isnull=False).count() == 3


def test_undo_removes_the_messages_and_reverts_the_stages(user, people, now):
    ana_talk, ben_talk = people
    batch = message_import.import_messages(user, CSV.encode(), "messages.csv", now)
    message_import.undo_message_import(user, batch.pk, now)
    ana_talk.refresh_from_db()
    ben_talk.refresh_from_db()
    assert (ana_talk.stage, ana_talk.replied_at) == ("requested", None)
    assert (ben_talk.stage, ben_talk.requested_at) == ("planned", None)
    assert Message.objects.filter(import_batch=batch).count() == 0
    assert ImportBatch.objects.get(pk=batch.pk).undone_at == now
    # The request Ana's conversation had before the import is untouched.
    assert Message.objects.filter(conversation=ana_talk, kind="request").count() == 1


def test_another_users_batch_cannot_be_undone(user, outsider, people, now):
    from coffeechat.services.errors import NotFound

    batch = message_import.import_messages(user, CSV.encode(), "messages.csv", now)
    with pytest.raises(NotFound):
        message_import.undo_message_import(outsider, batch.pk, now)


def test_the_page_previews_commits_and_undoes(signed_in, user, people):
    url = reverse("web:message_import")
    upload = SimpleUploadedFile("messages.csv", CSV.encode(), content_type="text/csv")
    page = signed_in.post(url, {"file": upload}).content.decode()
    assert "Preview of messages.csv" in page
    assert "3 messages to log" in page and "1 with people not in your contacts" in page
    assert "line 6, DATE: &#x27;not-a-date&#x27; is not a date" in page
    assert Message.objects.filter(import_batch__isnull=False).count() == 0
    # Private messages wait in the user's own folder of the data directory, not /tmp.
    token = signed_in.session["message_import"]["token"]
    stashed = Path(settings.DATA_DIR) / "imports" / str(user.pk) / f"{token}.bin"
    assert stashed.read_bytes() == CSV.encode()
    done = signed_in.post(reverse("web:message_import_commit"), follow=True).content.decode()
    assert "Logged 3 messages from messages.csv; 2 skipped." in done
    assert not stashed.exists()
    batch = ImportBatch.objects.get(owner=user, kind="linkedin-messages")
    signed_in.post(reverse("web:message_import_undo", args=[batch.pk]))
    assert Message.objects.filter(import_batch__isnull=False).count() == 0


def test_a_wrong_file_is_refused_with_the_reason(signed_in):
    upload = SimpleUploadedFile("Connections.csv", b"First Name,Last Name\nAna,Ruiz\n")
    response = signed_in.post(reverse("web:message_import"), {"file": upload})
    assert response.status_code == 422
    assert "no header with FROM, TO and DATE" in response.content.decode()


AUTO = CSV.replace(
    "Happy to chat!", "I'm currently out of the office until 16 November with limited access."
)


def test_an_imported_auto_reply_is_logged_but_the_request_keeps_waiting(
    signed_in, user, people, now
):
    ana_talk, _ = people
    preview = message_import.preview_messages(user, AUTO.encode())
    assert [r.auto_reply for r in preview.rows] == [False, False, False, True]
    page = signed_in.post(
        reverse("web:message_import"),
        {"file": SimpleUploadedFile("messages.csv", AUTO.encode())},
    ).content.decode()
    assert "auto-reply: still waiting" in page
    message_import.import_messages(user, AUTO.encode(), "messages.csv", now)
    ana_talk.refresh_from_db()
    assert (ana_talk.stage, ana_talk.replied_at) == ("requested", None)
    assert "Follow up with Ana Ruiz" in _follow_ups(user)  # Today still nudges
    assert Message.objects.get(contact=ana_talk.contact, direction="in").kind == "reply"

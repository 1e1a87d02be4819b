"""Interview mode's captures at their edges."""

from __future__ import annotations

import pytest

from coffeechat.core.models import Organization
from coffeechat.domain.notes import MAX_NOTE_CHARS
from coffeechat.services.conversations import interview
from coffeechat.services.errors import InvalidInput
from tests.prep_fixtures import booked_interview


@pytest.fixture
def conv(user, now):
    return booked_interview(user, now)


def test_a_referral_with_one_name_and_a_known_organization_in_other_case(user, conv):
    referral = interview.capture_referral(
        user, conv.pk, {"name": "  Priya  ", "organization": "ACME", "role": "", "context": ""}
    )
    person = referral.to_contact
    assert (person.first_name, person.last_name) == ("Priya", "")
    assert Organization.objects.for_user(user).filter(name__iexact="acme").count() == 1
    assert person.connection == "Introduced by Ana Ruiz."


def test_a_referral_at_a_new_organization_creates_it(user, conv):
    referral = interview.capture_referral(
        user, conv.pk, {"name": "Sam Lee", "organization": "Globex", "context": "Ask about ML"}
    )
    assert referral.to_contact.organization.name == "Globex"
    assert referral.to_contact.connection == "Introduced by Ana Ruiz: Ask about ML"


def test_advice_with_a_bad_date_or_kind_is_refused_by_field(user, conv):
    with pytest.raises(InvalidInput) as error:
        interview.capture_advice(user, conv.pk, {"text": "", "kind": "magic", "due": "soon"})
    assert set(error.value.errors) == {"text", "kind", "due"}


def test_ending_a_conversation_that_is_not_booked_says_why(user, now):
    from coffeechat.services.contacts import actions as crm
    from coffeechat.services.conversations import actions as conversations

    bo = crm.create_contact(user, {"first_name": "Bo", "source": "alumni"})
    planned = conversations.start_conversation(user, {"contact": bo.pk})
    with pytest.raises(InvalidInput, match="does not fit"):
        interview.end_interview(user, planned.pk, now)


def test_a_note_longer_than_the_limit_is_refused(user, conv, now):
    with pytest.raises(InvalidInput, match="at most"):
        interview.save_note(user, conv.pk, None, "x" * (MAX_NOTE_CHARS + 1), now)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_crossing_autosaves_of_one_box_leave_one_note(user, now, monkeypatch):
    """A retry racing a reload: both saves must end in the same note, not two."""
    import contextlib
    import threading

    from django.db import connection

    from coffeechat.core.models import Note

    conv = booked_interview(user, now)
    both_looked = threading.Barrier(2, timeout=2)
    looked_up = interview.note_for

    def slow_note_for(*args):
        note = looked_up(*args)
        # Without the lock both saves get here seeing no note; with it the other
        # save is still waiting for the lock, and the barrier gives up.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_looked.wait()
        return note

    monkeypatch.setattr(interview, "note_for", slow_note_for)

    def save(text):
        try:
            interview.save_note(user, conv.pk, None, text, now)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(text,)) for text in ("first", "first words")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Note.objects.filter(conversation=conv, deleted_at__isnull=True).count() == 1

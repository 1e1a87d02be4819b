"""Interview mode without a browser: autosave, highlight, check-off, captures, the end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import ActionItem, Contact, Note, PlannedQuestion, Referral
from coffeechat.services.prep import plans
from coffeechat.services.today.due_list import today_for
from coffeechat.web.links import door_url
from tests.prep_fixtures import bank_question, booked_interview

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def conv(user, now):
    conv = booked_interview(user, now)
    plans.add_question(user, conv.pk, bank_question(user, "day-last-week").pk)
    return conv


def _note_url(conv):
    return reverse("web:interview_note", args=[conv.pk])


def test_the_page_shows_the_plan_phases_and_a_note_box_per_question(signed_in, conv):
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert "Small talk 0–6" in page and "Questions 6–26" in page and "Close 26–30" in page
    assert page.count('class="iv-note"') == 3
    assert "Start the clock" in page and "End interview" in page
    assert 'src="/static/web/interview.js"' in page


def test_autosave_creates_then_updates_one_note_per_question(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    first = signed_in.post(_note_url(conv), {"question": q.pk, "text": "Mondays: planning"}, **JSON)
    assert first.status_code == 200 and first.json()["saved"] is True
    signed_in.post(_note_url(conv), {"question": q.pk, "text": "Mondays: planning, then"}, **JSON)
    # A retry of the same text after a dropped connection changes nothing.
    signed_in.post(_note_url(conv), {"question": q.pk, "text": "Mondays: planning, then"}, **JSON)
    notes = Note.objects.filter(conversation=conv, question=q, deleted_at__isnull=True)
    assert [n.text for n in notes] == ["Mondays: planning, then"]
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert "Mondays: planning, then</textarea>" in page


def test_emptying_a_note_moves_it_to_the_trash(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    signed_in.post(_note_url(conv), {"question": q.pk, "text": "typo"}, **JSON)
    signed_in.post(_note_url(conv), {"question": q.pk, "text": "  "}, **JSON)
    assert not Note.objects.for_user(user).filter(conversation=conv).exists()
    assert Note.objects.trashed_for_user(user).filter(conversation=conv, text="typo").exists()


def test_the_save_button_works_without_javascript(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    response = signed_in.post(_note_url(conv), {"question": q.pk, "text": "No JS here"})
    assert response.status_code == 302 and response["Location"].endswith(f"#q{q.pk}")
    assert Note.objects.get(conversation=conv, question=q).text == "No JS here"


def test_highlight_needs_a_note_then_marks_it_for_the_thank_you(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    url = reverse("web:interview_highlight", args=[conv.pk])
    refused = signed_in.post(url, {"question": q.pk, "on": "1"}, **JSON)
    assert refused.status_code == 422 and "Write the note first" in refused.json()["message"]
    signed_in.post(_note_url(conv), {"question": q.pk, "text": "Diary studies over two weeks"})
    assert signed_in.post(url, {"question": q.pk, "on": "1"}, **JSON).json() == {"highlight": True}
    assert Note.objects.get(conversation=conv, question=q).highlight


def test_checking_off_a_question(signed_in, user, conv):
    line = PlannedQuestion.objects.filter(conversation=conv).order_by("position").first()
    url = reverse("web:interview_asked", args=[conv.pk, line.pk])
    signed_in.post(url, {"asked": "1"}, **JSON)
    line.refresh_from_db()
    assert line.asked


def test_a_referral_becomes_a_contact_a_referral_and_a_today_action(signed_in, user, conv, now):
    response = signed_in.post(
        reverse("web:interview_referral", args=[conv.pk]),
        {
            "name": "Sam Lee",
            "organization": "Acme",
            "role": "Design lead",
            "context": "Runs the research guild",
        },
    )
    assert response.status_code == 302
    sam = Contact.objects.get(owner=user, first_name="Sam", last_name="Lee")
    assert sam.referred_by == conv.contact and sam.source == "referral"
    assert sam.organization.name == "Acme"  # the existing organization, not a second one
    assert Referral.objects.get(to_contact=sam).via_conversation == conv
    # The referral is stamped by the real clock, so Today is asked at the real now.
    titles = [i.action.title for i in today_for(user, timezone.now()).items]
    assert "Contact Sam Lee (introduced by Ana Ruiz)" in titles


def test_a_referral_without_a_name_is_refused_and_keeps_the_input(signed_in, user, conv):
    response = signed_in.post(
        reverse("web:interview_referral", args=[conv.pk]), {"organization": "Globex", "name": " "}
    )
    assert response.status_code == 422
    assert (
        "Write the person" in response.content.decode() or "required" in response.content.decode()
    )
    assert 'value="Globex"' in response.content.decode()
    assert not Contact.objects.filter(owner=user, organization__name="Globex").exists()


def test_advice_becomes_an_action_item_due_on_today(signed_in, user, conv, now):
    signed_in.post(
        reverse("web:interview_advice", args=[conv.pk]),
        {"text": "Take the NN/g research course", "kind": "course", "due": "2026-11-10"},
    )
    item = ActionItem.objects.get(owner=user)
    assert (item.kind, item.conversation) == ("course", conv)
    later = today_for(user, now + timedelta(days=8)).items
    assert "Take the NN/g research course" in [i.action.title for i in later]


def test_ending_marks_it_held_and_starts_the_thank_you_clock(signed_in, user, conv, now):
    response = signed_in.post(reverse("web:interview_end", args=[conv.pk]))
    assert response.status_code == 302
    conv.refresh_from_db()
    assert conv.stage == "held" and conv.held_at is not None
    thank = [i for i in today_for(user, now + timedelta(days=1)).items if i.action.kind == "thank"]
    assert thank and thank[0].action.title == "Thank Ana Ruiz"


def test_today_links_attend_to_interview_mode(user, conv, now):
    on_the_day = now + timedelta(hours=24)  # Wed 4 Nov 09:00, the interview is at 10:00
    attend = [i for i in today_for(user, on_the_day).items if i.action.kind == "attend"]
    assert door_url(attend[0].action) == reverse("web:interview", args=[conv.pk])


def test_the_clock_starts_once_and_can_be_restarted(signed_in, conv):
    url = reverse("web:interview_start", args=[conv.pk])
    first = signed_in.post(url, **JSON).json()["started"]
    assert signed_in.post(url, **JSON).json()["started"] == first
    assert signed_in.post(url, {"restart": "1"}, **JSON).json()["started"] >= first
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert "Restart the clock" in page


def test_another_users_interview_is_404(signed_in, outsider, now):
    theirs = booked_interview(outsider, now)
    assert signed_in.get(reverse("web:interview", args=[theirs.pk])).status_code == 404
    q = bank_question(outsider, "day-last-week")
    response = signed_in.post(_note_url(theirs), {"question": q.pk, "text": "x"}, **JSON)
    assert response.status_code == 404


def test_the_general_box_keeps_its_own_note_apart_from_page_notes(signed_in, user, conv):
    from coffeechat.services.conversations.actions import add_note

    add_note(user, conv.pk, {"text": "Prep: she prefers video", "tags": ""})
    url = _note_url(conv)
    signed_in.post(url, {"question": "general", "text": "Offered to review my portfolio"}, **JSON)
    signed_in.post(url, {"question": "general", "text": "Offered to review my portfolio!"}, **JSON)
    texts = sorted(
        Note.objects.for_user(user).filter(conversation=conv).values_list("text", flat=True)
    )
    assert texts == ["Offered to review my portfolio!", "Prep: she prefers video"]
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert "Offered to review my portfolio!</textarea>" in page


def test_without_a_plan_there_is_still_a_box_for_notes(signed_in, user, now):
    bare = booked_interview(user, now)
    page = signed_in.get(reverse("web:interview", args=[bare.pk])).content.decode()
    assert "No question plan" in page and 'id="note-general"' in page


def test_a_late_save_based_on_old_text_does_not_overwrite_newer_typing(signed_in, user, conv):
    q = bank_question(user, "day-last-week")
    url = _note_url(conv)
    signed_in.post(url, {"question": q.pk, "text": "first"}, **JSON)
    signed_in.post(url, {"question": q.pk, "text": "first, then more"}, **JSON)
    late = signed_in.post(url, {"question": q.pk, "text": "first, th", "base": "first"}, **JSON)
    assert late.status_code == 422
    assert Note.objects.get(conversation=conv, question=q).text == "first, then more"
    fresh = signed_in.post(
        url, {"question": q.pk, "text": "first, then more!", "base": "first, then more"}, **JSON
    )
    assert fresh.status_code == 200


def test_after_the_end_the_clock_stops_instead_of_counting_overtime(signed_in, user, conv, now):
    from coffeechat.services.conversations import interview

    interview.start_clock(user, conv.pk, now)
    interview.end_interview(user, conv.pk, now + timedelta(minutes=28))
    page = signed_in.get(reverse("web:interview", args=[conv.pk])).content.decode()
    assert "The interview ended at" in page
    assert '<strong id="iv-elapsed">28:00</strong>' in page
    assert "End interview" not in page and "Notes still save here" in page

"""The action items page: add, edit, done and undo, trash, and skill suggestions."""

from datetime import date, timedelta

from django.urls import reverse

from coffeechat.core.models import ActionItem
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.conversations.action_items import create_action_item
from coffeechat.services.today.due_list import today_for
from tests.reflection_data import campaign

URL = reverse("web:action_items")


def test_an_item_is_added_with_kind_and_due_date_and_shows_on_today(signed_in, user, now):
    response = signed_in.post(
        URL, {"text": "Take the SQL course", "kind": "course", "due": "2026-11-03"}
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(owner=user)
    assert (item.kind, item.due) == ("course", date(2026, 11, 3))
    assert "Take the SQL course" in signed_in.get(URL).content.decode()
    titles = [i.action.title for i in today_for(user, now).items]
    assert "Take the SQL course" in titles


def test_advice_from_a_conversation_belongs_to_its_path(user, now):
    data = campaign(user, now)
    conversation = data.conversations[0]
    item = create_action_item(
        user, {"text": "Meet Sam", "kind": "person", "conversation": conversation.pk}
    )
    assert item.career_path_id == data.paths["ux"].pk


def test_a_bad_item_is_refused_by_field_and_keeps_the_text(signed_in, user):
    response = signed_in.post(URL, {"text": "Read the book", "kind": "hobby", "due": "soon"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Select a valid choice" in page and "Enter a valid date" in page
    assert 'value="Read the book"' in page
    assert not ActionItem.objects.exists()


def test_another_users_conversation_is_not_a_choice(signed_in, user, outsider, now):
    theirs = campaign(outsider, now).conversations[0]
    response = signed_in.post(URL, {"text": "x", "kind": "other", "conversation": theirs.pk})
    assert response.status_code == 422
    assert not ActionItem.objects.filter(owner=user).exists()


def test_done_and_undo(signed_in, user):
    item = create_action_item(user, {"text": "Update resume headline", "kind": "resume"})
    toggle = reverse("web:action_item_toggle", args=[item.pk])
    signed_in.post(toggle, {"done": "1"})
    item.refresh_from_db()
    assert item.done_at is not None
    page = signed_in.get(URL).content.decode()
    assert "<s>Update resume headline</s>" in page
    signed_in.post(toggle, {"done": "0"})
    item.refresh_from_db()
    assert item.done_at is None


def test_the_toggle_does_not_redirect_off_site(signed_in, user):
    item = create_action_item(user, {"text": "x", "kind": "other"})
    response = signed_in.post(
        reverse("web:action_item_toggle", args=[item.pk]),
        {"done": "1", "next": "https://evil.example/"},
    )
    assert response.url == URL


def _to_do(client) -> str:
    page = client.get(URL).content.decode()
    return page.split('id="open-h"', 1)[1].split('id="add-h"', 1)[0]


def test_edit_and_trash_and_restore(signed_in, user):
    item = create_action_item(user, {"text": "Meet Sam", "kind": "person"})
    signed_in.post(
        reverse("web:action_item_edit", args=[item.pk]),
        {"text": "Meet Sam Lee", "kind": "person", "due": "2026-12-01"},
    )
    item.refresh_from_db()
    assert item.text == "Meet Sam Lee" and item.due == date(2026, 12, 1)
    signed_in.post(reverse("web:trash_move", args=["action_item", item.pk]))
    assert "Meet Sam Lee" not in _to_do(signed_in)
    assert "Meet Sam Lee" in signed_in.get(reverse("web:trash")).content.decode()
    signed_in.post(reverse("web:trash_restore", args=["action_item", item.pk]))
    assert "Meet Sam Lee" in _to_do(signed_in)


def test_another_users_item_is_not_found(signed_in, outsider):
    theirs = create_action_item(outsider, {"text": "x", "kind": "other"})
    assert signed_in.get(reverse("web:action_item_edit", args=[theirs.pk])).status_code == 404
    toggle = reverse("web:action_item_toggle", args=[theirs.pk])
    assert signed_in.post(toggle, {"done": "1"}).status_code == 404


def test_skills_heard_but_not_in_the_profile_are_suggested_with_where_they_were_heard(
    signed_in, user, now
):
    data = campaign(
        user, now
    )  # the profile lists SQL; Cleo's note is tagged skill:tableau, skill:sql
    cleo_note = data.notes[2]
    create_action_item(user, {"text": "Tableau", "kind": "skill"})
    page = signed_in.get(URL).content.decode()
    section = page.split('id="suggestions"', 1)[1]
    assert "<strong>tableau</strong>" in section and "heard 2 times" in section
    link = reverse("web:conversation", args=[cleo_note.conversation_id]) + f"#note-{cleo_note.pk}"
    assert link in section
    assert "<strong>sql</strong>" not in section


def test_a_skill_learnt_is_suggested_for_the_resume_until_it_is_in_the_profile(signed_in, user):
    item = create_action_item(user, {"text": "Figma", "kind": "skill"})
    item.done_at = item.created_at + timedelta(days=1)
    item.save()
    assert "for your resume" in signed_in.get(URL).content.decode()
    profile = ensure_profile(user)
    profile.skills = [{"name": "figma", "weight": 3}]
    profile.save()
    assert "<strong>Figma</strong>" not in signed_in.get(URL).content.decode()


def test_an_impossible_due_date_is_refused_by_field_not_dropped(signed_in, user):
    # What arrives without the date picker (no JavaScript, an old browser): typed text.
    for typed in ("2026-02-31", "02/31/2026"):
        response = signed_in.post(URL, {"text": "SQL", "kind": "course", "due": typed})
        assert response.status_code == 422
        assert "Enter a valid date." in response.content.decode()
    assert not ActionItem.objects.filter(owner=user).exists()

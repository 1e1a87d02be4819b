"""An optional zone menu offers "Unknown", so editing a contact keeps an empty zone empty."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from coffeechat.core.models import Contact
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


@pytest.fixture
def imported(user):
    """A contact as an import leaves them: no time zone."""
    return crm.create_contact(
        user, {"first_name": "Lee", "last_name": "Park", "source": "linkedin"}
    )


def zone_menu(page: str) -> str:
    return re.search(r'<select name="time_zone".*?</select>', page, re.S).group(0)


def test_the_contact_zone_menu_starts_with_unknown_selected(signed_in, imported):
    page = signed_in.get(reverse("web:contact_edit", args=[imported.pk])).content.decode()
    menu = zone_menu(page)
    first = re.search(r"<option[^>]*>[^<]*</option>", menu).group(0)
    assert first == '<option value="" selected>Unknown (slots assume your zone)</option>'


def test_saving_an_imported_contact_keeps_the_zone_unknown(signed_in, imported):
    data = {"first_name": "Lee", "last_name": "Park", "source": "linkedin", "time_zone": ""}
    response = signed_in.post(reverse("web:contact_edit", args=[imported.pk]), data)
    assert response.status_code == 302
    assert Contact.objects.get(pk=imported.pk).time_zone == ""


def test_a_chosen_zone_is_kept_and_shown_selected(signed_in, imported):
    data = {"first_name": "Lee", "source": "linkedin", "time_zone": "Asia/Seoul"}
    signed_in.post(reverse("web:contact_edit", args=[imported.pk]), data)
    page = signed_in.get(reverse("web:contact_edit", args=[imported.pk])).content.decode()
    assert '<option value="Asia/Seoul" selected>' in zone_menu(page)


def test_slots_for_an_unknown_zone_say_they_assume_yours(signed_in, user, imported, now):
    conversation = conversations.start_conversation(user, {"contact": imported.pk})
    page = signed_in.get(reverse("web:conversation_propose", args=[conversation.pk]))
    text = page.content.decode()
    assert "The contact has no time zone on file" in text
    assert f"in your zone ({user.profile.time_zone})" in text

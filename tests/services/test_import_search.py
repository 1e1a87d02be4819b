"""An import's contacts are searchable at once, and it leaves the rest of the index alone."""

from __future__ import annotations

import string

import pytest
from django.core.validators import URLValidator
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.core.models import Contact, Organization
from coffeechat.services.contacts import actions as crm
from coffeechat.services.contacts.search import ContactFilters, search_contacts
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.data.bulk_insert import insert_rows
from coffeechat.services.data.import_values import _PLAIN_PROFILE
from coffeechat.services.data.imports import commit_import, undo_import

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROWS = (
    "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Analytical Engines,"
    "Mathematician,12 Mar 2024\n"
    "Grace,Hopper,,grace@example.org,Navy,Rear Admiral,1 Jan 2020\n"
    "Alan,Turing,,alan@example.org,Bletchley Park,Cryptanalyst,2 Feb 2021\n"
)


def _names(user, query):
    page = search_contacts(user, ContactFilters(q=query), now=None).page
    return sorted(c.name for c in page.object_list)


def test_imported_contacts_are_found_by_title_organization_and_email(user):
    kept = crm.create_contact(
        user, {"first_name": "Edsger", "title": "Mathematician", "source": "other"}
    )
    conversation = conversations.start_conversation(user, {"contact": kept.pk})
    conversations.add_note(user, conversation.pk, {"text": "Talked about cryptanalyst work"})
    # Grace is already a contact: the import fills her empty title (an update).
    crm.create_contact(user, {"first_name": "Grace", "last_name": "Hopper",
                              "email": "grace@example.org", "source": "other"})  # fmt: skip

    result = commit_import(user, "linkedin", (HEADER + ROWS).encode())

    assert (result.created, result.updated) == (2, 1)
    assert _names(user, "mathematician") == ["Ada Lovelace", "Edsger"]
    assert _names(user, "cryptanalyst") == ["Alan Turing", "Edsger"]  # title; note
    assert _names(user, "bletchley") == ["Alan Turing"]
    assert _names(user, "ada@example.org") == ["Ada Lovelace"]
    assert _names(user, "admiral") == ["Grace Hopper"]


def test_undone_import_is_no_longer_found(user, now):
    result = commit_import(user, "linkedin", (HEADER + ROWS).encode())
    undo_import(user, result.batch.pk, now)
    assert _names(user, "mathematician") == []


def test_imported_contacts_are_stamped_and_defaulted_like_new_ones(user):
    commit_import(user, "linkedin", (HEADER + ROWS).encode())
    ada = Contact.objects.get(owner=user, first_name="Ada")
    assert ada.created_at == ada.updated_at  # what undo reads as "not edited since"
    assert ada.deleted_at is None and ada.do_not_contact is False
    assert ada.cadence_days == Contact._meta.get_field("cadence_days").get_default()
    assert ada.organization == Organization.objects.get(owner=user, name="Analytical Engines")


def test_insert_rows_refuses_a_field_the_model_lacks(user):
    with pytest.raises(TypeError, match="no field 'nickname'"):
        insert_rows(Contact, [{"owner_id": user.pk, "first_name": "Ada", "nickname": "A"}])
    assert not Contact.objects.exists()


@given(
    host=st.sampled_from(["https://www.linkedin.com/in/", "https://linkedin.com/in/"]),
    slug=st.text(alphabet=string.ascii_letters + string.digits + "_%-", min_size=1, max_size=100),
    slash=st.sampled_from(["", "/"]),
)
def test_the_plain_profile_shortcut_only_passes_urls_django_accepts(host, slug, slash):
    url = host + slug + slash
    assert _PLAIN_PROFILE.fullmatch(url)
    URLValidator()(url)  # raises if the shortcut let through what Django would refuse


@pytest.mark.parametrize(
    "url", ["https://www.linkedin.com/in/a b", "https://evil.example/in/x", "javascript:x"]
)
def test_other_urls_still_go_through_django(url):
    assert not _PLAIN_PROFILE.fullmatch(url)

"""vCard export → import into a fresh account keeps every coffeechat field of a contact."""

from __future__ import annotations

import vobject

from coffeechat.core.models import Contact
from coffeechat.services.accounts.signin import create_user
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.exports import export_vcard
from coffeechat.services.data.imports import commit_import

FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "title",
    "linkedin_url",
    "location",
    "time_zone",
    "source",
    "connection",
    "connection_line",
    "research_notes",
    "cadence_days",
    "do_not_contact",
)


def _fields(contact: Contact) -> dict[str, object]:
    values = {name: getattr(contact, name) for name in FIELDS}
    values["organization"] = contact.organization.name if contact.organization else None
    return values


def test_every_field_survives_export_and_import(user):
    acme = crm.create_organization(user, {"name": "Acme, Inc.", "motivation": 2, "posting": 1})
    crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz-López",
            "email": "ana@example.org",
            "phone": "+1 555 0100",
            "organization": acme.pk,
            "title": "Lead; UX, Research",
            "linkedin_url": "https://www.linkedin.com/in/ana",
            "location": "Austin, TX",
            "time_zone": "America/Chicago",
            "source": "conference",
            "connection": 'Met at Config 2025\nasked about "research ops", ☕',
            "connection_line": "We met at Config 2025",
            "research_notes": "Runs diary studies.\n\nLabels: not a real label line",
            "cadence_days": "45",
            "do_not_contact": "on",
        },
    )
    crm.create_contact(user, {"first_name": "Sam", "source": "alumni"})
    exported = export_vcard(user)

    fresh = create_user("newcomer", "another horse battery staple")
    result = commit_import(fresh, "vcard", exported.encode())

    assert (result.created, result.problems) == (2, 0)
    mine = sorted((_fields(c) for c in Contact.objects.for_user(user)), key=str)
    theirs = sorted((_fields(c) for c in Contact.objects.for_user(fresh)), key=str)
    assert theirs == mine
    # Other apps still read the card: NOTE and CATEGORIES say it in words.
    card = next(c for c in vobject.readComponents(exported) if c.fn.value.startswith("Ana"))
    assert "How we are connected: Met at Config 2025" in card.note.value
    assert card.categories.value == ["Conference"]


def test_a_second_round_trip_changes_nothing(user):
    crm.create_contact(user, {"first_name": "Sam", "source": "alumni", "research_notes": "Hi"})
    once = export_vcard(user)
    fresh = create_user("newcomer", "another horse battery staple")
    commit_import(fresh, "vcard", once.encode())
    again = create_user("third", "yet another horse battery staple")
    commit_import(again, "vcard", export_vcard(fresh).encode())

    [sam] = Contact.objects.for_user(again)
    assert (sam.source, sam.research_notes) == ("alumni", "Hi")  # no "Labels: Alumni" added


def test_a_card_from_another_app_is_read_as_before(user):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Chen\r\nN:Chen;Lee;;;\r\n"
        "CATEGORIES:Alumni\r\nNOTE:Met at the reunion\r\nTZ:Europe/Berlin\r\nEND:VCARD\r\n"
    )
    commit_import(user, "vcard", card.encode())

    [lee] = Contact.objects.for_user(user)
    assert lee.source == "alumni"
    assert lee.time_zone == "Europe/Berlin"
    assert "Met at the reunion" in lee.research_notes and "Labels: Alumni" in lee.research_notes

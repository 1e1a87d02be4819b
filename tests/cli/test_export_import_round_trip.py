"""`coffeechat export json` then `coffeechat import json` into another, empty account."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from icalendar import Calendar

from coffeechat.cli import main
from coffeechat.core.models import Contact, Conversation, Organization
from coffeechat.services.contacts import actions as crm


def test_an_export_restores_into_an_empty_account_through_the_cli(user, tmp_path, capsys):
    crm.create_contact(user, {"first_name": "Grace", "last_name": "Hopper", "source": "alumni"})
    path = tmp_path / "coffeechat.json"
    assert main(["export", "json", str(path), "--user", user.username]) == 0
    get_user_model().objects.create_user("bea")
    capsys.readouterr()

    assert main(["import", "json", str(path), "--user", "bea", "--json"]) == 0

    assert json.loads(capsys.readouterr().out)["restored"]["contact"] == 1
    assert Contact.objects.filter(owner__username="bea", last_name="Hopper").exists()


def test_importing_into_an_account_with_data_is_refused_and_changes_nothing(user, tmp_path, capsys):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    path = tmp_path / "coffeechat.json"
    main(["export", "json", str(path), "--user", user.username])

    assert main(["import", "json", str(path), "--user", user.username]) != 0

    assert "already has data" in capsys.readouterr().err
    assert Contact.objects.filter(owner=user).count() == 1


def test_export_ics_writes_the_booked_interviews(user, tmp_path, capsys):
    contact = crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    Conversation.objects.create(
        owner=user,
        contact=contact,
        start_date=date(2026, 12, 1),
        start_time=time(10, 0),
        time_zone="America/Chicago",
    )
    path = tmp_path / "interviews.ics"

    assert main(["export", "ics", str(path), "--user", user.username, "--json"]) == 0

    assert json.loads(capsys.readouterr().out)["events"] == 1
    event = Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(
        2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago")
    )


# Every field a contact has of its own (links to other rows aside), as `import csv` reads them.
CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "linkedin_url",
    "phone",
    "organization__name",
    "title",
    "location",
    "time_zone",
    "source",
    "connection",
    "research_notes",
    "cadence_days",
    "do_not_contact",
)


def _people(owner) -> list[dict]:
    rows = Contact.objects.for_user(owner).values(*CONTACT_FIELDS)
    return sorted(rows, key=lambda row: row["first_name"])


def test_a_csv_export_imports_back_into_another_account_with_every_field(user, tmp_path, run):
    acme = crm.create_organization(user, {"name": "Acme, Inc.", "motivation": 2, "posting": 1})
    crm.create_organization(user, {"name": "8", "motivation": 0, "posting": 1})
    crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "=Ruiz",
            "email": "ana@acme.example",
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "phone": "+1 555 0100",
            "organization": acme.pk,
            "title": "Staff engineer, platform",
            "location": "Chicago, IL",
            "time_zone": "America/Chicago",
            "source": "alumni",
            "connection": 'Same program, class of 2019; "small world"',
            "research_notes": "Wrote about on-call.\nSecond line, ünïcode ☕",
            "cadence_days": 45,
            "do_not_contact": True,
        },
    )
    crm.create_contact(user, {"first_name": "Bo", "source": "event"})
    assert run("export", "csv", str(tmp_path / "out"), "--user", user.username).code == 0
    bea = get_user_model().objects.create_user("bea")

    result = run("import", "csv", str(tmp_path / "out" / "contact.csv"), "--user", "bea")

    assert result.code == 0, result.err
    assert _people(bea) == _people(user)
    assert _people(bea)[0]["organization__name"] == "Acme, Inc."
    # Only the organization a contact works at is created, named as it was.
    names = Organization.objects.filter(owner=bea).values_list("name", flat=True)
    assert list(names) == ["Acme, Inc."]

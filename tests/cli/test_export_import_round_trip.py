"""`coffeechat export json` then `coffeechat import json` into another, empty account."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from icalendar import Calendar

from coffeechat.cli import main
from coffeechat.core.models import Contact, Conversation
from coffeechat.services import crm


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

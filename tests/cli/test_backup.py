"""`coffeechat backup [FILE]` and `coffeechat restore FILE [--yes]`, run in-process.

The backup is read by a connection of its own, so these tests commit their rows
(``transaction=True``) instead of keeping them in the test's open transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from django.db import connection, transaction

from coffeechat.core.models import Contact, Conversation, Note
from coffeechat.services.accounts.signin import create_user
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data import backups
from coffeechat.services.data.exports import export_json
from coffeechat.services.data.restore_json import import_json

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def contacts_in(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT first_name FROM core_contact ORDER BY id")]


def test_a_backup_is_a_complete_copy_of_the_database(run, user, tmp_path):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    target = tmp_path / "copy.sqlite3"

    result = run("backup", str(target))

    assert result.code == 0, result.err
    assert f"Backed up the database to {target}" in result.err
    assert contacts_in(target) == ["Grace"]
    assert backups.check_backup(target).contacts == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []


def test_without_a_file_the_backup_goes_to_the_data_directory(run, user, data_dir):
    first = run("backup", "--json").json()
    second = run("backup", "--json").json()

    assert first["path"] != second["path"]  # two in the same second keep both
    assert {Path(made["path"]).parent for made in (first, second)} == {data_dir / "backups"}


def test_a_backup_taken_during_writes_holds_whole_transactions(user, tmp_path, now):
    started, stop = threading.Event(), threading.Event()

    def write_in_tens() -> None:
        try:
            n = 0
            while not stop.is_set():
                with transaction.atomic():
                    for i in range(10):
                        Contact.objects.create(owner=user, first_name=f"P{n}-{i}")
                n += 1
                started.set()
        finally:
            connection.close()

    writer = threading.Thread(target=write_in_tens)
    writer.start()
    try:
        assert started.wait(10)
        copies = [backups.back_up(tmp_path / f"b{i}.sqlite3", now).path for i in range(5)]
    finally:
        stop.set()
        writer.join()

    counts = [backups.check_backup(copy).contacts for copy in copies]
    assert all(count > 0 and count % 10 == 0 for count in counts), counts


def test_ten_backups_taken_under_write_load_all_restore_and_export_identically(user, tmp_path, now):
    """The issue's failure: an export taken while the app wrote restored 0 of 10 times
    ("conversation.contact may not be null"). Each backup here is restored, exported,
    and that export restored into an empty account exports to the same bytes."""
    started, stop = threading.Event(), threading.Event()

    def write_people() -> None:  # a person, their conversation and a note, atomically
        try:
            n = 0
            while not stop.is_set():
                with transaction.atomic():
                    person = Contact.objects.create(owner=user, first_name=f"P{n}")
                    talk = Conversation.objects.create(owner=user, contact=person, stage="held")
                    Note.objects.create(owner=user, conversation=talk, text=f"Point {n}")
                n += 1
                started.set()
        finally:
            connection.close()

    writer = threading.Thread(target=write_people)
    writer.start()
    try:
        assert started.wait(10)
        copies = [backups.back_up(tmp_path / f"b{i}.sqlite3", now).path for i in range(10)]
    finally:
        stop.set()
        writer.join()

    for i, copy in enumerate(copies):
        people = backups.check_backup(copy).contacts
        backups.restore(copy, now)
        exported = export_json(user)
        tables = json.loads(exported)["tables"]
        assert len(tables["contact"]) == len(tables["conversation"]) == people > 0, copy
        assert len(tables["note"]) == people
        fresh = create_user(f"fresh{i}", "another horse battery staple")
        import_json(fresh, exported)
        assert export_json(fresh) == exported, copy


def test_restore_puts_the_backup_back_and_keeps_the_replaced_data(run, user, tmp_path, data_dir):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    saved = tmp_path / "saved.sqlite3"
    run("backup", str(saved))
    crm.create_contact(user, {"first_name": "Alan", "source": "alumni"})

    result = run("restore", str(saved), "--yes", "--json")

    assert result.code == 0, result.err
    assert list(Contact.objects.values_list("first_name", flat=True)) == ["Grace"]
    previous = result.json()["previous_data"]
    assert previous.startswith(str(data_dir / "backups"))
    assert contacts_in(previous) == ["Grace", "Alan"]


def test_restore_without_yes_asks_and_a_no_changes_nothing(run, user, tmp_path, monkeypatch):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    saved = tmp_path / "saved.sqlite3"
    run("backup", str(saved))
    crm.create_contact(user, {"first_name": "Alan", "source": "alumni"})
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")

    result = run("restore", str(saved))

    assert result.code == 2
    assert "not restored; nothing was changed" in result.err
    assert Contact.objects.count() == 2


def test_restore_without_a_terminal_needs_yes(run, user, tmp_path):
    saved = tmp_path / "saved.sqlite3"
    run("backup", str(saved))

    result = run("restore", str(saved))

    assert result.code == 2
    assert "confirm with --yes" in result.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,email\nAda,a@x.org\n", "not a SQLite database"),
        (None, "not a coffeechat database"),
    ],
    ids=["not sqlite", "another app's database"],
)
def test_a_bad_file_is_refused_with_exit_2_and_changes_nothing(
    run, user, tmp_path, data_dir, content, message
):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})
    bad = tmp_path / "bad.sqlite3"
    if content is None:
        with sqlite3.connect(bad) as db:
            db.execute("CREATE TABLE notes (text TEXT)")
    else:
        bad.write_bytes(content)

    result = run("restore", str(bad), "--yes")

    assert result.code == 2
    assert message in result.err and "nothing was changed" in result.err
    assert list(Contact.objects.values_list("first_name", flat=True)) == ["Grace"]
    assert not (data_dir / "backups").exists()


def test_a_damaged_backup_is_refused(run, user, tmp_path):
    person = {"source": "alumni", "research_notes": "x" * 500}
    for i in range(300):
        crm.create_contact(user, {**person, "first_name": f"P{i}"})
    saved = tmp_path / "saved.sqlite3"
    run("backup", str(saved))
    data = bytearray(saved.read_bytes())
    page = 4096
    data[page * 5 : page * 5 + 200] = b"\xff" * 200  # scribble over a page of the table
    saved.write_bytes(bytes(data))

    result = run("restore", str(saved), "--yes")

    assert result.code == 2
    assert "the database is damaged" in result.err and "nothing was changed" in result.err
    assert Contact.objects.count() == 300


def test_without_pg_dump_the_backup_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(backups.shutil, "which", lambda name: None)
    with pytest.raises(backups.BackupError, match="pg_dump was not found; install"):
        backups.pg_dump({"NAME": "coffeechat"}, tmp_path / "x.dump")


def test_an_automatic_backup_is_taken_once_a_day(run, user, data_dir):
    crm.create_contact(user, {"first_name": "Grace", "source": "alumni"})

    first = run("backup", "--automatic")
    second = run("backup", "--automatic", "--json")

    assert first.code == 0, first.err
    assert "Backed up the database to" in first.err
    taken = list((data_dir / "backups" / "automatic").iterdir())
    assert len(taken) == 1 and contacts_in(taken[0]) == ["Grace"]
    assert second.json()["taken"] is None
    assert second.json()["kept"] == [str(taken[0])]


def test_an_automatic_backup_takes_no_file_name(run, user, tmp_path):
    result = run("backup", "--automatic", str(tmp_path / "x.sqlite3"))

    assert result.code == 2
    assert "leave out FILE" in result.err
    assert not (tmp_path / "x.sqlite3").exists()

"""coffeechat export json|csv|vcard [FILE]: to standard output or a file, whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
import vobject

from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.exports import export_json


@pytest.fixture
def ana(user):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    return crm.create_contact(
        user,
        {"first_name": "Ana", "last_name": "=Ruiz", "source": "alumni", "organization": org.pk},
    )


def test_json_goes_to_standard_output_by_default(run, ana, user):
    result = run("export", "json")
    assert result.code == 0
    assert result.out == export_json(user)


def test_json_to_a_file_says_what_it_wrote(run, ana, user, tmp_path):
    target = tmp_path / "backup.json"
    result = run("export", "json", str(target))
    assert result.code == 0
    assert target.read_text(encoding="utf-8") == export_json(user)
    assert f"Wrote 2 rows to {target}." in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]  # no temporary left


def test_json_summary_with_json_flag(run, ana, tmp_path):
    target = tmp_path / "backup.json"
    result = run("export", "json", str(target), "--json")
    assert result.json()["rows"] == 2
    assert result.json()["path"] == str(target)


def test_json_flag_without_a_file_is_refused(run, ana):
    result = run("export", "json", "--json")
    assert result.code == 2
    assert "--json needs FILE" in result.err


def test_csv_into_a_directory_writes_one_file_per_table(run, ana, tmp_path):
    result = run("export", "csv", str(tmp_path / "out"))
    assert result.code == 0
    contacts = (tmp_path / "out" / "contact.csv").read_text(encoding="utf-8-sig")
    row = next(csv.DictReader(io.StringIO(contacts)))
    assert row["last_name"] == "'=Ruiz"  # neutralised for spreadsheets
    assert (tmp_path / "out" / "organization.csv").exists()
    assert (tmp_path / "out" / "profile.csv").exists()


def test_csv_into_a_zip(run, ana, tmp_path):
    target = tmp_path / "data.zip"
    assert run("export", "csv", str(target)).code == 0
    assert "contact.csv" in zipfile.ZipFile(target).namelist()


def test_csv_onto_an_existing_file_is_refused(run, ana, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    result = run("export", "csv", str(tmp_path / "notes.txt"))
    assert result.code == 2
    assert "is a file" in result.err
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_vcard_to_standard_output_parses_back(run, ana):
    result = run("export", "vcard")
    card = vobject.readOne(result.out)
    assert card.fn.value == "Ana =Ruiz"
    assert card.org.value == ["Acme"]


def test_an_unknown_format_is_a_usage_error(run, ana):
    assert run("export", "xml").code == 2


def test_a_missing_directory_is_refused_with_its_name(run, ana, tmp_path):
    result = run("export", "json", str(tmp_path / "nope" / "x.json"))
    assert result.code == 2
    assert "is not a directory" in result.err


def test_the_export_round_trips_through_the_restore_function(run, ana, user, tmp_path, outsider):
    from coffeechat.services.data.restore_json import import_json

    target = tmp_path / "backup.json"
    assert run("export", "json", str(target), "--user", "ada").code == 0
    import_json(outsider, target.read_bytes())
    assert export_json(outsider) == target.read_text(encoding="utf-8")
    assert json.loads(target.read_text())["tables"]["contact"][0]["first_name"] == "Ana"

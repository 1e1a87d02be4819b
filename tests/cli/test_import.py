"""`coffeechat import`: the per-row report, --dry-run, --json, --map and the exit codes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from coffeechat.core.models import Contact, ImportBatch

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"
pytestmark = pytest.mark.django_db


def test_it_imports_a_linkedin_file_and_reports_every_row(run):
    result = run("import", "linkedin", str(SAMPLES / "linkedin_connections.csv"))
    assert result.code == 0, result.err
    assert "line      5  new        Priya Raman (Acme, Inc.)" in result.out
    assert "Imported: 4 new, 0 updated, 0 skipped as duplicates" in result.out
    assert Contact.objects.count() == 4
    assert ImportBatch.objects.get().filename == "linkedin_connections.csv"


def test_a_dry_run_reports_and_writes_nothing(run):
    result = run("import", "google", str(SAMPLES / "google_contacts.csv"), "--dry-run")
    assert result.code == 0, result.err
    assert "Would import: 3 new" in result.out and "Nothing was written" in result.out
    assert not Contact.objects.exists()


def test_json_output_lists_rows_with_their_class(run):
    result = run("import", "vcard", str(SAMPLES / "contacts.vcf"), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["created"] == 3 and report["dry_run"] is False
    assert [row["class"] for row in report["rows"]] == ["new", "new", "new"]
    assert report["rows"][1]["organization"] == "Acme, Inc."


def test_a_second_run_is_all_duplicates(run):
    path = str(SAMPLES / "linkedin_connections.csv")
    run("import", "linkedin", path)
    result = run("import", "linkedin", path, "--json")
    assert result.json()["skipped"] == 4
    assert Contact.objects.count() == 4


def test_map_chooses_the_columns_and_restores_neutralised_cells(run):
    result = run(
        "import", "csv", str(SAMPLES / "generic.csv"),
        "--map", "first_name=Given", "--map", "last_name=Family", "--map", "email=Mail",
        "--map", "organization=Employer", "--map", "notes=Comments",
    )  # fmt: skip
    assert result.code == 0, result.err
    ada = Contact.objects.get(first_name="Ada")
    assert ada.last_name == "Lovelace"
    assert ada.research_notes == "=Met at the Royal Society"
    assert ada.organization.name == Contact.objects.get(first_name="Charles").organization.name


def test_a_map_naming_a_missing_column_is_refused_with_the_columns(run):
    result = run("import", "csv", str(SAMPLES / "generic.csv"), "--map", "email=Courriel")
    assert result.code == 2
    assert "'Courriel', which is not in the header" in result.err
    assert "'Given'" in result.err
    assert not Contact.objects.exists()


def test_a_bad_map_option_is_refused_before_reading_the_database(run):
    result = run("import", "csv", str(SAMPLES / "generic.csv"), "--map", "shoe=Size")
    assert result.code == 2
    assert "'shoe' is not a field" in result.err


def test_a_refused_file_exits_2_naming_the_line(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b'First Name,Last Name\nAda,"Love\n')
    result = run("import", "linkedin", str(bad))
    assert result.code == 2
    assert "line 2: a quoted cell starting on this line is never closed" in result.err
    assert "nothing was imported" in result.err


def test_a_missing_file_exits_2(run, tmp_path):
    result = run("import", "vcard", str(tmp_path / "nope.vcf"))
    assert (result.code, result.err.strip()) == (
        2,
        f"coffeechat import: {tmp_path / 'nope.vcf'}: no such file",
    )


def test_rows_with_problems_exit_3_and_the_rest_imports(run, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("First Name,Last Name,Email Address\nAda,L,ada@x.org\nBo,K,not-mail\n")
    result = run("import", "linkedin", str(path))
    assert result.code == 3
    assert "line      3  PROBLEM" in result.out
    assert "email 'not-mail' is not an email address" in result.out
    assert list(Contact.objects.values_list("first_name", flat=True)) == ["Ada"]


def test_help_lists_every_kind(run):
    result = run("import", "--help")
    assert result.code == 0
    for kind in ("linkedin", "google", "vcard", "csv"):
        assert kind in result.out


def test_every_import_kind_and_exit_code_is_in_the_cli_doc():
    from coffeechat.services.data.import_kinds import KINDS

    text = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    # The hand-written section (not the generated reference) explains each kind.
    section = text.split("## Importing", 1)[1].split("\n## ", 1)[0]
    row = "| [`coffeechat import {0}`](#coffeechat-import-{0}) |"
    missing = [kind for kind in KINDS if row.format(kind) not in section]
    assert missing == []
    for code in ("**0**", "**1**", "**2**", "**3**"):
        assert code in section


def test_the_progress_bar_draws_on_a_terminal_and_stays_silent_otherwise(capsys):
    from coffeechat.cli.imports import ProgressBar

    bar = ProgressBar(enabled=True, width=10)
    bar.update(250, 1000)
    bar.update(1000, 1000)
    bar.finish()
    assert capsys.readouterr().err == (
        "\rWriting  [##........] 250/1,000\rWriting  [##########] 1,000/1,000\n"
    )
    quiet = ProgressBar(enabled=False)
    quiet.update(1, 2)
    quiet.finish()
    assert capsys.readouterr().err == ""


def test_possible_duplicates_nobody_chose_for_are_named_with_how_to_decide(run, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "John,Smith,,john@acme.example,Acme,Engineer,12 Mar 2024\n"
        "Jon,Smith,,jon@acme.example,Acme,Designer,12 Mar 2024\n"
        "John,Smith,,john@globex.example,Globex,Engineer,12 Mar 2024\n",
        encoding="utf-8",
    )

    result = run("import", "linkedin", str(path))

    assert result.code == 0, result.err
    assert "as you chose" not in result.out
    assert "skipped until you choose to import or merge it" in result.out
    assert "Imported: 2 new, 0 updated, 1 skipped as duplicates" in result.out
    assert "1 possible duplicate left out: run again with --duplicates new" in result.out
    assert Contact.objects.filter(first_name="John", last_name="Smith").count() == 2


def test_the_import_kinds_and_their_help_are_the_services_own():
    from coffeechat.cli import build_parser
    from coffeechat.services.data.import_kinds import KINDS

    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    [kinds] = [
        a for a in commands.choices["import"]._actions if isinstance(a, argparse._SubParsersAction)
    ]
    contact_kinds = {name for name in kinds.choices if name not in ("json", "messages")}
    assert contact_kinds == set(KINDS)
    for name, kind in KINDS.items():
        assert kinds.choices[name].description == kind.help
        has_map = any("--map" in a.option_strings for a in kinds.choices[name]._actions)
        assert has_map is kind.takes_mapping


def test_the_map_help_names_every_field_the_csv_importer_fills(run):
    from coffeechat.services.data.import_mapping import FIELD_LABELS

    result = run("import", "csv", "--help")
    assert result.code == 0
    shown = " ".join(result.out.split())
    assert f"(fields: {', '.join(FIELD_LABELS)})" in shown

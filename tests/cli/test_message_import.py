"""The ``import messages`` handler, run in-process as ``coffeechat`` would run it."""

import argparse
import json

import pytest

from coffeechat.cli.common import CliError
from coffeechat.cli.message_import import import_messages
from coffeechat.core.models import Message
from coffeechat.services.contacts import actions as crm
from coffeechat.services.errors import InvalidInput

CSV = (
    "FROM,TO,DATE,CONTENT\n"
    "Ada Student,Ana Ruiz,2026-11-02 15:00:00 UTC,Hi Ana\n"
    "Ana Ruiz,Ada Student,2026-11-04 15:00:00 UTC,Sure!\n"
    "Ada Student,Zed,2026-11-05 15:00:00 UTC,Hi Zed\n"
    "Ada Student,Ana Ruiz,when?,x\n"
)


def _args(path, dry_run=False, as_json=True):
    return argparse.Namespace(file=str(path), dry_run=dry_run, json=as_json, user=None)


@pytest.fixture
def export(tmp_path, user):
    crm.create_contact(user, {"first_name": "Ana", "last_name": "Ruiz", "source": "linkedin"})
    path = tmp_path / "messages.csv"
    path.write_text(CSV)
    return path


def test_a_dry_run_reports_and_changes_nothing(export, capsys):
    assert import_messages(_args(export, dry_run=True)) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert (summary["to_log"], summary["not_contacts"], summary["batch_id"]) == (2, 1, None)
    assert summary["problems"] == ["line 5, DATE: 'when?' is not a date"]
    assert "line 5" in err
    assert Message.objects.count() == 0


def test_an_import_logs_the_messages_as_a_batch(export, capsys):
    assert import_messages(_args(export, as_json=False)) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("Logged 2 of 3 messages from messages.csv; 1 with people not in")
    assert Message.objects.filter(import_batch__isnull=False).count() == 2


def test_a_missing_file_and_a_wrong_file_are_refused(tmp_path, user):
    with pytest.raises(CliError, match="No such file"):
        import_messages(_args(tmp_path / "nope.csv"))
    wrong = tmp_path / "Connections.csv"
    wrong.write_text("First Name,Last Name\nAna,Ruiz\n")
    with pytest.raises(InvalidInput, match="no header with FROM, TO and DATE"):
        import_messages(_args(wrong))


def test_the_import_command_group_runs_it_as_import_messages(export, capsys):
    from coffeechat.cli import main

    assert main(["import", "messages", str(export), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["to_log"] == 2
    assert Message.objects.count() == 0

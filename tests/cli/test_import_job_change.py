"""`coffeechat import` with a known person who moved."""

from __future__ import annotations

from tests.services.test_job_change import _file, ana  # noqa: F401


def test_the_cli_writes_the_job_change_and_says_so_unless_told_to_keep_jobs(
    run,
    user,
    ana,  # noqa: F811
    tmp_path,
):
    moved = tmp_path / "Connections.csv"
    moved.write_bytes(_file("Globex", "Senior Data Analyst"))

    kept = run("import", "linkedin", str(moved), "--keep-jobs")
    ana.refresh_from_db()
    assert kept.code == 0 and ana.organization.name == "Acme"

    written = run("import", "linkedin", str(moved))
    ana.refresh_from_db()
    assert written.code == 0, written.err
    assert "changed jobs: now Senior Data Analyst at Globex (was Data Analyst at Acme)" in (
        written.out
    )
    assert "1 job change (a new organization) were written" in written.out
    assert ana.organization.name == "Globex"

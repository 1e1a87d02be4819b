"""``coffeechat brief``: the same brief as the web page, on the terminal."""

from __future__ import annotations

from coffeechat.services.prep import plans
from tests.prep_fixtures import bank_question, booked_interview


def test_the_brief_prints_as_markdown(run, user, now):
    conv = booked_interview(user, now)
    plans.add_question(user, conv.pk, bank_question(user, "day-last-week").pk)
    result = run("brief", str(conv.pk))
    assert result.code == 0, result.err
    assert result.out.startswith("# Brief: Ana Ruiz\n")
    assert "- Their time: Wednesday 4 November 2026, 16:00 (Europe/Berlin)" in result.out


def test_json_gives_the_plan_and_what_is_missing(run, user, now):
    conv = booked_interview(user, now, research="")
    data = run("brief", str(conv.pk), "--json").json()
    assert data["missing"][:2] == ["no research", "no question plan"]
    assert data["plan"]["budget"] == 25 and data["plan"]["lines"] == []


def test_a_bad_or_unknown_id_is_bad_input(run, user):
    assert run("brief", "abc").code == 2
    missing = run("brief", "999999")
    assert missing.code == 2 and "999999" in missing.err

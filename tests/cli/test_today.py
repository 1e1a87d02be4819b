"""coffeechat today: the same list as the web page, as text or JSON, at any date."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.today.due_list import update_rule_settings

NY = ZoneInfo("America/New_York")
# Requested Mon 2 Nov 2026: seven business days later, skipping Veterans Day (Wed 11 Nov),
# the follow-up is due Thu 12 Nov.
REQUESTED = datetime(2026, 11, 2, 10, 0, tzinfo=NY)
FOLLOW_UP_DUE = "2026-11-12"


@pytest.fixture
def requested(user):
    """Ana, at an organization with nobody else, asked on Mon 2 Nov and silent since."""
    org = crm.create_organization(user, {"name": "Acme Health", "motivation": 2, "posting": 1})
    ana = crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "organization": org.pk,
            "research_notes": "Leads the patient-portal research.",
        },
    )
    conversation = conversations.start_conversation(user, {"contact": ana.pk})
    conversations.record_event(user, conversation.pk, {"type": "request_sent"}, REQUESTED)
    return conversation


def _follow_ups(result):
    return [a for a in result.json()["actions"] if a["kind"] == "follow_up"]


def test_json_lists_the_actions_with_their_reasons(run, requested):
    result = run("today", "--as-of", FOLLOW_UP_DUE, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["as_of"] == FOLLOW_UP_DUE
    (action,) = _follow_ups(result)
    assert action["title"] == "Follow up with Ana Ruiz"
    assert action["due"] == FOLLOW_UP_DUE
    assert action["bucket"] == "today"
    assert action["overdue"] is False
    assert action["reason"].startswith("Follow-up rule:")
    assert action["conversation_id"] == requested.pk
    assert action["url"].startswith("/conversations/")


def test_a_follow_up_is_due_on_its_date_not_the_day_before(run, requested):
    on_the_day = _follow_ups(run("today", "--as-of", FOLLOW_UP_DUE, "--json"))
    day_before = _follow_ups(run("today", "--as-of", "2026-11-11", "--json"))
    day_after = _follow_ups(run("today", "--as-of", "2026-11-13", "--json"))
    assert [a["bucket"] for a in on_the_day] == ["today"]
    assert [a["bucket"] for a in day_before] == ["upcoming"]
    assert [(a["bucket"], a["overdue"]) for a in day_after] == [("overdue", True)]


def test_with_no_look_ahead_the_day_before_shows_nothing(run, user, requested):
    update_rule_settings(user, {"upcoming_days": "0"})
    assert _follow_ups(run("today", "--as-of", "2026-11-11", "--json")) == []
    assert len(_follow_ups(run("today", "--as-of", FOLLOW_UP_DUE, "--json"))) == 1


def test_text_groups_overdue_today_and_upcoming_with_the_reason_below(run, requested):
    result = run("today", "--as-of", "2026-11-13")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Today for Ada Student: Fri 13 Nov 2026"
    assert "Overdue (1)" in lines
    title = lines.index(f"  {FOLLOW_UP_DUE:<16}  Follow up with Ana Ruiz")
    reason = lines[title + 1]
    assert reason.startswith(" " * 20 + "Follow-up rule: no reply 7 business days")
    assert lines.index("Overdue (1)") < title


def test_an_empty_list_says_so(run, user):
    result = run("today", "--as-of", "2026-11-03")
    assert result.code == 0
    assert "Nothing is due" in result.out


def test_an_empty_list_as_json(run, user):
    assert run("today", "--as-of", "2026-11-03", "--json").json() == {
        "as_of": "2026-11-03",
        "counts": {"overdue": 0, "today": 0, "upcoming": 0},
        "total": 0,
        "offset": 0,
        "actions": [],
    }


@pytest.fixture
def thirty_overdue(user):
    """30 people chosen for outreach today, none researched: 30 research steps due today."""
    from coffeechat.services.today import due_index

    with due_index.batch():
        for i in range(30):
            person = crm.create_contact(
                user, {"first_name": f"P{i:02d}", "last_name": "Q", "source": "alumni"}
            )
            conversations.start_conversation(user, {"contact": person.pk})


def test_a_long_bucket_shows_25_and_says_how_to_see_the_rest(run, thirty_overdue):
    text = run("today").out
    assert "Today (25 of 30)" in text
    assert text.count("key: ") == 25
    assert "… 5 more: coffeechat today --bucket today --offset 25 (or --all)" in text
    rest = run("today", "--bucket", "today", "--offset", "25").out
    assert rest.count("key: ") == 5 and "more:" not in rest
    assert run("today", "--all").out.count("key: ") == 30


def test_json_pages_like_the_api(run, thirty_overdue):
    data = run("today", "--json", "--limit", "10", "--offset", "25").json()
    assert (data["total"], data["offset"], len(data["actions"])) == (30, 25, 5)
    assert data["counts"]["today"] == 30


@pytest.mark.parametrize(("option", "value"), [("--limit", "0"), ("--offset", "-1")])
def test_a_bad_page_is_refused(run, option, value):
    result = run("today", option, value)
    assert result.code == 2
    assert option in result.err


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "tomorrow", "20261101", ""])
def test_a_bad_date_is_refused_with_what_was_wrong(run, bad):
    # No database is touched: the date is checked before Django starts.
    result = run("today", "--as-of", bad)
    assert result.code == 2
    assert f"--as-of: {bad!r} is not a date (YYYY-MM-DD)" in result.err
    assert result.out == ""


def test_the_user_is_chosen_by_name(run, user, outsider, requested):
    result = run("today", "--user", "ada", "--as-of", FOLLOW_UP_DUE, "--json")
    assert result.code == 0
    assert len(_follow_ups(result)) == 1
    other = run("today", "--user", "mallory", "--as-of", FOLLOW_UP_DUE, "--json")
    assert other.json()["actions"] == []


def test_several_accounts_and_no_user_is_refused(run, user, outsider):
    result = run("today")
    assert result.code == 2
    assert "choose one with --user NAME" in result.err
    assert "ada" in result.err and "mallory" in result.err


def test_an_unknown_user_is_refused(run, user):
    result = run("today", "--user", "nobody")
    assert result.code == 2
    assert "no account named 'nobody'" in result.err


def test_a_personal_install_gets_its_user(run, db):
    from django.contrib.auth import get_user_model

    result = run("today", "--json")
    assert result.code == 0
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["me"]

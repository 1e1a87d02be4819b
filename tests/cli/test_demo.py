"""coffeechat demo: the sample campaign makes every rule of the Today list speak."""

from __future__ import annotations

import re

from coffeechat.core.models import Contact
from coffeechat.sample.campaign import PEOPLE
from tests.services.test_demo import SAMPLE_KINDS

HAND_WRITTEN = len(PEOPLE)


def test_demo_then_today_shows_every_kind_of_action(run, user):
    loaded = run("demo", "--json")
    assert loaded.code == 0, loaded.err
    assert loaded.json()["user"] == "ada"

    result = run("today", "--json", "--all")
    assert result.code == 0, result.err
    kinds = {action["kind"] for action in result.json()["actions"]}
    assert kinds == {kind.value for kind in SAMPLE_KINDS}


def test_demo_prints_what_it_created(run, user):
    result = run("demo", "--contacts", "5")
    assert result.code == 0, result.err
    assert "Loaded the sample campaign into the account 'ada'" in result.out
    assert re.search(rf"^\s+contacts\s+{HAND_WRITTEN + 5}$", result.out, re.MULTILINE)
    assert re.search(r"^\s+of them generated\s+5$", result.out, re.MULTILINE)
    assert "coffeechat today" in result.out


def test_today_text_after_the_demo_has_all_three_buckets_in_order(run, user):
    run("demo", "--contacts", "0")
    lines = run("today").out.splitlines()
    headings = [line.split(" (")[0] for line in lines if line and not line.startswith(" ")]
    assert headings[1:] == ["Overdue", "Today", "Upcoming"]


def test_demo_with_2000_contacts_adds_that_many_and_today_still_works(run, user):
    loaded = run("demo", "--contacts", "2000", "--json")
    assert loaded.code == 0, loaded.err
    summary = loaded.json()
    assert summary["generated_contacts"] == 2000
    assert Contact.objects.for_user(user).count() == HAND_WRITTEN + 2000 == summary["contacts"]

    result = run("today", "--json", "--all")
    assert result.code == 0, result.err
    kinds = {action["kind"] for action in result.json()["actions"]}
    assert kinds == {kind.value for kind in SAMPLE_KINDS}


def test_demo_refuses_an_account_that_has_contacts(run, user):
    assert run("demo", "--contacts", "0").code == 0
    again = run("demo")
    assert again.code == 2
    assert "already has" in again.err and "contacts" in again.err
    assert Contact.objects.for_user(user).count() == HAND_WRITTEN


def test_demo_refuses_a_negative_count(run, user):
    result = run("demo", "--contacts", "-3")
    assert result.code == 2
    assert "--contacts" in result.err
    assert not Contact.objects.for_user(user).exists()


def test_demo_for_a_named_user_leaves_the_other_alone(run, user, outsider):
    assert run("demo", "--user", "mallory", "--contacts", "0").code == 0
    assert Contact.objects.for_user(outsider).count() == HAND_WRITTEN
    assert not Contact.objects.for_user(user).exists()

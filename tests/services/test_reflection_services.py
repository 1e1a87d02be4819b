"""Reflection services: history from a hand-filled profile, constant query counts."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.core.models import Note, ProfileRevision
from coffeechat.services.reflection.self_reflection import (
    guide_answers,
    profile_history,
    save_guide,
)
from tests.reflection_data import campaign, held_interview


def test_the_first_guide_use_keeps_the_hand_filled_profile_as_the_start_of_history(user):
    profile = user.profile
    profile.values = [{"name": "Pay", "weight": 5}]
    profile.save()  # written before any history existed
    assert guide_answers(user).ranked_values == "Pay"
    save_guide(user, {"ranked_values": "Autonomy\nPay"})
    history = profile_history(user)
    assert [entry.revision.source for entry in history] == ["guide", "profile"]
    assert [c.describe() for c in history[0].changes] == ["added Autonomy (5)", "Pay 5 → 4"]
    assert guide_answers(user).ranked_values == "Autonomy\nPay"


def test_saving_the_same_answers_twice_adds_no_revision(user):
    save_guide(user, {"energisers": "Writing"})
    assert save_guide(user, {"energisers": "Writing"}) is None
    assert ProfileRevision.objects.filter(owner=user).count() == 1


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_reflection_page_costs_the_same_queries_for_few_and_many_notes(signed_in, user, now):
    data = campaign(user, now)
    url = reverse("web:path_reflection", args=[data.paths["ux"].pk])
    few = _queries(signed_in, url)
    for i in range(5):
        held_interview(
            user, data.paths["ux"], f"P{i}", now - timedelta(days=1), [("n", ["pace", "pay"])]
        )
    assert Note.objects.filter(owner=user).count() == 8
    assert _queries(signed_in, url) == few


def test_the_action_items_page_costs_the_same_queries_for_few_and_many_items(signed_in, user, now):
    from coffeechat.services.conversations.action_items import create_action_item

    data = campaign(user, now)
    url = reverse("web:action_items")
    create_action_item(
        user, {"text": "R", "kind": "skill", "conversation": data.conversations[0].pk}
    )
    few = _queries(signed_in, url)
    for i, conversation in enumerate(data.conversations):
        create_action_item(
            user, {"text": f"S{i}", "kind": "skill", "conversation": conversation.pk}
        )
    assert _queries(signed_in, url) == few


def test_the_sample_campaign_rates_its_paths_citing_real_notes(user, now):
    from coffeechat.sample.demo import load_demo
    from coffeechat.services.reflection.paths import compare_paths, reflect_on_path

    load_demo(user, now, contacts=0)
    columns = {c.path.title: c for c in compare_paths(user).columns}
    assert columns["UX research"].fit.score is not None
    ux = reflect_on_path(user, columns["UX research"].path.pk)
    cited = [view for view in ux.rows if view.evidence]
    assert len(cited) == 5
    assert all(note.owner_id == user.pk for view in cited for note in view.evidence)

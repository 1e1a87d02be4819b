"""The plan editor, the brief and interview mode read a fixed number of queries,
however long the plan is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.core.models import Question
from coffeechat.services.conversations.interview import save_note
from coffeechat.services.prep import plans
from tests.prep_fixtures import booked_interview

PAGES = ("web:conversation", "web:brief", "web:interview", "web:brief_download")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _plan(user, conv, picks: int, now) -> None:
    questions = Question.objects.filter(owner=user, role="").order_by("id")
    for question in questions[:picks]:
        plans.add_question(user, conv.pk, question.pk)
        save_note(user, conv.pk, question.pk, f"note on {question.pk}", now)


@pytest.mark.parametrize("name", PAGES)
def test_queries_do_not_grow_with_the_plan(signed_in, user, now, name):
    small = booked_interview(user, now)
    large = booked_interview(user, now)
    _plan(user, small, 3, now)
    _plan(user, large, 12, now)
    signed_in.get(reverse(name, args=[small.pk]))  # warm the session and the bank
    assert _count(signed_in, reverse(name, args=[small.pk])) == _count(
        signed_in, reverse(name, args=[large.pk])
    )

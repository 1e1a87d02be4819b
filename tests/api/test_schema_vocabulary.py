"""The API's choices are the domain's vocabularies, not lists of its own."""

from __future__ import annotations

import pytest

from coffeechat.domain.outreach.model import Severity
from coffeechat.domain.questions import Role
from coffeechat.domain.stages import Event
from coffeechat.domain.types import Medium, Sentiment
from coffeechat.domain.vocabulary import Channel, Direction, MessageKind


@pytest.fixture(scope="module")
def components():
    from coffeechat.api.app import api

    return api.get_openapi_schema()["components"]["schemas"]


@pytest.mark.parametrize(
    "vocabulary", [Event, Sentiment, Medium, Channel, MessageKind, Direction, Role, Severity]
)
def test_each_vocabulary_is_one_schema_with_every_value(components, vocabulary):
    assert components[vocabulary.__name__]["enum"] == [member.value for member in vocabulary]

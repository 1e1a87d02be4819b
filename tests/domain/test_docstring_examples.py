"""The worked examples in the domain's docstrings are run, so they cannot drift."""

import doctest
from types import ModuleType

import pytest

from coffeechat.domain import (
    businessdays,
    dates,
    followup,
    followup_context,
    followup_interviews,
    followup_network,
    followup_outreach,
    nurture,
    reminders,
    scheduling,
    stages,
    throttle,
    types,
)

MODULES = [
    businessdays,
    dates,
    followup,
    followup_context,
    followup_interviews,
    followup_network,
    followup_outreach,
    nurture,
    reminders,
    scheduling,
    stages,
    throttle,
    types,
]


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_the_docstring_examples_hold(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0

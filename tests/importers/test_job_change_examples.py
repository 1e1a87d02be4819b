"""The job-change rule's worked examples are run, so they cannot drift."""

import doctest

from coffeechat.importers import job_change


def test_the_docstring_examples_hold() -> None:
    result = doctest.testmod(job_change)
    assert result.attempted >= 3 and result.failed == 0

"""The throttling rule at its boundaries: given failures, ``now`` and a limit."""

from datetime import UTC, datetime, timedelta

from coffeechat.domain.throttle import Limit, longest_wait, retry_after

T = datetime(2026, 11, 3, 14, 0, tzinfo=UTC)
FIVE = Limit(5, timedelta(minutes=15))


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def test_no_failures_allow():
    assert retry_after([], T, FIVE) is None


def test_after_four_failures_the_fifth_try_is_allowed_and_after_five_the_sixth_is_not():
    failures = [T + minutes(i) for i in range(5)]
    assert retry_after(failures[:4], T + minutes(4), FIVE) is None
    # The sixth try, a minute after the fifth failure: the first leaves at T + 15.
    assert retry_after(failures, T + minutes(5), FIVE) == 10 * 60


def test_allowed_again_exactly_when_the_oldest_failure_leaves_the_window():
    failures = [T] * 5
    assert retry_after(failures, T + minutes(15) - timedelta(seconds=1), FIVE) == 1
    assert retry_after(failures, T + minutes(15), FIVE) is None


def test_the_wait_is_rounded_up_to_a_whole_second_and_never_zero():
    assert retry_after([T] * 5, T + timedelta(seconds=899.2), FIVE) == 1
    assert retry_after([T] * 5, T + timedelta(seconds=0.5), FIVE) == 900


def test_failures_older_than_the_window_do_not_count():
    old = [T - minutes(20)] * 10
    assert retry_after([*old, T, T], T, FIVE) is None


def test_with_more_failures_than_the_limit_the_wait_ends_when_the_count_drops_under_it():
    # Seven in the window: two must leave before the count is under five again.
    failures = [T + minutes(i) for i in range(7)]
    assert retry_after(failures, T + minutes(7), FIVE) == (2 + 15 - 7) * 60


def test_a_failure_after_the_window_passed_counts_again():
    failures = [T] * 4 + [T + minutes(15)]  # the window rolled: five, but one is fresh
    assert retry_after(failures, T + minutes(15), FIVE) is None
    assert retry_after([T + minutes(1)] * 4 + [T + minutes(15)], T + minutes(15), FIVE) == 60


def test_the_longest_of_several_limits_wins():
    assert longest_wait([retry_after([T] * 5, T, FIVE), None, 30]) == 900
    assert longest_wait([None, None]) is None

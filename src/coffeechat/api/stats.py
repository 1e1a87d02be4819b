"""GET /stats: the figures behind every chart of the statistics page."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema

from coffeechat.api.common import READ_ERRORS, now
from coffeechat.domain.stats import RateRow, Stats
from coffeechat.services.reflection.stats import stats_for

router = Router(tags=["statistics"])


class FunnelStepOut(Schema):
    key: str = Field(description="identified, requested, replied, held, thanked, referred")
    label: str
    count: int = Field(description="People (not conversations) who reached the step.")
    share: float | None = Field(description="Of the people identified, 0-1; null with none.")


class RateOut(Schema):
    key: str
    label: str
    requested: int
    replied: int
    waiting: int = Field(description="Sent too recently to count, still unanswered.")
    counted: int = Field(description="requested - waiting: the rate's denominator.")
    rate: float | None = Field(description="replied / counted, 0-1; null when nothing counts.")
    quick: int = Field(description="Replies within the quick-reply business days.")
    slow: int


class WeekOut(Schema):
    start: date = Field(description="The Monday of the week, in your time zone.")
    messages_sent: int
    interviews_held: int


class PathTimeOut(Schema):
    career_path: str
    conversations: int
    minutes: int


class NodeOut(Schema):
    contact_id: int
    name: str
    depth: int
    row: float
    held: bool


class EdgeOut(Schema):
    from_contact_id: int
    to_contact_id: int
    primary: bool = Field(description="False for a second introducer of the same person.")


class ReferralTreeOut(Schema):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class StatsOut(Schema):
    as_of: date
    funnel: list[FunnelStepOut]
    response_rate_by_source: list[RateOut]
    response_rate_by_channel: list[RateOut]
    typical_rate: tuple[float, float] = Field(description="The 20-40 % band drawn on the charts.")
    median_business_days_to_reply: float | None
    replies_counted: int
    weekly_activity: list[WeekOut] = Field(description="The last 12 weeks, oldest first.")
    time_by_career_path: list[PathTimeOut]
    total_minutes: int
    referral_tree: ReferralTreeOut


@router.get("", response={200: StatsOut, **READ_ERRORS}, summary="Campaign statistics")
def stats(request: HttpRequest):
    """The same figures the statistics page draws, counted in your time zone up to now."""
    return as_json(stats_for(request.auth, now()))


def _rate(row: RateRow) -> dict[str, object]:
    return {
        "key": row.key,
        "label": row.label,
        "requested": row.requested,
        "replied": row.replied,
        "waiting": row.waiting,
        "counted": row.counted,
        "rate": row.rate,
        "quick": row.quick,
        "slow": row.slow,
    }


def as_json(figures: Stats) -> dict[str, object]:
    tree = figures.referrals
    return {
        "as_of": figures.today,
        "funnel": [vars(step) for step in figures.funnel],
        "response_rate_by_source": [_rate(row) for row in figures.by_source],
        "response_rate_by_channel": [_rate(row) for row in figures.by_channel],
        "typical_rate": figures.typical_rate,
        "median_business_days_to_reply": figures.median_reply_days,
        "replies_counted": figures.replies_counted,
        "weekly_activity": [vars(week) for week in figures.weekly],
        "time_by_career_path": [
            {"career_path": r.label, "conversations": r.conversations, "minutes": r.minutes}
            for r in figures.time_by_path
        ],
        "total_minutes": figures.total_minutes,
        "referral_tree": {
            "nodes": [
                {"contact_id": n.id, "name": n.name, "depth": n.depth, "row": n.row, "held": n.held}
                for n in tree.nodes
            ],
            "edges": [
                {"from_contact_id": e.from_id, "to_contact_id": e.to_id, "primary": e.primary}
                for e in tree.edges
            ],
        },
    }

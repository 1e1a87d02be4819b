"""Statistics: the campaign's figures as server-side SVG charts, each with its table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.domain.stats import RateRow
from coffeechat.services.reflection.stats import stats_for
from coffeechat.web import charts
from coffeechat.web.views.common import now


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    stats = stats_for(request.user, now())
    band = stats.typical_rate
    active_weeks = any(w.messages_sent or w.interviews_held for w in stats.weekly)
    context = {
        "section": "web:statistics",
        "stats": stats,
        "funnel": charts.funnel_chart(stats.funnel) if stats.funnel[0].count else None,
        "by_source": _rates("chart-source", "Reply rate by source", stats.by_source, band),
        "by_channel": _rates("chart-channel", "Reply rate by channel", stats.by_channel, band),
        "weekly": charts.weekly_chart(stats.weekly) if active_weeks else None,
        "time": charts.time_chart(stats.time_by_path) if stats.time_by_path else None,
        "referrals": charts.referral_chart(stats.referrals) if stats.referrals.nodes else None,
        "total_time": charts.duration(stats.total_minutes),
        "band": f"{charts.percent(band[0])}–{charts.percent(band[1])}",
    }
    return render(request, "web/reflection/statistics.html", context)


def _rates(
    chart_id: str, title: str, rows: tuple[RateRow, ...], band: tuple[float, float]
) -> charts.Chart | None:
    return charts.rate_chart(chart_id, title, rows, band) if rows else None

"""Server-side SVG charts for the statistics page: no JavaScript, every label escaped.

Each function returns a ``Chart``: the SVG markup (with ``<title>`` and
``<desc>`` for screen readers, ``role="img"``) and nothing else; the page
shows the same figures as a table next to it. Colours come from classes in
app.css, and every series also differs by pattern or carries a text label, so
no figure is told by colour alone. Coordinates are in a 400-unit-wide view
box, which keeps the 13-unit text readable when scaled down to a phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from coffeechat.domain.dates import MONTHS
from coffeechat.domain.stats import FunnelStep, PathTime, RateRow, WeekActivity
from coffeechat.domain.stats_referrals import ReferralTree

WIDTH = 400
BAR = 18
ROW = 44  # label line above the bar, then the bar
PATTERNS = (
    '<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" class="chart-hatch-bg"/>'
    '<line x1="0" y1="0" x2="0" y2="6" class="chart-hatch-line"/></pattern></defs>'
)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: SafeString


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _svg(chart_id: str, title: str, desc: str, height: float, body: list[str]) -> Chart:
    """Wrap the shapes; title and description are escaped like every label."""
    markup = (
        f'<svg class="chart" id="{_attr(chart_id)}" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-labelledby="{_attr(chart_id)}-title {_attr(chart_id)}-desc" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{_attr(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{_attr(chart_id)}-desc">{escape(desc)}</desc>'
        + PATTERNS.format(id=_attr(chart_id))
        + "".join(body)
        + "</svg>"
    )
    # Every piece above was escaped where it holds text.
    return Chart(chart_id, title, mark_safe(markup))  # noqa: S308


def _text(x: float, y: float, content: str, cls: str = "chart-label", anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" text-anchor="{anchor}">'
        f"{escape(content)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, cls: str, chart_id: str = "") -> str:
    fill = f' fill="url(#{_attr(chart_id)}-hatch)"' if cls.endswith("hatched") else ""
    size = f'width="{max(w, 0):.1f}" height="{h:.1f}"'
    return f'<rect x="{x:.1f}" y="{y:.1f}" {size} class="{cls}"{fill}/>'


def percent(share: float | None) -> str:
    """A share as people read it; None is a dash, not zero.

    >>> percent(0.256), percent(None)
    ('26 %', '—')
    """
    return "—" if share is None else f"{round(share * 100):d} %"


def duration(minutes: int) -> str:
    """Minutes as hours and minutes.

    >>> duration(150), duration(45), duration(120)
    ('2 h 30 min', '45 min', '2 h')
    """
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def _bars(chart_id: str, rows: Sequence[tuple[str, float, str]], scale_max: float) -> list[str]:
    """Horizontal bars with the label above and the value at the bar's end."""
    body: list[str] = []
    usable = WIDTH - 110
    for i, (name, value, shown) in enumerate(rows):
        top = i * ROW
        width = usable * value / scale_max if scale_max else 0
        body.append(_text(0, top + 14, name))
        body.append(_rect(0, top + 20, WIDTH - 110, BAR, "chart-track"))
        body.append(_rect(0, top + 20, width, BAR, "chart-bar"))
        body.append(_text(width + 6, top + 34, shown, "chart-value"))
    return body


def funnel_chart(steps: Sequence[FunnelStep]) -> Chart:
    top = max((step.count for step in steps), default=0)
    rows = [
        (
            step.label,
            step.count,
            f"{step.count} ({percent(step.share)})"
            if step.share is not None and step.key != "identified"
            else str(step.count),
        )
        for step in steps
    ]
    desc = "People at each step: " + ", ".join(f"{s.label} {s.count}" for s in steps) + "."
    return _svg(
        "chart-funnel",
        "From identified to referrals: people at each step",
        desc,
        len(rows) * ROW + 4,
        _bars("chart-funnel", rows, top),
    )


def rate_chart(
    chart_id: str, title: str, rows: Sequence[RateRow], band: tuple[float, float]
) -> Chart:
    """Reply rate per group on a 0–100 % scale, with the typical band shaded and named."""
    plot = WIDTH - 110
    height = len(rows) * ROW + 46
    low, high = band
    body = [
        _text(
            plot * (low + high) / 2,
            14,
            f"typical {percent(low)}–{percent(high)}",
            "chart-note",
            "middle",
        ),
    ]
    for i, row in enumerate(rows):
        top = 24 + i * ROW
        rate = row.rate or 0.0
        counted = f"{row.replied} of {row.counted}" if row.counted else "too early"
        body.append(_text(0, top + 14, row.label))
        body.append(_rect(0, top + 20, plot, BAR, "chart-track-clear"))
        # The band sits in each bar's lane only, so it never runs through a label.
        body.append(
            _rect(
                plot * low, top + 18, plot * (high - low), BAR + 4, "chart-band-hatched", chart_id
            )
        )
        body.append(_rect(0, top + 20, plot * rate, BAR, "chart-bar"))
        for edge in (low, high):
            body.append(
                f'<line x1="{plot * edge:.1f}" y1="{top + 16}" x2="{plot * edge:.1f}" '
                f'y2="{top + 20 + BAR + 2}" class="chart-band-edge"/>'
            )
        body.append(
            _text(plot * rate + 6, top + 34, f"{percent(row.rate)} ({counted})", "chart-value")
        )
    for tick in (0, 0.2, 0.4, 0.6, 0.8, 1.0):
        body.append(
            _text(
                plot * tick, height - 4, percent(tick), "chart-axis", "middle" if tick else "start"
            )
        )
    desc = (
        "Reply rate: "
        + "; ".join(f"{row.label} {percent(row.rate)} of {row.counted} requests" for row in rows)
        + f". The typical range is {percent(low)} to {percent(high)}."
    )
    return _svg(chart_id, title, desc, height, body)


def weekly_chart(weeks: Sequence[WeekActivity]) -> Chart:
    """Columns per week: messages sent (solid) beside interviews held (hatched)."""
    chart_id = "chart-weekly"
    top = max([max(w.messages_sent, w.interviews_held) for w in weeks] + [1])
    plot_top, plot_bottom, left = 34, 170, 26
    slot = (WIDTH - left) / max(len(weeks), 1)
    body = [
        _rect(0, 4, 12, 12, "chart-bar"),
        _text(16, 15, "Messages sent", "chart-value"),
        _rect(140, 4, 12, 12, "chart-bar-hatched", chart_id),
        _text(156, 15, "Interviews held", "chart-value"),
        _text(left - 4, plot_top + 4, str(top), "chart-axis", "end"),
        _text(left - 4, plot_bottom, "0", "chart-axis", "end"),
        f'<line x1="{left}" y1="{plot_bottom}" x2="{WIDTH}" y2="{plot_bottom}" '
        'class="chart-axis-line"/>',
    ]
    scale = (plot_bottom - plot_top) / top
    for i, week in enumerate(weeks):
        x = left + i * slot + 2
        width = (slot - 6) / 2
        for j, (value, cls) in enumerate(
            ((week.messages_sent, "chart-bar"), (week.interviews_held, "chart-bar-hatched"))
        ):
            height = value * scale
            body.append(_rect(x + j * width, plot_bottom - height, width, height, cls, chart_id))
        if i % 3 == 0 or i == len(weeks) - 1:
            body.append(
                _text(
                    x + slot / 2 - 2,
                    plot_bottom + 16,
                    f"{MONTHS[week.start.month - 1]} {week.start.day}",
                    "chart-axis",
                    "middle",
                )
            )
    total_sent = sum(w.messages_sent for w in weeks)
    total_held = sum(w.interviews_held for w in weeks)
    desc = (
        f"Over the last {len(weeks)} weeks you sent {total_sent} messages and held "
        f"{total_held} interviews; the busiest week had {top if total_sent or total_held else 0}."
    )
    return _svg(chart_id, "Weekly activity, last 12 weeks", desc, plot_bottom + 22, body)


def time_chart(rows: Sequence[PathTime]) -> Chart:
    top = max((row.minutes for row in rows), default=0)
    bars = [
        (row.label, row.minutes, f"{duration(row.minutes)} ({row.conversations})") for row in rows
    ]
    desc = (
        "Time in held conversations by career path: "
        + "; ".join(f"{row.label} {duration(row.minutes)} over {row.conversations}" for row in rows)
        + "."
    )
    return _svg(
        "chart-time",
        "Time spent in conversations, by career path",
        desc,
        len(bars) * ROW + 4,
        _bars("chart-time", bars, top),
    )


NODE_W, NODE_H, COL, LINE = 128, 28, 160, 40


def _short(name: str, limit: int = 17) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def referral_chart(tree: ReferralTree) -> Chart:
    """The referral tree, introducers on the left; a tick marks people you have talked to."""
    chart_id = "chart-referrals"
    width = max(tree.depth * COL - (COL - NODE_W) + 2, NODE_W + 2)
    height = max(tree.rows * LINE + 4, LINE)
    spot = {node.id: (1 + node.depth * COL, 2 + node.row * LINE) for node in tree.nodes}
    body: list[str] = []
    for edge in tree.edges:
        (x1, y1), (x2, y2) = spot[edge.from_id], spot[edge.to_id]
        x1, y1, y2 = x1 + NODE_W, y1 + NODE_H / 2, y2 + NODE_H / 2
        middle = (x1 + x2) / 2
        cls = "chart-edge" if edge.primary else "chart-edge chart-edge-extra"
        body.append(
            f'<path d="M{x1:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} '
            f'{x2:.1f},{y2:.1f}" class="{cls}"/>'
        )
    for node in tree.nodes:
        x, y = spot[node.id]
        cls = "chart-node chart-node-held" if node.held else "chart-node"
        shown = ("✓ " if node.held else "") + _short(node.name)
        body.append(
            f"<g><title>{escape(node.name)}{' (talked)' if node.held else ''}</title>"
            + f'<rect x="{x:.1f}" y="{y:.1f}" width="{NODE_W}" height="{NODE_H}" rx="6" '
            + f'class="{cls}"/>'
            + _text(x + 8, y + 18, shown, "chart-node-label")
            + "</g>"
        )
    pairs = "; ".join(
        f"{tree.name_of(e.from_id)} introduced {tree.name_of(e.to_id)}" for e in tree.edges
    )
    chart = _svg(chart_id, "Referral tree: who introduced whom", pairs + ".", height, body)
    # The tree keeps its natural size (the page scrolls it sideways) so names stay legible.
    svg = chart.svg.replace(
        f'viewBox="0 0 {WIDTH} ',
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} ',
        1,
    )
    return Chart(chart.id, chart.title, mark_safe(svg))  # noqa: S308

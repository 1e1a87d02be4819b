"""Filters for the statistics tables: shares and durations written as people read them."""

from django import template

from coffeechat.web import charts

register = template.Library()


@register.filter
def percent(share: float | None) -> str:
    return charts.percent(share)


@register.filter
def duration(minutes: int) -> str:
    return charts.duration(int(minutes or 0))

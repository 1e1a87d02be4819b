from django import template

from coffeechat.domain.vocabulary import label as vocabulary_label

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, "")


@register.filter
def label(value: str) -> str:
    """The human label of a vocabulary value: 'friend-family' -> 'Friend or family'."""
    return vocabulary_label(str(value))


@register.filter
def plan_row(plan_view: object, line: object) -> object:
    """The plan line's row: ``{% with row=plan_view|plan_row:line %}``."""
    return plan_view.row(line)  # type: ignore[attr-defined]


@register.filter
def minutes_seconds(seconds: int) -> str:
    """``95`` -> ``"1:35"``: the interview timer's format."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"

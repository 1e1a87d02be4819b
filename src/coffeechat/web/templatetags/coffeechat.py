from django import template

from coffeechat.domain.text import fold_point
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


@register.inclusion_tag("web/_fold.html")
def fold(text: object, css: str = "") -> dict[str, object]:
    """Long text shown in part, the rest behind "Show all", so it cannot stretch a page."""
    whole = str(text or "")
    cut = fold_point(whole)
    # The break a fold falls on stays with the rest, so "Show all" sits at the end of
    # the shown text and the opened text keeps its paragraphs.
    head = whole if cut is None else whole[:cut].rstrip()
    rest = whole[len(head) :]
    return {"head": head, "rest": rest, "words": len(rest.split()), "css": css}

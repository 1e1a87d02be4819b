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

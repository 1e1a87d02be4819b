"""``{% outreach_panel contact %}``: response speed and the record-a-reply form on a contact."""

from __future__ import annotations

from typing import Any

from django import template

from coffeechat.services.conversations.event_forms import SENTIMENT_CHOICES
from coffeechat.services.conversations.replies import awaiting_reply, contact_speeds

register = template.Library()


@register.inclusion_tag("web/outreach/_outreach_panel.html", takes_context=True)
def outreach_panel(context: Any, contact: Any) -> dict[str, Any]:
    user = context["request"].user
    return {
        "contact": contact,
        "speeds": contact_speeds(user, contact),
        "awaiting": awaiting_reply(user, contact),
        "sentiments": SENTIMENT_CHOICES,
        "csrf_token": context.get("csrf_token"),
        "next": context["request"].get_full_path(),
    }

"""Long research and notes fold: the page shows the start, the rest behind "Show all"."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.services.contacts import actions as crm


def test_long_research_folds_and_short_research_does_not(signed_in, user):
    paragraph = "She moved from teaching to research ops in 2021 and runs the panel. " * 6
    long_research = "\n\n".join([paragraph] * 6)  # ~2,500 characters
    long = crm.create_contact(
        user, {"first_name": "Ana", "source": "alumni", "research_notes": long_research}
    )
    short = crm.create_contact(
        user, {"first_name": "Ben", "source": "alumni", "research_notes": "Runs the panel."}
    )

    page = signed_in.get(reverse("web:contact", args=[long.pk])).content.decode()
    plain = signed_in.get(reverse("web:contact", args=[short.pk])).content.decode()

    assert '<details class="fold"><summary>Show all (' in page
    # Nothing is cut away: every word is on the page, the rest inside the fold.
    assert page.count("runs the panel.") == long_research.count("runs the panel.")
    assert "Runs the panel." in plain and 'class="fold"' not in plain

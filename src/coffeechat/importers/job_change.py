"""A known person who moved: what a re-imported row changes about their job.

A new employer is what makes a job change: a title that differs at the same
organization is more often the user's own wording ("PM (my words)") than a
promotion, and what the user typed is never overwritten on a guess. Only a
value on both sides can change (an empty one is a fill); a title that differs
only in case or spacing is the same title.
"""

from __future__ import annotations

from coffeechat.importers.fields import organization_key


def job_change(
    old_org_key: str, old_org_name: str, old_title: str, new_org: str, new_title: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The new values (``organization_name``, ``title``) and what they replace.

    >>> job_change("acme", "Acme", "Analyst", "Globex", "Senior Analyst")
    ({'organization_name': 'Globex', 'title': 'Senior Analyst'}, \
{'organization': 'Acme', 'title': 'Analyst'})
    >>> job_change("acme", "Acme", "Analyst", "ACME, Inc.", "Lead Analyst")
    ({}, {})
    """
    changes: dict[str, str] = {}
    was: dict[str, str] = {}
    if not (new_org and old_org_key and organization_key(new_org) != old_org_key):
        return changes, was
    changes["organization_name"] = new_org
    was["organization"] = old_org_name
    if new_title and old_title and _same_words(new_title) != _same_words(old_title):
        changes["title"] = new_title
        was["title"] = old_title
    return changes, was


def job_words(changes: dict[str, str], was: dict[str, str]) -> str:
    """The change as the import report says it.

    >>> job_words({"organization_name": "Globex", "title": "Senior PM"},
    ...           {"organization": "Acme", "title": "PM"})
    'now Senior PM at Globex (was PM at Acme)'
    """
    now = _job(changes.get("title", ""), changes.get("organization_name", ""))
    before = _job(was.get("title", ""), was.get("organization", ""))
    return f"now {now} (was {before})"


def _job(title: str, organization: str) -> str:
    return " at ".join(part for part in (title, organization) if part)


def _same_words(text: str) -> str:
    return " ".join(text.split()).casefold()

"""The daily reminder email: what is due, as a short plain-text digest.

Pure: it is given the day, the Today list's first actions of each bucket and
the size of every bucket, and says them as the Today page does (same titles,
same reasons, same day wording). Sending, and sending once a day, is
``services.reminders``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from coffeechat.domain.dates import long_day, say_day
from coffeechat.domain.types import Action, Bucket

HEADINGS = {Bucket.OVERDUE: "Overdue", Bucket.TODAY: "Due today", Bucket.UPCOMING: "Coming up"}


@dataclass(frozen=True)
class Digest:
    subject: str
    body: str


def digest(
    day: date, actions: Sequence[Action], counts: Mapping[str, int], today_url: str
) -> Digest | None:
    """The email for ``actions`` (the first few of each bucket, in Today's order),
    or None when nothing is overdue or due today: a digest of only "coming up"
    every morning would teach people to ignore it.

    >>> from coffeechat.domain.types import ActionKind
    >>> late = Action(kind=ActionKind.FOLLOW_UP, title="Follow up with Ana Ruiz",
    ...               reason="No reply in 7 business days", due=date(2026, 12, 1),
    ...               due_at=None, overdue=True, bucket=Bucket.OVERDUE)
    >>> counts = {"overdue": 3, "today": 0, "upcoming": 0}
    >>> mail = digest(date(2026, 12, 3), [late], counts, "http://127.0.0.1:8000/")
    >>> mail.subject
    'coffeechat: 3 overdue (Thu 3 Dec 2026)'
    >>> print(mail.body)
    Overdue (3)
    - Follow up with Ana Ruiz — due Tue 1 Dec
      No reply in 7 business days
    … and 2 more on the Today page
    <BLANKLINE>
    Open Today: http://127.0.0.1:8000/
    >>> digest(date(2026, 12, 3), [], {"overdue": 0, "today": 0, "upcoming": 4}, "") is None
    True
    """
    pressing = [b for b in (Bucket.OVERDUE, Bucket.TODAY) if counts.get(b.value, 0)]
    if not pressing:
        return None
    said = ", ".join(f"{counts[b.value]} {HEADINGS[b].lower()}" for b in pressing)
    subject = f"coffeechat: {said} ({long_day(day)})"
    sections = (_section(b, actions, counts.get(b.value, 0), day) for b in Bucket)
    body = "\n\n".join(s for s in sections if s)
    return Digest(subject=subject, body=f"{body}\n\nOpen Today: {today_url}")


def _section(bucket: Bucket, actions: Sequence[Action], size: int, day: date) -> str:
    shown = [a for a in actions if a.bucket is bucket]
    if not shown:
        return ""
    lines = [f"{HEADINGS[bucket]} ({size})"]
    for action in shown:
        when = "" if bucket is Bucket.TODAY else f" — due {say_day(action.due, day)}"
        lines.append(f"- {action.title}{when}")
        if action.reason:
            lines.append(f"  {action.reason}")
    if size > len(shown):
        lines.append(f"… and {size - len(shown)} more on the Today page")
    return "\n".join(lines)

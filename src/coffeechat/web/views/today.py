from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.domain.steps import Door
from coffeechat.domain.types import Bucket
from coffeechat.services.accounts.signin import ensure_profile
from coffeechat.services.errors import InvalidInput
from coffeechat.services.today import due_list as service
from coffeechat.services.today.queries import is_new
from coffeechat.web.links import LABELS, door_url
from coffeechat.web.views.common import now

BUCKETS = (
    (Bucket.OVERDUE, "Overdue", "These slipped: do them first."),
    (Bucket.TODAY, "Today", "Due today."),
    (Bucket.UPCOMING, "Upcoming", "Coming up this week."),
)

# A bucket longer than this is cut, with a link to page through the rest: a list
# of hundreds is not a plan for a morning, and rendering it would slow every visit.
BUCKET_PAGE = 25

# The label of the button that does each kind of action.
BUTTONS = {
    "research": "Add research",
    "send": "Open draft",
    "try_another": "Choose next contact",
    "follow_up": "Follow up",
    "let_go": "Close",
    "schedule": "Propose times",
    "prepare": "Prepare",
    "attend": "Open interview",
    "capture": "Write notes",
    "thank": "Write thank-you",
    "referral": "Reach out",
    "stay_in_touch": "Write update",
    "action_item": "Open",
    "reflect": "Reflect",
    "thank_introducer": "Write thank-you",
    "classify_reply": "Say how they replied",
}

TEN_STEPS = (
    ("Identify interests", "Name what energises you, the skills you enjoy, your values."),
    ("Build a target list", "Organizations ranked by motivation, postings and people you know."),
    ("Seek interviewees", "Reach out through your network first: alumni, colleagues, friends."),
    ("Craft the introduction", "A short, personal note that asks for 20 minutes, not a job."),
    ("Schedule", "Offer times that fit their calendar, in both time zones."),
    ("Prepare", "Research the person and plan questions that fit the time."),
    ("Conduct", "Listen, take notes, keep to time, ask who else to talk to."),
    ("Follow up", "Thank them within 24 hours and name something specific."),
    ("Reflect and act", "Weigh each path against what you heard; turn advice into tasks."),
    ("Nurture the network", "Tell them what you did with their advice; stay in touch."),
)


@login_required
def today(request: HttpRequest) -> HttpResponse:
    if is_new(request.user):
        return redirect("web:welcome")
    profile = ensure_profile(request.user)
    as_of_text = request.GET.get("as_of", "").strip()
    moment = now()
    if as_of_text:
        try:
            moment = service.moment_for(date.fromisoformat(as_of_text), profile.zone)
        except InvalidInput as exc:  # a ValueError too, so it comes first
            return _bad_as_of(request, f"“{as_of_text}”: {exc.summary()}")
        except ValueError:
            return _bad_as_of(request, f"“{as_of_text}” is not a date (YYYY-MM-DD).")
    only = _bucket(request.GET.get("bucket", ""))
    offset = _offset(request.GET.get("offset", ""))
    if only is not None:
        listing = service.today_for(
            request.user, moment, bucket=only, limit=BUCKET_PAGE * 4, offset=offset
        )
    else:
        listing = service.today_by_bucket(request.user, moment, BUCKET_PAGE)
    context = {
        "listing": listing,
        "buckets": _buckets(listing, only, offset),
        "as_of": as_of_text,
        "total": listing.total,
        "only": only.value if only else "",
        "tomorrow": (listing.as_of + timedelta(days=1)).isoformat(),
        "next_week": (listing.as_of + timedelta(days=7)).isoformat(),
    }
    return render(request, "web/today/today.html", context)


def _bad_as_of(request: HttpRequest, message: str) -> HttpResponse:
    context = {"listing": None, "buckets": [], "as_of": "", "as_of_error": message, "total": 0}
    return render(request, "web/today/today.html", context, status=400)


def _bucket(text: str) -> Bucket | None:
    return Bucket(text) if text in {b.value for b in Bucket} else None


def _offset(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _buckets(listing: service.TodayList, only: Bucket | None, offset: int) -> list[dict[str, Any]]:
    page = BUCKET_PAGE * 4 if only else BUCKET_PAGE
    shown = []
    for key, title, hint in BUCKETS:
        if only is not None and key is not only:
            continue
        items = [_row(item) for item in listing.bucket(key.value)]
        total = listing.counts.get(key.value, 0)
        shown.append(
            {
                "key": key.value,
                "title": title,
                "hint": hint,
                "items": items,
                "total": total,
                "offset": offset,
                "first": offset + 1,
                "last": offset + len(items),
                "next": offset + page if offset + page < total else None,
                "previous": max(offset - page, 0) if offset else None,
            }
        )
    return shown


def _row(item: service.TodayItem) -> dict[str, Any]:
    action = item.action
    door = Door(action.door) if action.door else None
    return {
        "action": action,
        "url": door_url(action),
        "button": BUTTONS.get(action.kind.value) or (LABELS[door] if door else "Open"),
    }


@login_required
def welcome(request: HttpRequest) -> HttpResponse:
    context = {"steps": TEN_STEPS, "is_new": is_new(request.user)}
    return render(request, "web/today/welcome.html", context)


@login_required
@require_POST
def load_sample_data(request: HttpRequest) -> HttpResponse:
    from coffeechat.sample.demo import load_demo  # only needed on this rare click

    try:
        summary = load_demo(request.user, now())
    except InvalidInput as exc:
        messages.error(request, exc.summary())
        return redirect("web:welcome")
    messages.success(request, f"Sample campaign loaded: {summary}.")
    return redirect("web:today")


@login_required
@require_POST
def complete_action_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = service.complete_action_item(request.user, pk, now())
    messages.success(request, f"Done: {item.text}")
    return redirect("web:today")

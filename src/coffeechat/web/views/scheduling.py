"""Scheduling pages: propose times, book, the invite, availability and the calendar feed."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from coffeechat.domain.dates import day_and_clock
from coffeechat.services.accounts.signin import ensure_profile, sender_address
from coffeechat.services.conversations.queries import owned_conversation
from coffeechat.services.errors import InvalidInput
from coffeechat.services.scheduling import availability as availability_service
from coffeechat.services.scheduling import booking as service
from coffeechat.services.scheduling import calendar_feed, invites
from coffeechat.web.links import door_url
from coffeechat.web.views.common import now

COUNT_CHOICES = (3, 5, 8)
BLANK_ROWS = 2


@login_required
def propose(request: HttpRequest, pk: int, error: str = "", status: int = 200) -> HttpResponse:
    try:
        count = int(request.GET.get("count", service.DEFAULT_SLOTS))
    except ValueError:
        count = service.DEFAULT_SLOTS
    count = min(max(count, 1), service.MAX_SLOTS)
    times = service.propose_times(request.user, pk, now(), count)
    conversation = times.conversation
    start, proposal = conversation.starts_at, times.proposal
    booked_for_contact = None
    if (
        start
        and proposal.contact_zone_known
        and proposal.contact_zone.key != conversation.time_zone
    ):
        booked_for_contact = start.astimezone(proposal.contact_zone)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "times": times,
        "booked_for_contact": booked_for_contact,
        "count": count,
        "count_choices": COUNT_CHOICES,
        "profile": ensure_profile(request.user),
        "cancelled": invites.is_cancelled(conversation),
        "sender_email": sender_address(request.user),
        "error": error,
        "section": "web:conversations",
    }
    return render(request, "web/scheduling/propose.html", context, status=status)


@login_required
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    owned_conversation(request.user, pk)
    try:
        conversation = service.book_slot(request.user, pk, request.POST.get("start", ""), now())
    except InvalidInput as exc:
        return propose(request, pk, error=exc.summary(), status=422)
    start = conversation.starts_at
    messages.success(
        request,
        f"Booked for {day_and_clock(start, start.date())} ({conversation.time_zone}). "
        "Download the invite and send it to them.",
    )
    return redirect(reverse("web:conversation_propose", args=[pk]))


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    owned_conversation(request.user, pk)
    try:
        service.cancel_interview(request.user, pk, now())
    except InvalidInput as exc:
        return propose(request, pk, error=exc.summary(), status=422)
    messages.success(
        request, "Interview cancelled. Send them the updated invite so it leaves their calendar."
    )
    return redirect(reverse("web:conversation_propose", args=[pk]))


@login_required
@require_GET
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = owned_conversation(request.user, pk)
    try:
        body = invites.invite_ics(conversation)
    except InvalidInput as exc:
        raise Http404(exc.summary()) from exc
    return ics_response(body, invites.invite_filename(conversation), "REQUEST")


def ics_response(body: bytes, filename: str, method: str = "") -> HttpResponse:
    content_type = "text/calendar; charset=utf-8" + (f"; method={method}" if method else "")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def availability(request: HttpRequest) -> HttpResponse:
    profile = ensure_profile(request.user)
    status, errors = 200, []
    rows = availability_service.rows_of(profile)
    if request.method == "POST":
        rows = availability_service.rows_from_post(request.POST)
        try:
            availability_service.update_availability(request.user, rows)
        except InvalidInput as exc:
            status, errors = 422, exc.errors["availability"]
        else:
            messages.success(request, "Availability saved. New slot proposals use it.")
            return redirect("web:availability")
    context = {
        "rows": [*rows, *[availability_service.Row("0", "", "")] * _blanks_to_add(rows)],
        "days": list(enumerate(availability_service.DAY_NAMES)),
        "errors": errors,
        "profile": profile,
        "section": "web:profile",
    }
    return render(request, "web/scheduling/availability.html", context, status=status)


def _blanks_to_add(rows: list[availability_service.Row]) -> int:
    """Room for new windows, without piling up empty rows on every refused save."""
    return max(0, BLANK_ROWS - sum(row.blank for row in rows))


@login_required
def feed_settings(request: HttpRequest) -> HttpResponse:
    secret = ""
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            calendar_feed.stop_feed(request.user)
            messages.success(request, "Calendar feed stopped. The old address no longer works.")
            return redirect("web:calendar_feed")
        secret = calendar_feed.create_feed_secret(request.user)
    feed_url = (
        request.build_absolute_uri(reverse("web:calendar_feed_ics", args=[secret]))
        if secret
        else ""
    )
    # Google Calendar and Outlook.com fetch a feed from their own servers, so they
    # can use it only when the app has a public address: COFFEECHAT_BASE_URL is
    # not loopback, and this page was not opened through a loopback address
    # (the feed address is built from the one in the browser).
    here = request.build_absolute_uri("/")
    public = not _loopback(settings.BASE_URL) and not _loopback(here)
    context = {
        "feed": calendar_feed.has_feed(request.user),
        "feed_url": feed_url,
        "public": public,
        "base_url": settings.BASE_URL if public else here,
        "section": "web:profile",
    }
    return render(request, "web/scheduling/calendar_feed.html", context)


def _loopback(url: str) -> bool:
    """True when ``url`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@require_GET
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The calendar app's view: no session, the secret is the only key; anything else is 404."""
    user = calendar_feed.user_for_feed(secret, now())
    if user is None:
        raise Http404("No such calendar feed.")
    links = calendar_feed.FeedLinks(
        conversation=lambda pk: request.build_absolute_uri(reverse("web:conversation", args=[pk])),
        action=lambda action: request.build_absolute_uri(door_url(action)),
    )
    response = ics_response(calendar_feed.feed_ics(user, now(), links=links), "coffeechat.ics")
    response["Content-Disposition"] = 'inline; filename="coffeechat.ics"'
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response

"""The Network page and the contact page colour the stay-in-touch cadence."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import Contact, Conversation, Message
from coffeechat.web.links import door_url
from tests.clock import local_days_ago


def _contact(user, first, *, cadence=None, dnc=False, sentiment="positive"):
    """A contact who answered the request (``sentiment``) long ago."""
    contact = Contact.objects.create(
        owner=user, first_name=first, last_name="X", cadence_days=cadence, do_not_contact=dnc
    )
    Conversation.objects.create(
        owner=user, contact=contact, stage="replied", reply_sentiment=sentiment
    )
    return contact


def _exchange(user, contact, when, direction="out", sent=True):
    Message.objects.create(
        owner=user,
        contact=contact,
        direction=direction,
        kind="update" if direction == "out" else "reply",
        sent_at=when if sent else None,
    )


def test_people_past_the_ideal_are_amber_and_past_the_maximum_red(signed_in, user):
    # The pages read the real clock and count local days.
    amber = _contact(user, "Amber")
    _exchange(user, amber, local_days_ago(31), direction="in")  # received counts too
    red = _contact(user, "Ruby", cadence=10)
    _exchange(user, red, local_days_ago(15))  # maximum of 10 is 15
    fresh = _contact(user, "Fresh")
    _exchange(user, fresh, local_days_ago(3))
    _exchange(user, fresh, local_days_ago(1), sent=False)  # a draft is no exchange
    quiet = _contact(user, "Quiet", dnc=True)
    _exchange(user, quiet, local_days_ago(90))
    declined = _contact(user, "Declined", sentiment="negative")
    _exchange(user, declined, local_days_ago(90), direction="in")
    unanswered = Contact.objects.create(owner=user, first_name="Silent", last_name="X")
    _exchange(user, unanswered, local_days_ago(90))
    page = signed_in.get(reverse("web:network")).content.decode()
    due = page.split('id="due-h"', 1)[1].split('id="ok-h"', 1)[0]
    assert due.index("Ruby X") < due.index("Amber X")
    assert "Overdue: 15 days" in due and "Update due: 31 days" in due
    assert "Fresh X" not in due and "Fresh X" in page
    assert "Quiet X" not in page
    assert "Declined X" not in page and "Silent X" not in page  # not owed updates


def _network_of(user, count, days_ago=local_days_ago, *, span=None):
    """``count`` people in your network, last heard from 0 to ``span`` days ago (by
    default the i-th i days ago); ``days_ago(n)`` gives the instant of n days ago."""
    for i in range(count):
        days = i * span // count if span else i
        _exchange(user, _contact(user, f"P{i:03d}"), days_ago(days))


def test_a_large_network_is_summarised_and_paged(signed_in, user):
    _network_of(user, 120)  # 0-29 days ago: on track; 30-44 amber; 45-119 red
    page = signed_in.get(reverse("web:network")).content.decode()
    summary = page.split('id="network-summary"', 1)[1].split("</p>", 1)[0]
    assert "<strong>120</strong> in your network" in summary
    assert "75 going cold" in summary and "15 due" in summary and "30 on track" in summary
    due = page.split('id="due-h"', 1)[1].split('id="ok-h"', 1)[0]
    assert due.count("cadence-card") == 50  # one page of the 90 waiting
    assert "P119 X" in due and "P045 X" not in due  # the longest waiting first
    assert "1–50 of 90" in due
    second = signed_in.get(reverse("web:network") + "?due=2").content.decode()
    due = second.split('id="due-h"', 1)[1].split('id="ok-h"', 1)[0]
    assert due.count("cadence-card") == 40 and "51–90 of 90" in due
    assert "P030 X" in due  # amber after every red
    assert "P029 X" in second.split('id="ok-h"', 1)[1]  # the other section stays on page 1


def test_a_page_number_out_of_range_shows_the_last_page(signed_in, user):
    _network_of(user, 120)
    page = signed_in.get(reverse("web:network") + "?due=99&on_track=abc").content.decode()
    due = page.split('id="due-h"', 1)[1].split('id="ok-h"', 1)[0]
    assert "51–90 of 90" in due and "P030 X" in due  # page 2, the last
    assert "P000 X" in page  # on track: not a number, so the first page


def test_the_network_page_costs_the_same_for_n_and_10n_people(user, outsider, now):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coffeechat.services.contacts.network import network_page

    days_ago = lambda days: now - timedelta(days=days)  # noqa: E731
    _network_of(user, 8, days_ago, span=120)  # on track, amber and red in both
    _network_of(outsider, 80, days_ago, span=120)
    costs = []
    for owner in (user, outsider):
        network_page(owner, now)  # builds the index
        with CaptureQueriesContext(connection) as captured:
            page = network_page(owner, now)
            shown = len(page.due_section.entries) + len(page.on_track_section.entries)
        costs.append((len(captured.captured_queries), shown <= 2 * 50))
    assert costs[0] == costs[1]


def test_the_contact_page_shows_the_cadence_colour(signed_in, user):
    contact = _contact(user, "Amber")  # the page reads the real clock, counts local days
    _exchange(user, contact, local_days_ago(46))
    page = signed_in.get(reverse("web:contact", args=[contact.pk])).content.decode()
    assert 'data-cadence="overdue"' in page
    assert "ideal every 30 days, at most 45" in page
    update = reverse("web:compose_for", args=[contact.pk]) + "?kind=update"
    assert f'id="write-update" href="{update}"' in page
    stranger = Contact.objects.create(owner=user, first_name="New", last_name="X")
    _exchange(user, stranger, local_days_ago(90))  # a request, never answered
    page = signed_in.get(reverse("web:contact", args=[stranger.pk])).content.decode()
    assert "data-cadence" not in page


def test_the_introducers_page_lists_who_they_introduced_and_whether_you_talked(signed_in, user):
    from coffeechat.core.models import Referral

    ana = Contact.objects.create(owner=user, first_name="Ana", last_name="Ruiz")
    sam = Contact.objects.create(owner=user, first_name="Sam", last_name="Lee")
    kim = Contact.objects.create(owner=user, first_name="Kim", last_name="Ho")
    held = timezone.now() - timedelta(days=1)
    Conversation.objects.create(owner=user, contact=sam, stage="held", held_at=held)
    for person in (sam, sam, kim):  # Sam noted twice: listed once
        Referral.objects.create(owner=user, from_contact=ana, to_contact=person)
    page = signed_in.get(reverse("web:contact", args=[ana.pk])).content.decode()
    section = page.split('id="introductions"', 1)[1].split("</section>", 1)[0]
    assert section.count("Sam Lee") == 1
    assert "you talked on" in section.split("Kim Ho")[0]
    assert "not talked yet" in section.split("Kim Ho")[1]


def test_today_lists_an_update_for_exactly_the_people_the_network_page_colours(user, now):
    """One rule (``stay_in_touch_status``) behind both: same people, same due dates."""
    from coffeechat.domain.types import ActionKind
    from coffeechat.services.contacts.network import network_page
    from coffeechat.services.today.due_list import today_for

    for first, days, cadence in (("Amber", 31, None), ("Ruby", 15, 10), ("Fresh", 3, None)):
        _exchange(user, _contact(user, first, cadence=cadence), now - timedelta(days=days))
    held = _contact(user, "Closed")  # talked, then closed: out of both lists
    held.conversations.update(held_at=now - timedelta(days=60), stage="closed", closed_at=now)
    _exchange(user, held, now - timedelta(days=60))
    page = network_page(user, now)
    entries = page.due_section.entries + page.on_track_section.entries
    coloured = {
        e.contact.first_name: e.cadence.ideal_due for e in entries if e.cadence.state != "on_track"
    }
    actions = [
        item.action
        for item in today_for(user, now).items
        if item.action.kind is ActionKind.STAY_IN_TOUCH and item.action.bucket.value != "upcoming"
    ]
    listed = {a.title.removeprefix("Send ").removesuffix(" X an update"): a.due for a in actions}
    assert coloured == listed
    assert set(coloured) == {"Amber", "Ruby"}
    assert {e.contact.first_name for e in entries} == {"Amber", "Ruby", "Fresh"}


def test_thank_the_introducer_opens_a_thank_you_draft_to_the_introducer(signed_in, user, now):
    from coffeechat.core.models import Referral
    from coffeechat.domain.types import ActionKind
    from coffeechat.services.today.due_list import today_for

    ana = Contact.objects.create(owner=user, first_name="Ana", last_name="Ruiz")
    own = Conversation.objects.create(owner=user, contact=ana, stage="thanked")
    sam = Contact.objects.create(owner=user, first_name="Sam", last_name="Lee")
    Conversation.objects.create(owner=user, contact=sam, stage="held", held_at=now)
    Referral.objects.create(owner=user, from_contact=ana, to_contact=sam)
    (item,) = [
        i for i in today_for(user, now).items if i.action.kind is ActionKind.THANK_INTRODUCER
    ]
    assert door_url(item.action).startswith(reverse("web:compose_for", args=[ana.pk]))
    page = signed_in.get(door_url(item.action), follow=True)
    assert page.redirect_chain[-1][0].startswith(reverse("web:composer", args=[own.pk]))
    html = page.content.decode()
    assert "Thank you for introducing me to Sam Lee" in html  # the subject
    assert "Hi Ana,\n\nThank you for introducing me to Sam Lee." in html  # the body
    contact_page = signed_in.get(reverse("web:contact", args=[ana.pk])).content.decode()
    assert "template=thank-introducer" in contact_page.split('id="introductions"', 1)[1]


def test_the_situational_template_never_replaces_the_default_update(signed_in, user):
    from coffeechat.services.outreach import composer as outreach

    assert outreach.default_template(user, "update").builtin_key == "update"


def test_thanking_an_introducer_who_only_pointed_you_on_is_logged_and_ends_the_nudge(user, now):
    """Ana answered 'talk to Sam instead' (referral only): no thank-you stage to move."""
    from coffeechat.core.models import Referral
    from coffeechat.domain.types import ActionKind
    from coffeechat.services.outreach import composer as outreach
    from coffeechat.services.today.due_list import today_for

    ana = Contact.objects.create(owner=user, first_name="Ana", last_name="Ruiz")
    own = Conversation.objects.create(
        owner=user,
        contact=ana,
        stage="replied",
        reply_sentiment="referral_only",
        requested_at=now - timedelta(days=10),
        replied_at=now - timedelta(days=8),
    )
    sam = Contact.objects.create(owner=user, first_name="Sam", last_name="Lee")
    Conversation.objects.create(
        owner=user, contact=sam, stage="held", held_at=now - timedelta(hours=2)
    )
    Referral.objects.create(owner=user, from_contact=ana, to_contact=sam)

    def nudges():
        items = today_for(user, now).items
        return [i for i in items if i.action.kind is ActionKind.THANK_INTRODUCER]

    assert len(nudges()) == 1
    data = {
        "channel": "email",
        "kind": "update",
        "subject": "Thank you for introducing me to Sam Lee",
        "body": "Hi Ana, thank you for introducing me to Sam Lee.",
    }
    message = outreach.mark_sent(user, own.pk, data, now)
    own.refresh_from_db()
    assert (message.kind, message.sent_at, own.stage) == ("update", now, "replied")
    assert nudges() == []

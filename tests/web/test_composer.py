"""The composer page: filled drafts, live checks, send links, marking sent, Today's links."""

import email
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from coffeechat.core.models import Conversation, Message, Template
from coffeechat.domain.steps import Door
from coffeechat.domain.types import Action, ActionKind, Bucket
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations
from coffeechat.services.outreach import composer as outreach
from coffeechat.web.links import door_url as url_for

JOB_ASK = "Hi Ana,\n\nAre there any openings on your team? I'd love to work with you."


@pytest.fixture
def ana(user):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    return crm.create_contact(
        user,
        {
            "first_name": "Ana",
            "last_name": "Ruiz",
            "source": "alumni",
            "email": "ana@example.com",
            "linkedin_url": "https://www.linkedin.com/in/ana-ruiz",
            "organization": org.pk,
            "connection_line": "We met at the Boston UX meetup",
        },
    )


@pytest.fixture
def conversation(user, ana):
    return conversations.start_conversation(user, {"contact": ana.pk})


def post_check(client, conversation, body, kind="request", subject="Hello"):
    url = reverse("web:composer_check", args=[conversation.pk])
    data = {"channel": "email", "kind": kind, "subject": subject, "body": body}
    return client.post(url, data, HTTP_HX_REQUEST="true").content.decode()


def test_the_composer_opens_with_the_request_template_filled(signed_in, conversation):
    page = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    assert "Hi Ana," in page
    assert "We met at the Boston UX meetup." in page
    assert 'hx-trigger="input delay:400ms, change"' in page
    assert 'data-check="no-job-ask"' in page


def test_the_checks_rerun_on_the_text_as_typed(signed_in, conversation):
    partial = post_check(signed_in, conversation, JOB_ASK)
    assert 'data-check="no-job-ask" data-passed="false"' in partial
    assert "any openings" in partial
    assert "Are there any openings on your team?" in partial  # the excerpt
    fixed = post_check(signed_in, conversation, "Hi Ana, I'm not asking for a job.")
    assert 'data-check="no-job-ask" data-passed="true"' in fixed


def test_the_strict_setting_applies_the_75_word_limit(signed_in, user, conversation):
    body = " ".join(["word"] * 80)
    assert 'data-check="length" data-passed="true"' in post_check(signed_in, conversation, body)
    user.profile.strict_length = True
    user.profile.save()
    strict = post_check(signed_in, conversation, body)
    assert 'data-check="length" data-passed="false"' in strict
    assert "75" in strict


def test_the_mailto_link_follows_the_text_and_is_encoded(signed_in, conversation):
    partial = post_check(signed_in, conversation, "Line one & more\nLine two?", subject="Hi & bye")
    assert 'hx-swap-oob="true"' in partial
    href = partial.split('id="mailto-link" href="')[1].split('"')[0]
    assert href.startswith("mailto:ana@example.com?subject=Hi%20%26%20bye&amp;body=")
    body = href.split("body=")[1]
    assert unquote(body) == "Line one & more\r\nLine two?"


def test_the_draft_autosaves(signed_in, conversation):
    url = reverse("web:composer_save", args=[conversation.pk])
    data = {"channel": "linkedin-message", "kind": "request", "subject": "", "body": "Hi Ana"}
    response = signed_in.post(url, data)
    assert "Draft saved" in response.content.decode()
    draft = conversations.open_draft(conversation)
    assert (draft.body, draft.channel) == ("Hi Ana", "linkedin-message")
    page = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    assert ">Hi Ana</textarea>" in page


def test_opening_the_composer_creates_no_draft(signed_in, conversation):
    page = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    assert "Hi Ana," in page  # the template is filled in the editor...
    assert "Not saved yet" in page
    assert Message.objects.count() == 0  # ...but nothing is stored until the first edit
    assert ", load" not in page.split('id="save-status"')[1].split(">")[0]


def test_a_thank_you_shows_its_points_beside_the_draft_and_the_picker_names_its_kind(
    signed_in, user, conversation
):
    from coffeechat.core.models import Note

    conversation.stage, conversation.held_at = "held", timezone.now()
    conversation.save()
    Note.objects.create(
        owner=user, conversation=conversation, text="learn SQL b4 bootcamp!!", highlight=True
    )
    url = reverse("web:composer", args=[conversation.pk]) + "?kind=thank-you"
    page = signed_in.get(url).content.decode()
    draft = page.split('id="draft-body"')[1].split("</textarea>")[0]
    assert "SQL" not in draft and "{point 1 in your words}" in draft
    points = page.split('id="points-to-mention"')[1].split("</section>")[0]
    assert "learn SQL b4 bootcamp!!" in points
    picker = page.split('id="pick-template"')[1].split("</select>")[0]
    assert "selected>Thank-you (within 24 hours)" in picker
    assert "(composing: thank-you)" in page

    # A saved thank-you draft reopened: the picker still shows the thank-you template.
    outreach.save_composer_draft(
        user, conversation.pk, {"kind": "thank-you", "subject": "Thanks", "body": "Hi Ana"}
    )
    page = signed_in.get(reverse("web:composer", args=[conversation.pk])).content.decode()
    picker = page.split('id="pick-template"')[1].split("</select>")[0]
    assert "selected>Thank-you (within 24 hours)" in picker
    assert "selected>First request" not in picker


def test_the_eml_download_is_a_complete_message(signed_in, conversation):
    url = reverse("web:composer_eml", args=[conversation.pk])
    data = {
        "channel": "email",
        "kind": "request",
        "subject": "Hello\nBcc: x@evil.test",
        "body": "Hi Ana,\nThanks",
    }
    response = signed_in.post(url, data)
    assert response["Content-Type"] == "message/rfc822"
    assert "attachment" in response["Content-Disposition"]
    message = email.message_from_bytes(response.content)
    assert message["To"] == "Ana Ruiz <ana@example.com>"
    assert message["Subject"] == "Hello Bcc: x@evil.test"
    assert message["Bcc"] is None
    assert message["X-Unsent"] == "1"
    assert message.get_payload(decode=True).decode() == "Hi Ana,\nThanks"


def test_mark_sent_records_the_message_on_the_timeline(signed_in, conversation, ana):
    url = reverse("web:composer_mark_sent", args=[conversation.pk])
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi Ana, thanks"}
    response = signed_in.post(url, data)
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.stage == "requested"
    contact_page = signed_in.get(reverse("web:contact", args=[ana.pk])).content.decode()
    assert "You wrote: Request" in contact_page
    assert "Hi Ana, thanks" in contact_page


def test_unfilled_fields_block_mark_sent_until_confirmed(signed_in, conversation):
    url = reverse("web:composer_mark_sent", args=[conversation.pk])
    data = {"channel": "email", "kind": "request", "subject": "Hello", "body": "Hi {first_name}"}
    refused = signed_in.post(url, data)
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "{first_name}" in page and 'name="confirm_unfilled"' in page
    assert ">Hi {first_name}</textarea>" in page  # nothing typed is lost
    conversation.refresh_from_db()
    assert conversation.stage == "planned"
    assert signed_in.post(url, {**data, "confirm_unfilled": "1"}).status_code == 302


def test_the_composer_warns_when_a_request_is_waiting_at_the_same_organization(
    signed_in, user, ana, conversation, now
):
    ben = crm.create_contact(
        user, {"first_name": "Ben", "source": "other", "organization": ana.organization_id}
    )
    second = conversations.start_conversation(user, {"contact": ben.pk})
    sent = timezone.now()  # the page reads the real clock
    data = {"kind": "request", "subject": "s", "body": "b"}
    outreach.mark_sent(user, conversation.pk, data, sent)
    page = signed_in.get(reverse("web:composer", args=[second.pk])).content.decode()
    assert "Another request at Acme is still waiting" in page
    assert "Ana Ruiz" in page
    assert "try another door from" in page
    # Three business days on, trying another door is the routine, not a blast.
    Conversation.objects.filter(pk=conversation.pk).update(requested_at=sent - timedelta(days=7))
    page = signed_in.get(reverse("web:composer", args=[second.pk])).content.decode()
    assert "still waiting" not in page
    assert "No answer yet at Acme" in page and "3B7 routine" in page


def test_another_users_composer_is_not_found(client, outsider, conversation):
    client.force_login(outsider)
    assert client.get(reverse("web:composer", args=[conversation.pk])).status_code == 404
    url = reverse("web:composer_check", args=[conversation.pk])
    assert client.post(url, {"body": "x"}).status_code == 404


def test_templates_page_lists_edits_and_hides(signed_in, user):
    page = signed_in.get(reverse("web:templates")).content.decode()
    assert "First request (email)" in page and "Thank-you (within 24 hours)" in page
    # Journey order: the first request comes before the follow-up, the thank-you after both.
    order = [
        page.index(name)
        for name in ("First request (email)", "Follow-up (one", "Thank-you (within", "Update (stay")
    ]
    assert order == sorted(order)
    template = Template.objects.get(owner=user, builtin_key="update")
    url = reverse("web:template_edit", args=[template.pk])
    bad = signed_in.post(
        url,
        {
            "name": "U",
            "channel": "email",
            "kind": "update",
            "subject": "x",
            "body": "Hi {nickname}",
        },
    )
    assert bad.status_code == 422
    assert "{nickname} is not a merge field" in bad.content.decode()
    signed_in.post(reverse("web:template_hide", args=[template.pk]), {"hidden": "1"})
    template.refresh_from_db()
    assert template.hidden
    assert template not in outreach.list_templates(user, include_hidden=False)


_DOORS = {
    ActionKind.SEND: Door.WRITE_REQUEST,
    ActionKind.FOLLOW_UP: Door.WRITE_FOLLOW_UP,
    ActionKind.THANK: Door.WRITE_THANK_YOU,
    ActionKind.LET_GO: Door.LET_GO,
    ActionKind.TRY_ANOTHER: Door.CHOOSE_NEXT_CONTACT,
    ActionKind.STAY_IN_TOUCH: Door.WRITE_UPDATE,
}


def action(kind, **ids):
    from datetime import date

    return Action(
        door=_DOORS[kind].value,
        kind=kind,
        title="t",
        reason="r",
        due=date(2026, 11, 3),
        due_at=None,
        overdue=False,
        bucket=Bucket.TODAY,
        **ids,
    )


def test_today_actions_lead_to_the_composer(conversation):
    pk = conversation.pk
    assert url_for(action(ActionKind.SEND, conversation_id=pk)) == f"/conversations/{pk}/compose/"
    assert url_for(action(ActionKind.FOLLOW_UP, conversation_id=pk)).endswith(
        "/compose/?kind=follow-up"
    )
    assert url_for(action(ActionKind.THANK, conversation_id=pk)).endswith("?kind=thank-you")
    assert url_for(action(ActionKind.LET_GO, conversation_id=pk)) == f"/conversations/{pk}/let-go/"
    assert url_for(action(ActionKind.TRY_ANOTHER, organization_id=7)) == "/organizations/7/next/"
    assert (
        url_for(action(ActionKind.STAY_IN_TOUCH, contact_id=3))
        == "/contacts/3/compose/?kind=update"
    )


def test_follow_up_link_opens_a_reply_on_the_same_thread(signed_in, user, conversation, now):
    outreach.mark_sent(
        user,
        conversation.pk,
        {"kind": "request", "subject": "Your path into UX", "body": "Hi"},
        now,
    )
    url = url_for(action(ActionKind.FOLLOW_UP, conversation_id=conversation.pk))
    page = signed_in.get(url).content.decode()
    assert 'value="Re: Your path into UX"' in page
    assert 'value="follow-up" selected' in page


def test_let_go_asks_first_then_closes_as_no_response(signed_in, user, conversation, now):
    outreach.mark_sent(user, conversation.pk, {"kind": "request", "subject": "s", "body": "b"}, now)
    url = reverse("web:let_go", args=[conversation.pk])
    assert "Close as no response?" in signed_in.get(url).content.decode()
    conversation.refresh_from_db()
    assert conversation.stage == "requested"
    signed_in.post(url)
    conversation.refresh_from_db()
    assert (conversation.stage, conversation.close_reason) == ("closed", "no_response")


def test_try_another_starts_the_next_contact_and_opens_the_composer(
    signed_in, user, ana, conversation, now
):
    outreach.mark_sent(user, conversation.pk, {"kind": "request", "subject": "s", "body": "b"}, now)
    crm.create_contact(
        user, {"first_name": "Ben", "source": "other", "organization": ana.organization_id}
    )
    url = reverse("web:compose_next", args=[ana.organization_id])
    assert "Write to Ben" in signed_in.get(url).content.decode()
    response = signed_in.post(url)
    assert response.status_code == 302 and "/compose/" in response["Location"]
    assert Message.objects.count() == 1  # only Ana's request; nothing sent for Ben


def test_a_trashed_template_leaves_the_composer_and_can_be_restored(signed_in, user):
    outreach.list_templates(user)  # seeds the built-ins
    template = Template.objects.get(owner=user, builtin_key="update")
    signed_in.post(reverse("web:trash_move", args=["template", template.pk]))
    assert template not in outreach.list_templates(user)
    trash = signed_in.get(reverse("web:trash")).content.decode()
    assert "Update (stay in touch)" in trash
    signed_in.post(reverse("web:trash_restore", args=["template", template.pk]))
    assert template in outreach.list_templates(user)
    # Re-seeding never brings back a second copy.
    assert Template.objects.filter(owner=user, builtin_key="update").count() == 1


def test_the_profile_links_to_the_email_settings(signed_in):
    page = signed_in.get(reverse("web:profile")).content.decode()
    assert reverse("web:email_settings") in page


def test_the_composer_reads_the_same_number_of_queries_however_busy_the_organization(
    signed_in, user, ana, conversation, now
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("web:composer", args=[conversation.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(url).status_code == 200
        return len(captured)

    def add_waiting(count: int) -> None:
        for index in range(count):
            other = crm.create_contact(
                user,
                {"first_name": f"P{index}", "source": "other", "organization": ana.organization_id},
            )
            talk = conversations.start_conversation(user, {"contact": other.pk})
            outreach.mark_sent(user, talk.pk, {"kind": "request", "subject": "s", "body": "b"}, now)

    signed_in.get(url)  # seeds the templates
    add_waiting(1)
    one = queries()
    add_waiting(5)
    assert queries() == one


def test_a_refused_autosave_shows_what_was_posted_as_text_not_html(signed_in, conversation):
    url = reverse("web:composer_save", args=[conversation.pk])
    data = {"channel": "<img src=x onerror=alert(1)>", "kind": "request", "body": "Hi"}
    response = signed_in.post(url, data).content.decode()
    assert response.startswith("Not saved:")
    assert "<img" not in response and "&lt;img" in response

"""Who sees what: sign-in links work once, pages need a user, rows belong to their owner."""

from datetime import timedelta

from django.urls import reverse

from coffeechat.services.accounts.signin import create_sign_in_link
from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations


def test_pages_redirect_to_sign_in_without_a_user(client, db):
    response = client.get(reverse("web:contacts"))
    assert response.status_code == 302
    assert reverse("web:login") in response["Location"]


def test_a_sign_in_link_works_once(client, user, now):
    from django.utils import timezone

    secret = create_sign_in_link(user, timezone.now())
    first = client.get(reverse("web:sign_in_link", args=[secret]))
    assert first.status_code == 302
    assert client.get(reverse("web:profile")).status_code == 200
    client.logout()
    second = client.get(reverse("web:sign_in_link", args=[secret]))
    assert second.status_code == 403
    assert "used or has expired" in second.content.decode()


def test_an_expired_sign_in_link_is_refused(client, user):
    from django.utils import timezone

    secret = create_sign_in_link(user, timezone.now() - timedelta(minutes=16))
    assert client.get(reverse("web:sign_in_link", args=[secret])).status_code == 403


def test_another_users_rows_are_not_found(signed_in, outsider):
    org = crm.create_organization(outsider, {"name": "Secret Co", "motivation": 1, "posting": 1})
    contact = crm.create_contact(
        outsider, {"first_name": "Evelyn", "last_name": "Zzyzx", "source": "other"}
    )
    path = crm.create_career_path(outsider, {"title": "Spy", "status": "exploring"})
    conversation = conversations.start_conversation(outsider, {"contact": contact.pk})
    for url in [
        reverse("web:organization", args=[org.pk]),
        reverse("web:contact", args=[contact.pk]),
        reverse("web:contact_edit", args=[contact.pk]),
        reverse("web:path", args=[path.pk]),
        reverse("web:conversation", args=[conversation.pk]),
    ]:
        assert signed_in.get(url).status_code == 404, url
    response = signed_in.post(reverse("web:trash_move", args=["contact", contact.pk]))
    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.deleted_at is None
    assert "Zzyzx" not in signed_in.get(reverse("web:contacts")).content.decode()


def test_deleting_moves_to_the_trash_and_restore_brings_it_back(signed_in, user):
    contact = crm.create_contact(
        user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni"}
    )

    def listed() -> list[str]:
        return [c.name for c in signed_in.get(reverse("web:contacts")).context["page"].object_list]

    signed_in.post(reverse("web:trash_move", args=["contact", contact.pk]))
    assert listed() == []
    assert "Ana Ruiz" in signed_in.get(reverse("web:trash")).content.decode()
    signed_in.post(reverse("web:trash_restore", args=["contact", contact.pk]))
    assert listed() == ["Ana Ruiz"]


def test_the_trash_does_not_redirect_off_site(signed_in, user):
    contact = crm.create_contact(user, {"first_name": "Ana", "source": "alumni"})
    response = signed_in.post(
        reverse("web:trash_move", args=["contact", contact.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("web:contacts")  # the list it was in, not the link


def test_healthz_answers_without_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"

import pytest
from django.urls import reverse

from coffeechat.services.contacts import actions as crm
from coffeechat.services.conversations import actions as conversations

PAGES = [
    "web:profile",
    "web:paths",
    "web:organizations",
    "web:contacts",
    "web:conversations",
    "web:trash",
    "web:welcome",
]


@pytest.mark.parametrize("name", PAGES)
def test_each_main_page_renders_for_a_signed_in_user(signed_in, name):
    response = signed_in.get(reverse(name))
    assert response.status_code == 200
    assert b"<h1" in response.content


def test_detail_pages_render(signed_in, user, now):
    org = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    contact = crm.create_contact(
        user, {"first_name": "Ana", "last_name": "Ruiz", "source": "alumni", "organization": org.pk}
    )
    path = crm.create_career_path(user, {"title": "UX research", "status": "exploring"})
    conv = conversations.start_conversation(user, {"contact": contact.pk, "career_path": path.pk})
    for url in [
        reverse("web:organization", args=[org.pk]),
        reverse("web:contact", args=[contact.pk]),
        reverse("web:path", args=[path.pk]),
        reverse("web:conversation", args=[conv.pk]),
        reverse("web:today"),
    ]:
        response = signed_in.get(url)
        assert response.status_code == 200, url
    assert "Research Ana Ruiz" in signed_in.get(reverse("web:today")).content.decode()

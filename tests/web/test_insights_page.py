"""The Insights page: search box, filters, escaped snippets, themes, refusals."""

from django.urls import reverse

from coffeechat.core.models import CareerPath, Contact, Conversation, Note, Organization


def _note(user, text, tags=(), highlight=False, org="Acme"):
    organization = Organization.objects.create(owner=user, name=org)
    contact = Contact.objects.create(owner=user, first_name="Sam", organization=organization)
    conversation = Conversation.objects.create(owner=user, contact=contact)
    return Note.objects.create(
        owner=user, conversation=conversation, text=text, tags=list(tags), highlight=highlight
    )


def test_the_page_explains_what_appears_before_any_note_exists(signed_in):
    page = signed_in.get(reverse("web:insights")).content.decode()
    assert "No notes yet" in page
    assert "Tag your notes" in page


def test_a_search_shows_the_marked_snippet_with_user_html_escaped(signed_in, user):
    note = _note(user, "Learn <b>SQL</b> early & often", ["skills"])
    response = signed_in.get(reverse("web:insights"), {"q": "sql"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "&lt;b&gt;<mark>SQL</mark>&lt;/b&gt;" in page
    assert "<b>SQL" not in page
    assert reverse("web:conversation", args=[note.conversation_id]) in page
    assert "1 matching note" in page


def test_themes_link_to_the_tag_filter(signed_in, user):
    _note(user, "Culture is friendly", ["culture"])
    _note(user, "Culture again", ["culture", "remote"], org="Globex")
    page = signed_in.get(reverse("web:insights")).content.decode()
    assert "?tag=culture" in page and "2 notes" in page
    filtered = signed_in.get(reverse("web:insights"), {"tag": "remote"}).content.decode()
    assert "Culture again" in filtered and "Culture is friendly" not in filtered


def test_highlight_only_and_no_match_message(signed_in, user):
    _note(user, "A specific point", highlight=True)
    _note(user, "An ordinary remark")
    page = signed_in.get(reverse("web:insights"), {"highlight": "on"}).content.decode()
    assert "A specific point" in page and "An ordinary remark" not in page
    none = signed_in.get(reverse("web:insights"), {"q": "zebra"}).content.decode()
    assert "No note matches these filters" in none


def test_another_users_path_as_filter_is_refused_with_a_message(signed_in, outsider):
    theirs = CareerPath.objects.create(owner=outsider, title="Theirs")
    response = signed_in.get(reverse("web:insights"), {"path": theirs.pk})
    assert response.status_code == 400
    assert "These filters could not be used" in response.content.decode()


def test_awkward_query_renders(signed_in, user):
    _note(user, "Quotes and (parentheses)")
    for query in ['"(', "NEAR(", "a-", "*", "') OR 1=1 --"]:
        assert signed_in.get(reverse("web:insights"), {"q": query}).status_code == 200

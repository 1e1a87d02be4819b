"""The Import page: upload → (columns) → preview → confirm → undo, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.core.models import Contact, ImportBatch, Organization
from coffeechat.services.contacts import actions as crm
from tests.services.test_imports import made_up_name

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"


@pytest.fixture(autouse=True)
def own_data_dir(settings, tmp_path):
    """Uploads are stashed in the data directory: one per test keeps them apart."""
    settings.DATA_DIR = tmp_path


def upload(client, kind, name, data=None, follow=False):
    data = (SAMPLES / name).read_bytes() if data is None else data
    return client.post(
        reverse("web:import_upload"),
        {"kind": kind, "file": SimpleUploadedFile(name, data)},
        follow=follow,
    )


def test_the_import_page_is_in_the_navigation_and_lists_the_kinds(signed_in):
    page = signed_in.get(reverse("web:imports")).content.decode()
    assert '<a href="/import/" aria-current="page">Import</a>' in page
    for label in ("LinkedIn connections", "Google Contacts", "vCard", "Any CSV"):
        assert label in page
    assert f'href="{reverse("web:message_import")}"' in page  # messages.csv lives elsewhere


def test_upload_preview_confirm_and_undo_a_linkedin_file(signed_in, user):
    response = upload(signed_in, "linkedin", "linkedin_connections.csv")
    assert response.status_code == 302
    preview = signed_in.get(response.url).content.decode()
    assert "Preview: linkedin_connections.csv" in preview
    assert "Priya Raman" in preview and "Senior UX Researcher" in preview
    assert "Import 4 contacts" in preview
    assert not Contact.objects.exists()  # nothing saved before confirming

    token = response.url.rstrip("/").rsplit("/", 1)[-1]
    done = signed_in.post(reverse("web:import_confirm", args=[token]), follow=True)
    assert "Imported linkedin_connections.csv: 4 new, 0 updated" in done.content.decode()
    assert Contact.objects.for_user(user).count() == 4
    batch = ImportBatch.objects.get()
    assert "Undo…" in done.content.decode()

    confirm_page = signed_in.get(reverse("web:import_undo", args=[batch.pk])).content.decode()
    assert "Undo the import of linkedin_connections.csv?" in confirm_page
    assert Contact.objects.count() == 4  # the GET only asks
    undone = signed_in.post(reverse("web:import_undo", args=[batch.pk]), follow=True)
    assert "4 contacts removed" in undone.content.decode()
    assert not Contact.objects.exists() and not Organization.objects.exists()
    assert "undone" in undone.content.decode()


def test_a_confirmed_upload_cannot_be_confirmed_twice(signed_in):
    response = upload(signed_in, "linkedin", "linkedin_connections.csv")
    token = response.url.rstrip("/").rsplit("/", 1)[-1]
    signed_in.post(reverse("web:import_confirm", args=[token]))
    again = signed_in.post(reverse("web:import_confirm", args=[token]))
    assert again.status_code == 404
    assert Contact.objects.count() == 4


def test_another_users_upload_token_finds_nothing(signed_in, client, outsider):
    response = upload(signed_in, "linkedin", "linkedin_connections.csv")
    client.force_login(outsider)
    assert client.get(response.url).status_code == 404
    token = response.url.rstrip("/").rsplit("/", 1)[-1]
    assert client.post(reverse("web:import_confirm", args=[token])).status_code == 404
    assert not Contact.objects.exists()


def test_an_undo_of_another_users_batch_is_not_found(signed_in, client, outsider):
    response = upload(signed_in, "linkedin", "linkedin_connections.csv")
    signed_in.post(reverse("web:import_confirm", args=[response.url.split("/")[-2]]))
    client.force_login(outsider)
    batch = ImportBatch.objects.get()
    assert client.post(reverse("web:import_undo", args=[batch.pk])).status_code == 404
    assert Contact.objects.count() == 4


def test_a_binary_file_is_refused_with_a_clear_message(signed_in):
    page = upload(signed_in, "google", "contacts.xlsx", b"PK\x03\x04" + bytes(200), True)
    text = page.content.decode()
    assert "contacts.xlsx, line 1: this is a ZIP archive or an Excel workbook (.xlsx)" in text
    assert "Nothing was changed" in text
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_size_limit_is_refused_and_not_kept(signed_in, monkeypatch, tmp_path):
    monkeypatch.setattr("coffeechat.web.views.imports.MAX_UPLOAD_BYTES", 1024)
    page = upload(signed_in, "vcard", "big.vcf", b"x" * 2048, True).content.decode()
    assert "big.vcf is 2 KB; the limit is 1 KB. Split it into smaller files" in page
    assert list(tmp_path.rglob("*.bin")) == []


def test_a_generic_csv_asks_for_columns_with_a_guess(signed_in, user):
    data = b"Given,Family,E-mail,Employer,Shoe size\nAda,Lovelace,ada@x.org,Acme,38\n"
    response = upload(signed_in, "csv", "people.csv", data)
    assert "/columns/" in response.url
    page = signed_in.get(response.url).content.decode()
    assert '<option value="Given" selected>Given</option>' in page
    assert '<option value="Employer" selected>Employer</option>' in page
    assert "<dt>Shoe size</dt><dd>38</dd>" in page  # what each column holds
    mapped = signed_in.post(
        response.url, {"first_name": "Given", "last_name": "Family", "email": "E-mail",
                       "title": "Shoe size"},
    )  # fmt: skip
    preview = signed_in.get(mapped.url).content.decode()
    assert "Ada Lovelace" in preview and "38" in preview
    assert "Change which column is which" in preview
    signed_in.post(reverse("web:import_confirm", args=[mapped.url.split("/")[-2]]))
    ada = Contact.objects.for_user(user).get()
    assert (ada.title, ada.organization) == ("38", None)


def test_a_mapping_without_a_name_or_email_column_is_refused(signed_in):
    response = upload(signed_in, "csv", "people.csv", b"A,B\n1,2\n")
    page = signed_in.post(response.url, {"title": "A"}).content.decode()
    assert "Choose a column for the first name, the full name or the email." in page


def test_possible_duplicates_are_decided_per_row(signed_in, user):
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 0, "posting": 1})
    crm.create_contact(
        user, {"first_name": "Pria", "last_name": "Raman", "organization": acme.pk,
               "source": "other"},
    )  # fmt: skip
    response = upload(signed_in, "linkedin", "linkedin_connections.csv")
    preview = signed_in.get(response.url).content.decode()
    assert "possible duplicate" in preview and 'name="decision-5"' in preview
    signed_in.post(
        reverse("web:import_confirm", args=[response.url.split("/")[-2]]),
        {"decision-5": "new", "default_decision": "skip"},
    )
    assert Contact.objects.for_user(user).filter(last_name="Raman").count() == 2


def test_cancel_forgets_the_upload(signed_in):
    response = upload(signed_in, "vcard", "contacts.vcf")
    token = response.url.split("/")[-2]
    signed_in.post(reverse("web:import_cancel", args=[token]))
    assert signed_in.get(response.url).status_code == 404


@pytest.mark.parametrize("show", ["new", "problem"])
def test_the_preview_filters_rows_by_class(signed_in, show):
    data = b"First Name,Last Name,Email Address\nAda,L,ada@x.org\nBo,K,nope\n"
    response = upload(signed_in, "linkedin", "c.csv", data)
    page = signed_in.get(response.url + f"?show={show}").content.decode()
    assert ("Ada L" in page) == (show == "new")
    assert ("email &#x27;nope&#x27; is not an email address" in page) == (show == "problem")


def test_a_big_file_lists_the_first_rows_of_each_class(signed_in, monkeypatch):
    monkeypatch.setattr("coffeechat.services.data.page.ROWS_SHOWN_PER_CLASS", 2)
    rows = "".join(f"P{i},Q{i},p{i}@x.org\n" for i in range(5)) + "Bad,Row,nope\n" * 3
    response = upload(
        signed_in, "linkedin", "c.csv", f"First Name,Last Name,Email Address\n{rows}".encode()
    )
    page = signed_in.get(response.url).content.decode()
    assert page.count('class="row-new"') == 2 and page.count('class="row-problem"') == 2
    assert "…and 4 more rows not listed here" in page
    assert "Import 5 contacts" in page


def test_an_upload_without_a_kind_or_a_file_asks_for_it(signed_in):
    no_kind = signed_in.post(
        reverse("web:import_upload"),
        {"kind": "<x>", "file": SimpleUploadedFile("c.csv", b"a")},
        follow=True,
    )
    assert "Choose what kind of file this is." in no_kind.content.decode()
    no_file = signed_in.post(reverse("web:import_upload"), {"kind": "vcard"}, follow=True)
    assert "Choose a file to import." in no_file.content.decode()
    assert not ImportBatch.objects.exists()


def connections(count: int) -> bytes:
    rows = "".join(f"Ab{i:05x}cd,Ef{i:05x}gh,p{i}@x.org,Company {i % 7}\n" for i in range(count))
    return f"First Name,Last Name,Email Address,Company\n{rows}".encode()


def test_the_preview_page_costs_the_same_queries_for_50_or_500_rows(signed_in):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (50, 500):
        response = upload(signed_in, "linkedin", "c.csv", connections(size))
        with CaptureQueriesContext(connection) as queries:
            page = signed_in.get(response.url)
        assert page.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.fixture
def many_possible_duplicates(user):
    """250 people already at Acme with no email; the file has each again with one."""
    from coffeechat.services.data.page import DECISIONS_PER_PAGE

    acme = crm.create_organization(user, {"name": "Acme", "motivation": 0, "posting": 1})
    names = [made_up_name(i) for i in range(DECISIONS_PER_PAGE * 2 + 50)]
    for name in names:
        crm.create_contact(
            user,
            {"first_name": name, "last_name": "Lee", "organization": acme.pk, "source": "other"},
        )
    rows = "".join(f"{name},Lee,{name.lower()}@x.org,Acme\n" for name in names)
    return names, f"First Name,Last Name,Email Address,Company\n{rows}".encode()


def test_possible_duplicates_are_decided_a_page_at_a_time_and_every_choice_is_kept(
    signed_in, user, many_possible_duplicates
):
    names, data = many_possible_duplicates
    token = upload(signed_in, "linkedin", "c.csv", data).url.split("/")[-2]
    preview = reverse("web:import_preview", args=[token])
    decide = reverse("web:import_decide", args=[token])

    first = signed_in.get(preview).content.decode()
    # 250 rows to decide, 100 on a page: a form Django accepts (it refuses 1,000 fields).
    assert first.count('name="decision-') == 100
    assert "Possible duplicates 1–100 of 250" in first
    # Line 2 is the first row: import it as new, then move on to the next page.
    moved = signed_in.post(decide, {"decision-2": "new", "go": "2"})
    assert moved.status_code == 302 and moved.url.endswith("page=2")
    second = signed_in.get(moved.url).content.decode()
    assert "Possible duplicates 101–200 of 250" in second and 'name="decision-2"' not in second
    back = signed_in.get(preview + "?page=1").content.decode()
    assert '<option value="new" selected>import as new</option>' in back

    # Confirm from the last page, choosing the last row too; the rest are skipped.
    signed_in.post(
        reverse("web:import_confirm", args=[token]),
        {"decision-251": "new", "default_decision": "skip", "page": "3"},
    )

    lees = Contact.objects.for_user(user).filter(last_name="Lee")
    assert lees.count() == len(names) + 2
    assert lees.filter(first_name=names[0]).count() == 2
    assert lees.filter(first_name=names[-1]).count() == 2
    assert lees.filter(first_name=names[1]).count() == 1


def test_a_new_column_mapping_forgets_the_choices_made_for_the_old_rows(signed_in, user, settings):
    from coffeechat.services.data import import_stash

    token = import_stash.stash_upload(user, "csv", "c.csv", b"First,Email\nAna,a@x.org\n")
    import_stash.save_decisions(user, token, {2: "new"})
    import_stash.save_mapping(user, token, {"first_name": "First"})
    assert import_stash.load_upload(user, token).decisions == {}

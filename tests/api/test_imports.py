"""POST /api/v1/imports/{kind}: the CLI's per-row report over HTTP; batches and undo."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.core.models import Contact

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"


def post_file(api, kind, name, data=None, **fields):
    data = (SAMPLES / name).read_bytes() if data is None else data
    return api.client.post(
        f"/api/v1/imports/{kind}",
        {"file": SimpleUploadedFile(name, data), **fields},
        headers=api.headers,
    )


def test_a_linkedin_file_is_imported_with_a_row_report(api, user):
    response = post_file(api, "linkedin", "linkedin_connections.csv")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["dry_run"]) == (4, False)
    assert body["rows"][0] | {"matches_contact": None} == {
        "line": 5, "class": "new", "reason": "not in your contacts yet", "name": "Priya Raman",
        "email": "", "organization": "Acme, Inc.", "title": "Senior UX Researcher",
        "possible_duplicate": False, "matches_contact": None, "fills": [], "job_change": None,
        "warnings": [],
    }  # fmt: skip
    assert Contact.objects.for_user(user).count() == 4


def test_a_dry_run_over_the_api_writes_nothing(api):
    body = post_file(api, "vcard", "contacts.vcf", dry_run="true").json()
    assert (body["created"], body["batch"], body["dry_run"]) == (3, None, True)
    assert not Contact.objects.exists()


def test_a_generic_csv_takes_a_map(api, user):
    body = post_file(
        api, "csv", "generic.csv", map="first_name=Given,last_name=Family,email=Mail"
    ).json()
    assert body["created"] == 2
    assert Contact.objects.for_user(user).filter(last_name="Lovelace").exists()


def test_an_unreadable_file_is_a_422_naming_the_line(api):
    response = post_file(api, "linkedin", "c.csv", b'First Name,Last Name\n"Ada,L\n')
    assert response.status_code == 422
    assert response.json()["errors"]["file"] == [
        'line 2: a quoted cell starting on this line is never closed (a missing ")'
    ]
    assert not Contact.objects.exists()


def test_an_unknown_kind_is_a_422(api):
    response = post_file(api, "excel", "linkedin_connections.csv")
    assert response.status_code == 422
    assert "is not an import kind" in response.json()["errors"]["kind"][0]


def test_batches_are_listed_and_undone(api, user):
    batch = post_file(api, "linkedin", "linkedin_connections.csv").json()["batch"]
    listed = api.get("/imports/batches").json()
    assert [(b["id"], b["created_count"], b["undone_at"]) for b in listed] == [(batch, 4, None)]
    undone = api.post(f"/imports/batches/{batch}/undo").json()
    assert (undone["removed"], undone["kept"]) == (4, 0)
    assert not Contact.objects.exists()
    again = api.post(f"/imports/batches/{batch}/undo")
    assert again.status_code == 422


def test_another_users_batch_is_not_found(api, outsider, client):
    from coffeechat.services.accounts.signin import create_api_token

    batch = post_file(api, "linkedin", "linkedin_connections.csv").json()["batch"]
    other = {"Authorization": f"Bearer {create_api_token(outsider)}"}
    response = client.post(f"/api/v1/imports/batches/{batch}/undo", headers=other)
    assert response.status_code == 404
    assert Contact.objects.count() == 4


def test_importing_needs_authentication(client):
    response = client.post("/api/v1/imports/linkedin", {"file": SimpleUploadedFile("c.csv", b"x")})
    assert response.status_code == 401

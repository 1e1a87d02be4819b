"""The Import page with a known person who moved."""

from __future__ import annotations

from tests.services.test_job_change import _file, ana  # noqa: F401


def test_the_import_page_offers_the_job_changes_and_leaves_them_out_when_unticked(
    signed_in,
    user,
    ana,  # noqa: F811
    settings,
    tmp_path,
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.DATA_DIR = tmp_path
    data = _file("Globex", "Senior Data Analyst")

    def preview():
        file = SimpleUploadedFile("Connections.csv", data)
        uploaded = signed_in.post(reverse("web:import_upload"), {"kind": "linkedin", "file": file})
        return uploaded.url.split("/")[-2], signed_in.get(uploaded.url).content.decode()

    token, page = preview()
    assert "1 job change" in page and 'name="job_changes" checked' in page
    assert "now Senior Data Analyst at Globex (was Data Analyst at Acme)" in page
    signed_in.post(reverse("web:import_confirm", args=[token]), {})  # unticked
    ana.refresh_from_db()
    assert ana.organization.name == "Acme"

    token, _ = preview()
    signed_in.post(reverse("web:import_confirm", args=[token]), {"job_changes": "on"})
    ana.refresh_from_db()
    assert (ana.organization.name, ana.title) == ("Globex", "Senior Data Analyst")

"""Each parser on realistic sample files: what a person would see after importing."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path

import pytest

from coffeechat.importers import fields, generic_csv
from coffeechat.importers.base import ImportFileError, neutralise_cell
from coffeechat.importers.fields import organization_key
from coffeechat.importers.generic_csv import guess_mapping, parse_generic_csv
from coffeechat.importers.google import parse_google
from coffeechat.importers.linkedin import parse_linkedin
from coffeechat.importers.vcard import parse_vcard

SAMPLES = Path(__file__).resolve().parent / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def by_first_name(result):
    return {record.first_name: record for record in result.records}


# (file, parser, first name, attribute, expected)
EXPECTED = [
    ("linkedin_connections.csv", parse_linkedin, "Priya", "line", 5),
    ("linkedin_connections.csv", parse_linkedin, "Priya", "emails", ()),
    ("linkedin_connections.csv", parse_linkedin, "Priya", "organization", "Acme, Inc."),
    ("linkedin_connections.csv", parse_linkedin, "Priya", "connected_on", date(2024, 3, 12)),
    ("linkedin_connections.csv", parse_linkedin, "Priya", "source", "linkedin"),
    ("linkedin_connections.csv", parse_linkedin, "Tomás", "last_name", "O'Neill"),
    ("linkedin_connections.csv", parse_linkedin, "Tomás", "title", "Product Manager, Growth"),
    ("linkedin_connections.csv", parse_linkedin, "Sam", "title", 'Data Analyst "Insights" team'),
    ("linkedin_connections.csv", parse_linkedin, "Mei", "emails", ("mei.chen@example.com",)),
    (
        "linkedin_connections.csv",
        parse_linkedin,
        "Mei",
        "linkedin_url",
        "https://www.linkedin.com/in/mei-chen-42",
    ),
    ("linkedin_six_columns.csv", parse_linkedin, "Jordan", "emails", ("jordan@example.net",)),
    ("linkedin_six_columns.csv", parse_linkedin, "Jordan", "linkedin_url", ""),
    ("linkedin_six_columns.csv", parse_linkedin, "Ava", "connected_on", date(2020, 9, 1)),
    ("linkedin_six_columns.csv", parse_linkedin, "Ava", "line", 6),
    (
        "google_contacts.csv",
        parse_google,
        "Grace",
        "emails",
        ("grace@navy.example", "g.hopper@example.org", "grace@home.example"),
    ),
    ("google_contacts.csv", parse_google, "Grace", "birthday", "--12-09"),
    ("google_contacts.csv", parse_google, "Grace", "labels", ("Alumni",)),
    ("google_contacts.csv", parse_google, "Grace", "notes",
     "Met at the COBOL meetup.\nLoves nanoseconds."),
    ("google_contacts.csv", parse_google, "Grace", "phone", "+1 202 555 0100"),
    ("google_contacts.csv", parse_google, "Grace", "title", "Rear Admiral"),
    ("google_contacts.csv", parse_google, "Grace", "linkedin_url", "https://www.linkedin.com/in/gracehopper"),
    ("google_contacts.csv", parse_google, "Alan", "line", 4),  # Grace's notes span two lines
    ("google_contacts.csv", parse_google, "Alan", "labels", ()),  # * starred is Google's own
    ("google_contacts.csv", parse_google, "hr", "organization", "Initech"),
    ("google_legacy_utf16.csv", parse_google, "Renée", "organization", "Société Générale"),
    ("google_legacy_utf16.csv", parse_google, "Renée", "labels", ("Friends",)),
    ("google_legacy_utf16.csv", parse_google, "Renée", "birthday", "1988-04-02"),
    ("google_legacy_utf16.csv", parse_google, "Kenji", "linkedin_url", "https://linkedin.com/in/kenji-w"),
    ("contacts.vcf", parse_vcard, "Jürgen", "last_name", "Müller"),
    ("contacts.vcf", parse_vcard, "Jürgen", "notes",
     "Kennt viele Leute in der Forschung.\nZweite Zeile, die sehr lang ist und umgebrochen wurde."),
    ("contacts.vcf", parse_vcard, "Jürgen", "organization", "Siemens AG"),
    ("contacts.vcf", parse_vcard, "Maya", "line", 16),
    ("contacts.vcf", parse_vcard, "Maya", "organization", "Acme, Inc."),
    ("contacts.vcf", parse_vcard, "Maya", "emails", ("maya@acme.example", "maya@home.example")),
    ("contacts.vcf", parse_vcard, "Maya", "labels", ("Alumni", "Mentors")),
    ("contacts.vcf", parse_vcard, "Maya", "location", "Springfield, IL, USA"),
    ("contacts.vcf", parse_vcard, "Maya", "notes",
     "Folded note that goes on and on and on and on and on and on and on and "
     "continues on the next line."),
    ("contacts.vcf", parse_vcard, "Wei", "birthday", "--03-14"),
    ("contacts.vcf", parse_vcard, "Wei", "phone", "+86 10 5555 0100"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "parser", "first", "attribute", "expected"), EXPECTED)
def test_sample_files_read_as_a_person_expects(name, parser, first, attribute, expected):
    records = by_first_name(parser(sample(name)))
    assert getattr(records[first], attribute) == expected


@pytest.mark.parametrize(
    ("name", "parser", "count"),
    [
        ("linkedin_connections.csv", parse_linkedin, 4),
        ("linkedin_six_columns.csv", parse_linkedin, 2),
        ("google_contacts.csv", parse_google, 3),
        ("google_legacy_utf16.csv", parse_google, 2),
        ("contacts.vcf", parse_vcard, 3),
    ],
)
def test_every_row_of_a_sample_is_read_without_problems(name, parser, count):
    result = parser(sample(name))
    assert (len(result.records), result.problems) == (count, [])


def test_the_embedded_photo_is_ignored():
    records = parse_vcard(sample("contacts.vcf")).records
    assert all("/9j/" not in repr(record) for record in records)


def test_a_generic_csv_with_an_explicit_mapping():
    mapping = {"first_name": "Given", "last_name": "Family", "email": "Mail",
               "organization": "Employer", "labels": "Tags", "notes": "Comments"}  # fmt: skip
    ada, charles = parse_generic_csv(sample("generic.csv"), mapping).records
    assert (ada.name, ada.labels, ada.notes) == (
        "Ada Lovelace",
        ("alumni", "math"),
        "=Met at the Royal Society",
    )
    assert charles.notes == "+1 said hello"
    assert organization_key(ada.organization) == organization_key(charles.organization)


@pytest.mark.parametrize(
    "value", ["=SUM(A1)", "+1 555 0100", "-5", "@here", "\tindent", "'quoted", "plain"]
)
def test_neutralised_cells_of_an_export_import_back_exactly(value):
    cell = '"' + neutralise_cell(value).replace('"', '""') + '"'
    data = f"first_name,notes\nAda,{cell}\n".encode()
    assert parse_generic_csv(data).records[0].notes == value.strip()


def test_the_mapping_is_guessed_from_header_names():
    header = ["First Name", "Last Name", "Email", "Company", "Job Title", "LinkedIn", "Tags"]
    assert guess_mapping(header) == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "email": "Email",
        "organization": "Company",
        "title": "Job Title",
        "linkedin_url": "LinkedIn",
        "labels": "Tags",
    }


def test_a_full_name_column_is_split_at_the_first_space():
    result = parse_generic_csv(b"Full Name,E-mail\nMary Ann Evans,m@x.org\n")
    assert (result.records[0].first_name, result.records[0].last_name) == ("Mary", "Ann Evans")


def test_a_row_without_name_or_email_is_a_problem_naming_its_line():
    result = parse_generic_csv(b"name,email\nAda,a@x.org\n,\n  ,  \nBo,\n,,x\n")
    assert [r.name for r in result.records] == ["Ada", "Bo"]
    assert [str(p) for p in result.problems] == [
        "line 6: has 3 cells but the header has 2 (an unquoted comma inside a cell?)"
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Acme, Inc.", "Acme Inc"), ("ACME", "Acme Corp."), ("Globex LLC", "globex"),
     ("Société Générale S.A.", "Societe Generale"), ("Procter & Gamble", "Procter and Gamble")],
)  # fmt: skip
def test_organization_names_that_mean_the_same_employer_match(a, b):
    assert organization_key(a) == organization_key(b)


def test_different_employers_stay_apart():
    assert organization_key("Acme") != organization_key("Acme Labs")


def test_a_mapping_to_a_missing_column_names_the_columns():
    with pytest.raises(ImportFileError) as caught:
        parse_generic_csv(sample("generic.csv"), {"email": "Courriel"})
    assert caught.value.line == 1
    assert (
        "'Courriel', which is not in the header (columns: 'Given', 'Family'" in caught.value.message
    )


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_csv_with_semicolons_or_tabs_is_read_too(separator):
    text = separator.join(["Vorname", "Nachname", "E-Mail", "Firma"]) + "\r\n"
    text += separator.join(["Jürgen", "Müller", "j@example.de", '"Acme; Inc"']) + "\r\n"
    mapping = {"first_name": "Vorname", "last_name": "Nachname", "email": "E-Mail",
               "organization": "Firma"}  # fmt: skip
    record = parse_generic_csv(text.encode("utf-8-sig"), mapping).records[0]
    assert (record.name, record.emails, record.organization) == (
        "Jürgen Müller",
        ("j@example.de",),
        "Acme; Inc",
    )


def zipped(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_linkedins_zip_archive_is_read_without_unpacking_it_first():
    archive = zipped({
        "Basic_LinkedInDataExport_11-21-2026/Messages.csv": b"x,y\n",
        "Basic_LinkedInDataExport_11-21-2026/Connections.csv": sample("linkedin_connections.csv"),
    })  # fmt: skip
    assert [r.first_name for r in parse_linkedin(archive).records] == [
        "Priya", "Tomás", "Sam", "Mei"
    ]  # fmt: skip


def test_a_zip_without_connections_is_refused():
    with pytest.raises(ImportFileError, match="holds no Connections.csv"):
        parse_linkedin(zipped({"Profile.csv": b"a,b\n"}))


def test_a_zip_bomb_is_refused_before_inflating():
    archive = zipped({"Connections.csv": b"\n" * (51 * 1024 * 1024)})
    assert len(archive) < 200_000
    with pytest.raises(ImportFileError, match="larger than 50 MB"):
        parse_linkedin(archive)


def test_the_columns_only_coffeechats_export_has_are_read_back():
    data = (
        b"first_name,connection,time_zone,cadence_days,do_not_contact\n"
        b"Ada,Met at the Royal Society,Europe/London,45,true\n"
        b"Bo,,Mars/Olympus,0,maybe\n"
    )
    ada, bo = parse_generic_csv(data).records
    assert (ada.connection, ada.time_zone, ada.cadence_days, ada.do_not_contact) == (
        "Met at the Royal Society",
        "Europe/London",
        45,
        True,
    )
    assert (bo.time_zone, bo.cadence_days, bo.do_not_contact) == ("", None, False)
    assert bo.warnings == (
        "time zone 'Mars/Olympus' is not an IANA time zone; left empty",
        "stay in touch every: '0' is not a number of days from 1 to 365; left out",
        "do not contact: 'maybe' is not yes or no; left out",
    )


@pytest.mark.parametrize("module", [fields, generic_csv], ids=lambda m: m.__name__)
def test_the_docstring_examples_hold(module):
    assert doctest.testmod(module).failed == 0

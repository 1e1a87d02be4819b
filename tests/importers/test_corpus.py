"""Malformed and hostile files: each is refused with its line and the problem, or read
correctly; either way a refused file changes nothing in the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.apps import apps

from coffeechat.importers.base import ImportFileError
from coffeechat.services.contacts import actions as crm
from coffeechat.services.data.import_kinds import KINDS
from coffeechat.services.data.imports import commit_import
from coffeechat.services.errors import InvalidInput

CORPUS = Path(__file__).resolve().parent / "corpus"

# file -> (kind, the message the person sees, the line it names or None for the whole file)
REFUSED = {
    "empty.csv": ("linkedin", "the file is empty", None),
    "blank_lines_only.csv": ("linkedin", "the file is empty", None),
    "excel_workbook_renamed.csv": ("google", "this is a ZIP archive or an Excel workbook", 1),
    "damaged_zip.csv": ("linkedin", "this ZIP archive is damaged and cannot be opened", 1),
    "old_excel_renamed.csv": ("google", "this is an old Excel workbook (.xls)", 1),
    "png_renamed.csv": ("csv", "this is a PNG image, not a text file", 1),
    "jpeg_renamed.vcf": ("vcard", "this is a JPEG image, not a text file", 1),
    "pdf_renamed.vcf": ("vcard", "this is a PDF document, not a text file", 1),
    "gzip_renamed.csv": ("linkedin", "this is a gzip archive", 1),
    "sqlite_renamed.csv": ("google", "this is an SQLite database", 1),
    "nul_bytes.csv": ("linkedin", "the file holds a NUL byte", 3),
    "windows_1252.csv": ("linkedin", "byte 0xE9 is not UTF-8", 3),
    "truncated_utf8.csv": ("linkedin", "byte 0xC3 is not UTF-8", 3),
    "utf16_damaged.csv": ("linkedin", "looks like UTF-16 but is damaged here", 3),
    "utf16_with_nul.csv": ("linkedin", "the file holds a NUL character", 2),
    "linkedin_no_header.csv": (
        "linkedin",
        "no header line with 'First Name' and 'Last Name' found in the first 50 lines",
        None,
    ),
    "linkedin_notes_only.csv": ("linkedin", "no header line with 'First Name'", None),
    "linkedin_header_too_late.csv": ("linkedin", "found in the first 50 lines", None),
    "linkedin_duplicated_column.csv": (
        "linkedin",
        "the column 'Email Address' appears twice in the header",
        1,
    ),
    "linkedin_header_only.csv": ("linkedin", "the header is there but no connection follows", 3),
    "unterminated_quote.csv": (
        "linkedin",
        "a quoted cell starting on this line is never closed",
        3,
    ),
    "stray_quote.csv": ("linkedin", "a quoted cell is followed by more text", 2),
    "google_given_linkedin_file.csv": ("google", "this is not a Google Contacts export", 1),
    "google_duplicated_column.csv": ("google", "the column 'Labels' appears twice", 1),
    "google_header_only.csv": ("google", "the header is there but no contact follows it", 1),
    "vcard_without_end.vcf": ("vcard", "the card starting on this line has no END:VCARD", 1),
    "vcard_second_card_without_end.vcf": (
        "vcard",
        "the card starting on line 5 has no END:VCARD before this BEGIN:VCARD",
        8,
    ),
    "vcard_end_without_begin.vcf": ("vcard", "END:VCARD without a BEGIN:VCARD", 3),
    "vcard_given_a_csv.vcf": ("vcard", "text outside a card", 1),
    "vcard_text_between_cards.vcf": ("vcard", "text outside a card", 5),
    "csv_header_without_names.csv": ("csv", "no column is chosen for a name or an email", 2),
    "csv_duplicated_header.csv": ("csv", "the column 'Name' appears twice in the header", 1),
    "csv_no_name_or_email_column.csv": ("csv", "no column is chosen for a name or an email", 1),
    "csv_header_only.csv": ("csv", "the header is there but no row follows it", 1),
}

# Hostile but readable: file -> (kind, records, problems).
READ = {
    "ok_utf16le_without_bom.csv": ("linkedin", 1, 0),
    "ok_utf16be_without_bom.csv": ("linkedin", 1, 0),
    "ok_formula_cells.csv": ("linkedin", 1, 0),
    "ok_html_in_names.vcf": ("vcard", 1, 0),
    "ok_lowercase_begin.vcf": ("vcard", 1, 0),
    "ok_overlong_name.csv": ("linkedin", 2, 0),
    "ok_too_many_cells.csv": ("linkedin", 1, 1),
    "ok_cr_line_endings.csv": ("linkedin", 1, 0),
    "ok_card_without_name.vcf": ("vcard", 1, 1),
    "ok_bad_dates.csv": ("linkedin", 2, 0),
}


def test_the_corpus_is_complete_and_every_file_is_in_a_table():
    files = {path.name for path in CORPUS.iterdir()}
    assert files == set(REFUSED) | set(READ)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_is_refused_naming_the_line_and_the_problem(name):
    kind, message, line = REFUSED[name]
    with pytest.raises(ImportFileError) as caught:
        KINDS[kind].parse((CORPUS / name).read_bytes(), None)
    assert message in caught.value.message
    assert caught.value.line == line
    if line is not None:
        assert str(caught.value).startswith(f"line {line}: ")


@pytest.mark.parametrize("name", sorted(READ))
def test_a_hostile_but_readable_file_is_read(name):
    kind, records, problems = READ[name]
    result = KINDS[kind].parse((CORPUS / name).read_bytes(), None)
    assert (len(result.records), len(result.problems)) == (records, problems)


def test_formula_cells_stay_text_and_markup_stays_literal():
    formula = KINDS["linkedin"].parse((CORPUS / "ok_formula_cells.csv").read_bytes(), None)
    record = formula.records[0]
    assert record.first_name == '=HYPERLINK("http://evil.example","click")'
    assert (record.last_name, record.organization, record.title) == ("+SUM(A1)", "@Acme", "-2+3")
    markup = KINDS["vcard"].parse((CORPUS / "ok_html_in_names.vcf").read_bytes(), None)
    assert markup.records[0].last_name == "<script>alert(1)</script>"


def test_a_ten_megabyte_cell_is_refused_with_its_line():
    data = b"First Name,Last Name\nAda,L\nBob," + b"x" * (10 * 1024 * 1024) + b"\n"
    with pytest.raises(ImportFileError) as caught:
        KINDS["linkedin"].parse(data, None)
    assert str(caught.value) == (
        "line 3: a cell is longer than 131,072 characters; is this the right file?"
    )


def test_a_million_rows_are_refused_at_the_row_limit_without_reading_them_all():
    data = b"First Name,Last Name\n" + b"Ada,L\n" * 1_000_000
    with pytest.raises(ImportFileError) as caught:
        KINDS["linkedin"].parse(data, None)
    assert caught.value.message == "the file has more than 50,000 rows; split it into smaller files"
    assert caught.value.line == 50_002


def test_a_file_over_fifty_megabytes_is_refused():
    with pytest.raises(ImportFileError, match="larger than 50 MB"):
        KINDS["csv"].parse(b"a" * (50 * 1024 * 1024 + 1), None)


def database_fingerprint() -> str:
    """A hash of every row of every coffeechat table (and the users)."""
    digest = hashlib.sha256()
    models = [*apps.get_app_config("core").get_models(), apps.get_model("auth", "User")]
    for model in sorted(models, key=lambda m: m._meta.label):
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_file_changes_nothing_in_the_database(user, name):
    acme = crm.create_organization(user, {"name": "Acme", "motivation": 2, "posting": 1})
    crm.create_contact(
        user,
        {"first_name": "Ada", "email": "ada@x.org", "organization": acme.pk, "source": "other"},
    )
    before = database_fingerprint()
    kind, message, _line = REFUSED[name]
    with pytest.raises(InvalidInput) as caught:
        commit_import(user, kind, (CORPUS / name).read_bytes(), filename=name)
    assert message in caught.value.errors["file"][0]
    assert database_fingerprint() == before

"""Imports refuse a file that is too big, too long, not what its name says, with
the wrong columns, or with a duplicate row: one plain sentence each, naming the
row where there is one, in the admin (DEBUG off) and from `import_programme`."""

import io
import re
import zipfile

import pytest
import tablib
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from partnerships import imports
from partnerships.models import Area
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,name,region,local_authority,phase\n"


def areas_csv(rows: int, slug: str = "area") -> bytes:
    lines = (
        f"{slug}-{n},Area {n},North West,Borough,Consolidating\n" for n in range(rows)
    )
    return (HEADER + "".join(lines)).encode()


def areas_xlsx(rows: int) -> bytes:
    return imports.dump(imports.load(areas_csv(rows), "csv"), "xlsx")


def refusal(content: bytes, fmt: str) -> str:
    with pytest.raises(imports.ImportRefused) as refused:
        imports.load(content, fmt)
    return str(refused.value)


def test_the_limits_are_two_megabytes_and_five_thousand_rows_by_default():
    assert settings.IMPORT_MAX_BYTES == 2 * 1024 * 1024
    assert settings.IMPORT_MAX_ROWS == 5000


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(
    settings, monkeypatch
):
    settings.IMPORT_MAX_BYTES = 1000
    monkeypatch.setattr(tablib.Dataset, "load", pytest.fail)
    message = refusal(areas_csv(50), "csv")
    assert re.match(r"The file is [\d.]+\xa0KB; the most an import takes is", message)
    assert message.endswith("1000\xa0bytes. Split it into smaller files.")


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_a_file_with_too_many_rows_is_refused_before_it_is_parsed(
    fmt, settings, monkeypatch
):
    content = areas_csv(4) if fmt == "csv" else areas_xlsx(4)
    settings.IMPORT_MAX_ROWS = 3
    monkeypatch.setattr(tablib.Dataset, "load", pytest.fail)
    assert "more than 3 rows, the most an import takes" in refusal(content, fmt)


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_a_file_at_the_row_limit_is_read(fmt, settings):
    content = areas_csv(3) if fmt == "csv" else areas_xlsx(3)
    settings.IMPORT_MAX_ROWS = 3
    assert len(imports.load(content, fmt)) == 3


def test_a_file_called_xlsx_that_is_not_a_workbook_gets_a_plain_message():
    assert "is called .xlsx but is not an Excel workbook" in refusal(
        areas_csv(1), "xlsx"
    )


def test_a_damaged_workbook_gets_a_plain_message():
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "could not be read: it may be damaged" in refusal(broken.getvalue(), "xlsx")


def test_a_csv_that_is_not_utf8_gets_a_plain_message():
    assert "not a CSV file in UTF-8" in refusal("slug\ncafé\n".encode("cp1252"), "csv")


def test_a_wrong_set_of_columns_is_named_and_nothing_is_read():
    dataset = imports.load(b"slug,name,colour\nx,X,blue\n", "csv")
    report = imports.run_import("areas", dataset, dry_run=False)
    assert report.errors == [
        "The file: The first row does not have the columns of areas (missing "
        "“region”, “local_authority”, “phase”; not expected “colour”). It must "
        "be: slug, name, region, local_authority, phase."
    ]
    assert not Area.objects.exists()


def test_a_duplicate_row_is_named_by_its_number():
    content = areas_csv(2) + b"area-0,Again,North West,Borough,Consolidating\n"
    report = imports.run_import("areas", imports.load(content, "csv"), dry_run=False)
    assert report.errors == [
        "Row 3: A row with the same slug is already in row 1 of this file."
    ]
    assert not Area.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("big.csv", areas_csv(200), "the most an import takes is"),
        ("fake.xlsx", areas_csv(1), "is called .xlsx but is not an Excel workbook"),
        ("columns.csv", b"slug,colour\nx,blue\n", "does not have the columns"),
        ("twice.csv", areas_csv(1) + areas_csv(1)[len(HEADER) :], "Row 2: A row"),
    ],
)
def test_the_command_exits_non_zero_with_a_plain_message(
    tmp_path, settings, name, content, expected
):
    settings.IMPORT_MAX_BYTES = 5000
    path = tmp_path / name
    path.write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_programme", "areas", str(path), stderr=err)
    said = f"{failed.value}\n{err.getvalue()}"
    assert expected in said
    assert str(tmp_path) not in said
    assert "Traceback" not in said
    assert not Area.objects.exists()


def admin_import(client, name: str, content: bytes) -> str:
    upload = io.BytesIO(content)
    upload.name = name
    fmt = "1" if name.endswith(".xlsx") else "0"
    page = client.post(
        reverse("admin:partnerships_area_import"),
        {"import_file": upload, "format": fmt, "resource": "0"},
    )
    assert page.status_code == 200
    return page.content.decode()


@override_settings(DEBUG=False, IMPORT_MAX_BYTES=5000)
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("big.csv", areas_csv(200), "the most an import takes is"),
        ("fake.xlsx", areas_csv(1), "is called .xlsx but is not an Excel workbook"),
        ("columns.csv", b"slug,colour\nx,blue\n", "missing “name”"),
        (
            "twice.csv",
            areas_csv(1) + areas_csv(1)[len(HEADER) :],
            "A row with the same slug is already in row 1 of this file.",
        ),
    ],
)
def test_the_admin_shows_a_plain_message_never_a_traceback_or_a_path(
    client, name, content, expected
):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = admin_import(client, name, content)
    assert expected in html
    assert "Traceback" not in html
    assert "encountered while trying to read file" not in html
    assert not re.search(r"(/tmp/|/home/|site-packages|\.py\b)", html)
    assert not Area.objects.exists()


def test_the_admin_offers_only_csv_and_xlsx(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:partnerships_area_import")).content.decode()
    offered = re.findall(r'<option value="\d+">(\w+)</option>', page)
    assert offered == ["csv", "xlsx"]

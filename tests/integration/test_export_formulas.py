"""Every export defuses a cell a spreadsheet would run as a formula: the admin's
export and `import_programme --export` (CSV and XLSX) as well as the review and
area CSVs, through one function; and an exported file imports back unchanged."""

import io
import re

import pytest
import tablib
from django.core.management import call_command
from django.urls import reverse

from partnerships import imports
from partnerships.models import Organisation
from tests.factories import AppointmentFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/","Shepton")'


@pytest.fixture
def evil_names() -> None:
    appointment = AppointmentFactory(organisation__name=EVIL)
    appointment.partnership.name = EVIL
    appointment.partnership.save()


def names_in(content: bytes, fmt: str) -> list[str]:
    return [str(name) for name in imports.load(content, fmt)["name"]]


def cells_of_xlsx(content: bytes) -> list[object]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_import_programme_export_defuses_formulas(tmp_path, evil_names, fmt):
    for kind in ("partnerships", "organisations"):
        path = tmp_path / f"{kind}.{fmt}"
        call_command("import_programme", kind, str(path), "--export")
        assert names_in(path.read_bytes(), fmt) == ["'" + EVIL]
        if fmt == "xlsx":
            cells = cells_of_xlsx(path.read_bytes())
            assert EVIL not in cells
            assert not any(str(c).startswith("=") for c in cells if c is not None)


def admin_export(client, model: str, fmt: str) -> bytes:
    url = reverse(f"admin:partnerships_{model}_export")
    form = client.get(url).content.decode()
    fields = re.findall(r'type="checkbox" name="([^"]+)"', form)
    data = {"format": fmt, "resource": "0", **{name: "on" for name in fields}}
    reply = client.post(url, data)
    assert reply.status_code == 200, reply.content[:500]
    return reply.content


@pytest.mark.parametrize(("fmt", "index"), [("csv", "0"), ("xlsx", "1")])
def test_the_admins_export_defuses_formulas(client, evil_names, fmt, index):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for model in ("partnership", "organisation"):
        content = admin_export(client, model, index)
        assert names_in(content, fmt) == ["'" + EVIL]


def test_an_exported_file_imports_back_unchanged():
    OrganisationFactory(name=EVIL)
    exported = imports.dump(imports.export("organisations"), "csv")
    Organisation.objects.all().delete()
    report = imports.run_import(
        "organisations", imports.load(exported, "csv"), dry_run=False
    )
    assert report.errors == []
    assert Organisation.objects.get().name == EVIL


def test_cells_that_are_not_text_are_exported_as_they_are(evil_names):
    dataset = imports.export("partnerships")
    assert isinstance(dataset, tablib.Dataset)
    assert dataset["formed"] == ["2013-05-01"]

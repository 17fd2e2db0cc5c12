"""Imports of areas, partnerships, organisations, appointments and people: CSV and
XLSX, in the admin and by command; all or nothing; re-import changes nothing."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from demo.scale import ScaleSize, build_scale_data
from partnerships import imports
from partnerships.models import (
    Appointment,
    Area,
    Membership,
    Organisation,
    Partnership,
    Person,
    RepAssignment,
    StaffRole,
)
from reviews.models import Review
from tests.factories import (
    MembershipFactory,
    StaffRoleFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

COUNTS = {
    "areas": Area,
    "partnerships": Partnership,
    "organisations": Organisation,
    "appointments": Appointment,
    "memberships": Membership,
    "staff": StaffRole,
    "reps": RepAssignment,
}


def csv(text: str):
    return imports.load(text.encode(), "csv")


def import_templates(fmt: str) -> list[imports.ImportReport]:
    reports = []
    for kind in imports.RESOURCES:
        content = imports.dump(imports.template(kind), fmt)
        reports.append(
            imports.run_import(kind, imports.load(content, fmt), dry_run=False)
        )
    return reports


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_every_kind_imports_its_template_row_from_csv_and_xlsx(fmt):
    reports = import_templates(fmt)

    assert [r.errors for r in reports] == [[]] * len(COUNTS)
    assert all(r.created == 1 and r.written for r in reports)
    assert {
        kind: model.objects.count() for kind, model in COUNTS.items()
    } == dict.fromkeys(COUNTS, 1)
    appointment = Appointment.objects.get()
    assert appointment.functions == ["fund_holding", "employing"]
    assert appointment.started == dt.date(2014, 1, 6)
    assert Membership.objects.get().role == Membership.Role.CHAIR
    # Three roles, three people, each found again by email.
    assert Person.objects.count() == 3
    assert Organisation.objects.get().slug == "hillside-community-trust"


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_importing_the_same_file_again_changes_nothing(fmt):
    import_templates(fmt)

    again = import_templates(fmt)

    assert [(r.created, r.changed, r.skipped) for r in again] == [(0, 0, 1)] * 7
    assert Person.objects.count() == 3


def test_a_dry_run_reports_created_changed_and_skipped_and_writes_nothing():
    imports.run_import("areas", imports.template("areas"), dry_run=False)
    data = csv(
        "slug,name,region,local_authority,phase\n"
        "hillside,Hillside,North West,Example Borough Council,Consolidating\n"
        "valley,Valley,london,Camden,getting_started\n"
        "hillside-2,Hillside Two,East of England,Norfolk,Completed\n"
    )
    data_changed = csv(
        "slug,name,region,local_authority,phase\n"
        "hillside,Hillside,North West,Example Borough Council,Spending out\n"
    )

    report = imports.run_import("areas", data, dry_run=True)
    changed = imports.run_import("areas", data_changed, dry_run=True)

    assert (report.created, report.changed, report.skipped) == (2, 0, 1)
    assert (changed.created, changed.changed, changed.skipped) == (0, 1, 0)
    assert not report.written
    assert Area.objects.count() == 1
    assert Area.objects.get().phase == Area.Phase.CONSOLIDATING


def test_bad_rows_are_reported_by_number_and_nothing_is_written():
    import_templates("csv")
    areas = csv(
        "slug,name,region,local_authority,phase\n"
        "new-area,New Area,London,Camden,Consolidating\n"
        "narnia,Narnia,Narnia,Lantern Waste,Consolidating\n"
    )
    appointments = csv(
        "area,organisation,started,ended,end_reason,functions\n"
        "hillside,Nobody Trust,2020-01-01,,,\n"
        "hillside,Hillside Community Trust,2020-01-01,2019-01-01,Changed LTO,\n"
    )
    members = csv(
        "name,email,phone,area,role,started,ended\n"
        "Kim New,kim@example.org,,hillside,Member,2020-01-01,\n"
        "Kim New,kim@example.org,,hillside,Member,2020-01-01,\n"
        "Not Sam,sam@example.org,,hillside,Member,2021-01-01,\n"
    )

    area_report = imports.run_import("areas", areas, dry_run=False)
    appointment_report = imports.run_import("appointments", appointments, dry_run=False)
    member_report = imports.run_import("memberships", members, dry_run=False)

    assert area_report.errors == [
        "Row 2: region: “Narnia” is not a region (use one of: North East, North "
        "West, Yorkshire and the Humber, East Midlands, West Midlands, East of "
        "England, London, South East, South West)."
    ]
    assert appointment_report.errors == [
        "Row 1: there is no organisation called “Nobody Trust”.",
        "Row 2: The appointment ends before it starts.",
    ]
    assert member_report.errors == [
        "Row 2: Kim New in this role from this date is already in row 1 of this file.",
        "Row 3: email: sam@example.org belongs to Sam Example, not Not Sam.",
    ]
    assert not any(r.written for r in (area_report, appointment_report))
    assert Area.objects.count() == 1
    assert Appointment.objects.count() == 1
    assert Membership.objects.count() == 1
    assert not Person.objects.filter(name="Kim New").exists()


def test_people_without_email_are_found_by_name_within_the_partnership():
    import_templates("csv")
    members = (
        "name,email,phone,area,role,started,ended\n"
        "Pat Noemail,,,hillside,Member,2020-01-01,\n"
    )
    imports.run_import("memberships", csv(members), dry_run=False)

    again = imports.run_import("memberships", csv(members), dry_run=False)

    assert (again.created, again.skipped) == (0, 1)
    assert Person.objects.filter(name="Pat Noemail").count() == 1


def test_the_command_imports_a_file_and_a_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "areas.xlsx"
    call_command("import_programme", "areas", str(path), "--template")
    out = io.StringIO()

    call_command("import_programme", "areas", str(path), "--dry-run", stdout=out)
    assert "Would import areas: 1 created" in out.getvalue()
    assert not Area.objects.exists()
    call_command("import_programme", "areas", str(path), stdout=out)
    assert Area.objects.filter(slug="hillside").exists()


def test_the_command_lists_every_bad_row_and_fails(tmp_path):
    path = tmp_path / "areas.csv"
    path.write_text(
        "slug,name,region,local_authority,phase\nx,X,Atlantis,Y,Consolidating\n"
    )
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_programme", "areas", str(path), stderr=err)

    assert "Row 1: region: “Atlantis” is not a region" in err.getvalue()
    assert not Area.objects.exists()


def programme_snapshot() -> dict[str, set]:
    """The programme by natural keys only, never by database ids."""
    return {
        "areas": set(
            Area.objects.values_list(
                "slug", "name", "region", "local_authority", "phase"
            )
        ),
        "partnerships": set(
            Partnership.objects.values_list("area__slug", "name", "formed")
        ),
        "organisations": set(Organisation.objects.values_list("name", "kind")),
        "appointments": {
            (a.partnership.area.slug, a.organisation.name, a.started, a.ended)
            + (a.end_reason, tuple(a.functions))
            for a in Appointment.objects.select_related(
                "partnership__area", "organisation"
            )
        },
        "memberships": set(
            Membership.objects.values_list(
                "person__name", "person__email", "partnership__area__slug", "role"
            )
        ),
        "staff": set(
            StaffRole.objects.values_list(
                "person__name", "person__email", "organisation__name", "started"
            )
        ),
        "reps": set(
            RepAssignment.objects.values_list("person__name", "area__slug", "started")
        ),
        "people": set(Person.objects.values_list("name", "email")),
    }


@pytest.mark.parametrize("fmt", imports.FORMATS)
def test_the_demo_programme_exported_and_imported_into_an_empty_database_is_the_same(
    fmt,
):
    build_scale_data(ScaleSize(areas=6, years=1, reviews_per_year=1, responses=2))
    appointment = Appointment.objects.select_related("partnership").first()
    MembershipFactory(partnership=appointment.partnership, person__email="")
    MembershipFactory(partnership=appointment.partnership, role="chair")
    StaffRoleFactory(organisation=appointment.organisation)
    before = programme_snapshot()
    files = {kind: imports.dump(imports.export(kind), fmt) for kind in COUNTS}
    Review.objects.all().delete()
    Area.objects.all().delete()
    Organisation.objects.all().delete()
    Person.objects.all().delete()

    reports = [
        imports.run_import(kind, imports.load(files[kind], fmt), dry_run=False)
        for kind in COUNTS
    ]

    assert [r.errors for r in reports] == [[]] * len(COUNTS)
    assert programme_snapshot() == before


def test_only_administrators_reach_the_imports_and_templates(client):
    url = reverse("admin:partnerships_area_import")
    template = reverse("admin:partnerships_area_import_template", args=["csv"])
    client.force_login(programme_staff_user())
    assert client.get(url).status_code == 302
    assert client.get(template).status_code == 302

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(url)
    download = client.get(template)

    assert page.status_code == 200
    assert "CSV template" in page.content.decode()
    assert download.status_code == 200
    assert download.content.decode().splitlines() == [
        "slug,name,region,local_authority,phase",
        "hillside,Hillside,North West,Example Borough Council,Consolidating",
    ]


def test_the_admin_import_shows_a_dry_run_then_writes_on_confirmation(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    content = imports.dump(imports.template("organisations"), "csv")
    upload = io.BytesIO(content)
    upload.name = "organisations.csv"

    page = client.post(
        reverse("admin:partnerships_organisation_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )

    assert page.status_code == 200
    assert "confirm" in page.content.decode().lower()
    assert not Organisation.objects.exists()

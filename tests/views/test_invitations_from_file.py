"""Inviting from a file: the CSV or Excel workbook a contacts app exports gives
the same preview and the same per-line messages as a pasted list, within the
programme imports' size limits."""

import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reviews.models import Invitation
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROWS = [
    ("Ann Able", "ann@example.org", "Partnership member", "pl"),
    ("Bo Best", "bo@example.org", "LTO staff", ""),
    ("Cy Clay", "", "worker", "ur"),
]
HEADINGS = ("Name", "Email", "Perspective", "Preferred language")


def csv_file(rows=ROWS, headings=HEADINGS, name: str = "contacts.csv"):
    lines = [",".join(headings), *(",".join(row) for row in rows)]
    return SimpleUploadedFile(name, ("\ufeff" + "\r\n".join(lines)).encode())


def xlsx_file(rows=ROWS, headings=HEADINGS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    content = io.BytesIO()
    book.save(content)
    return SimpleUploadedFile("contacts.xlsx", content.getvalue())


@pytest.fixture
def review():
    appointment = AppointmentFactory()
    user = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=user), area=appointment.partnership.area
    )
    review = ReviewFactory(appointment=appointment)
    review.rep_user = user
    return review


@pytest.fixture
def client(review) -> Client:
    client = Client()
    client.force_login(review.rep_user)
    return client


def upload(client: Client, review, upload_file, **data):
    url = reverse("reviews:review-invite", args=[review.pk])
    return client.post(url, {"contacts": upload_file, "preview": "1", **data})


@pytest.mark.parametrize("make", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_a_contacts_file_previews_like_a_pasted_list_then_sends(client, review, make):
    preview = upload(client, review, make())

    assert [(r.name, r.email, r.perspective_label) for r in preview.context["new"]] == [
        ("Ann Able", "ann@example.org", "Partnership member"),
        ("Bo Best", "bo@example.org", "LTO staff"),
        ("Cy Clay", "", "Worker"),
    ]
    assert not Invitation.objects.exists() and not mail.outbox

    # The preview carries the file's people on as the list, as it does a paste.
    pasted = preview.context["form"].cleaned_data["pasted"]
    url = reverse("reviews:review-invite", args=[review.pk])
    sent = client.post(url, {"pasted": pasted, "send": "1"}, follow=True)

    assert "Emailed 2 personal links." in sent.content.decode()
    assert review.invitations.count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "bo@example.org"]


def test_a_bad_row_gets_the_pasted_lists_message_and_the_rows_are_kept(client, review):
    rows = [*ROWS[:1], ("Dee Dot", "dee@", "member", ""), *ROWS[1:]]

    page = upload(client, review, csv_file(rows))

    body = page.content.decode()
    assert page.context["form"].errors["pasted"] == [
        "Line 2: \u201cdee@\u201d is not an email address."
    ]
    assert "The file\u2019s 4 people are now in the list below" in body
    assert "Dee Dot\tdee@\tmember" in body
    assert not Invitation.objects.exists()


def test_first_and_last_name_columns_make_the_name(client, review):
    rows = [("Ann", "Able", "ann@example.org", "member")]
    headings = ("First Name", "Last Name", "E-mail Address", "Perspective")

    preview = upload(client, review, csv_file(rows, headings))

    assert [r.name for r in preview.context["new"]] == ["Ann Able"]


def test_a_file_without_the_columns_says_which_it_needs(client, review):
    headings = ("Who", "Email", "Perspective", "Language")

    page = upload(client, review, csv_file(headings=headings))

    assert page.context["form"].errors["contacts"] == [
        "The file needs a heading row with name (or first name and last name), "
        "email and perspective."
    ]


def test_a_file_over_the_size_limit_is_refused_with_its_size(client, review, settings):
    settings.IMPORT_MAX_BYTES = 100

    page = upload(client, review, csv_file())

    [error] = page.context["form"].errors["contacts"]
    assert error.startswith("The file is 1")
    assert "the most an import takes is 100\u00a0bytes" in error


def test_a_file_over_the_row_limit_is_refused(client, review, settings):
    settings.IMPORT_MAX_ROWS = 2

    page = upload(client, review, xlsx_file())

    assert page.context["form"].errors["contacts"] == [
        "The file has more than 2 rows, the most an import takes. Split it into "
        "smaller files."
    ]
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "upload_file",
    [
        SimpleUploadedFile("contacts.txt", b"Ann, ann@example.org, member"),
        SimpleUploadedFile("contacts.xlsx", b"not a workbook"),
        SimpleUploadedFile(
            "contacts.csv", b"Name,Email,Perspective\nAnn,a@b.org,member,pl\n"
        ),
    ],
    ids=["other kind", "broken", "ragged"],
)
def test_a_file_that_is_not_csv_or_xlsx_gets_a_plain_message(
    client, review, upload_file
):
    page = upload(client, review, upload_file)

    [error] = page.context["form"].errors["contacts"]
    assert error in (
        "Upload a CSV file (.csv) or an Excel workbook (.xlsx).",
        "The file is called .xlsx but is not an Excel workbook. Save it from your "
        "spreadsheet as .xlsx, or as CSV UTF-8 with a .csv name.",
        "The file could not be read as CSV: check that every row has as many "
        "cells as the heading row, then save it again.",
    )


@pytest.mark.parametrize("make", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_a_preferred_language_column_sets_each_persons_language(client, review, make):
    preview = upload(client, review, make())
    assert [r.language for r in preview.context["new"]] == ["pl", "", "ur"]

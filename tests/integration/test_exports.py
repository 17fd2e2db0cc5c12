"""The pseudonymised CSV of a review's answers."""

import csv
import io

import pytest
from django.urls import reverse

from ltoreview.spreadsheets import defuse_formula
from reviews.exports import BOM, answers_csv
from reviews.models import Statement
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


def rows_of(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))


def test_one_row_per_response_and_statement_with_perspective_and_key():
    review = ReviewFactory()
    bulk_responses(review, "member", [[4] * 10, [6] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    rows = rows_of(answers_csv(review))
    assert len(rows) == 30
    first = rows[0]
    assert first["response"] == "Partnership member 1"
    assert first["perspective"] == "Partnership members"
    assert (
        first["statement_key"]
        == Statement.objects.filter(version=review.framework_version, order=1).get().key
    )
    # Pseudonyms follow a random key, so member 1 is either response.
    assert (first["at_first"], first["now"]) in {("5", "4"), ("5", "6")}
    assert {r["response"] for r in rows} == {
        "Partnership member 1",
        "Partnership member 2",
        "LTO staff 1",
    }


def test_states_are_written_in_words_and_skipped_answers_left_blank():
    review = ReviewFactory()
    bulk_responses(
        review,
        "member",
        [["dont_know", "not_relevant", None, 5, 5, 5, 5, 5, 5, 5]],
        then=None,
    )
    rows = rows_of(answers_csv(review))
    assert [r["now"] for r in rows[:3]] == ["don't know", "not relevant", ""]
    assert rows[0]["at_first"] == ""


def test_the_would_like_column_is_exported_only_when_asked():
    asked = ReviewFactory(asks_would_like=True)
    bulk_responses(asked, "member", [[5] * 10])
    not_asked = ReviewFactory()
    bulk_responses(not_asked, "member", [[5] * 10])
    assert "would_like" in rows_of(answers_csv(asked))[0]
    assert "would_like" not in rows_of(answers_csv(not_asked))[0]


def test_flat_responses_and_paper_entries_are_flagged():
    review = ReviewFactory()
    bulk_responses(review, "member", [[6, 7, 8, 6, 7, 8, 6, 7, 8, 6]])
    bulk_responses(review, "member", [[1, 9, 4, 8, 3, 7, 5, 9, 1, 6]])
    bulk_responses(review, "member", [[1, 9, 4, 8, 3, 7, 5, 9, 1, 6]],
                   entered_by=UserFactory())  # fmt: skip
    rows = rows_of(answers_csv(review))
    # Pseudonyms follow a random key: each flag belongs to exactly one response.
    flags = sorted({r["response"]: r["flags"] for r in rows}.values())
    assert flags == ["", "entered from paper", "flat response"]


def test_drafts_are_not_exported():
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10])
    bulk_responses(review, "member", [[5] * 10], status="draft")
    assert len(rows_of(answers_csv(review))) == 10


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-1", "@cmd", "\tx"])
def test_cells_a_spreadsheet_would_run_are_escaped(value):
    assert defuse_formula(value) == "'" + value


def test_ordinary_cells_are_left_alone():
    assert defuse_formula("Partnership member 1") == "Partnership member 1"
    assert defuse_formula(7) == "7"
    assert defuse_formula(None) == ""


def test_the_download_is_utf8_with_a_bom_and_an_attachment(client):
    review = ReviewFactory(title="Année review")
    bulk_responses(review, "member", [[5] * 10])
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    client.force_login(user)
    response = client.get(reverse("reviews:review-export", args=[review.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert len(rows_of(response.content.decode("utf-8"))) == 10

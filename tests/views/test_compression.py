"""Pages, CSV and JSON go out gzipped to a client that accepts gzip, and plain
to one that does not; the favicon is answered, not a 404."""

import gzip

import pytest
from django.http import HttpResponse, JsonResponse
from django.urls import reverse

from ltoreview.compression import TextGZipMiddleware
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


def test_html_is_gzipped_when_the_client_accepts_gzip(client):
    response = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<!doctype html>" in gzip.decompress(response.content)


def test_html_is_plain_when_the_client_does_not_accept_gzip(client):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"<!doctype html>")


def test_html_is_plain_when_the_client_accepts_only_identity(client):
    response = client.get("/", headers={"accept-encoding": "identity"})
    assert not response.has_header("Content-Encoding")


def test_the_csv_export_is_gzipped_too(client):
    review = ReviewFactory()
    # Gzip skips anything under 200 bytes.
    bulk_responses(review, "member", [[7, 6, 8, 5, 7, 6, 7, 3, 6, 7]] * 3)
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    client.force_login(user)
    csv = client.get(
        reverse("reviews:review-export", args=[review.pk]),
        headers={"accept-encoding": "gzip"},
    )
    assert csv["Content-Encoding"] == "gzip"
    assert b"member" in gzip.decompress(csv.content).lower()


def test_favicon_ico_is_answered_with_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    assert response["Location"] != "/favicon.ico"


def test_json_is_gzipped_and_a_spreadsheet_is_left_alone(rf):
    request = rf.get("/", headers={"accept-encoding": "gzip"})
    body = {"rows": list(range(200))}
    json = TextGZipMiddleware(lambda r: JsonResponse(body))(request)
    xlsx = TextGZipMiddleware(
        lambda r: HttpResponse(
            b"x" * 1000,
            content_type="application/vnd.openxmlformats-officedocument"
            ".spreadsheetml.sheet",
        )
    )(request)
    assert json["Content-Encoding"] == "gzip"
    assert not xlsx.has_header("Content-Encoding")

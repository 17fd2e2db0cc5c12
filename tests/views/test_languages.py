"""The respondent's side speaks the chosen language; the rest stays English."""

import pytest
from django.conf import settings

from reviews.models import Response
from reviews.responding.languages import SESSION_KEY
from tests.views.respond_helpers import start

pytestmark = pytest.mark.django_db


def test_the_landing_page_follows_the_browsers_accept_language(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5")
    assert '<html lang="pl" dir="ltr">' in page.content.decode()
    assert page["Content-Language"] == "pl"


def test_urdu_pages_are_right_to_left_with_bootstraps_rtl_stylesheet(client):
    page = client.get("/glossary/", HTTP_ACCEPT_LANGUAGE="ur")
    html = page.content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "bootstrap.rtl.min" in html


def test_pages_off_the_respondents_side_stay_english_whatever_was_chosen(client):
    client.post("/language/", {"language": "pl", "next": "/"})
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="pl")
    assert '<html lang="en-gb" dir="ltr">' in page.content.decode()


def test_a_choice_sticks_for_the_session_over_the_browsers_language(client):
    reply = client.post("/language/", {"language": "ur", "next": "/glossary/"})
    assert reply.status_code == 302 and reply["Location"] == "/glossary/"
    assert reply.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ur"
    page = client.get("/glossary/", HTTP_ACCEPT_LANGUAGE="pl")
    assert 'lang="ur"' in page.content.decode()


def test_an_unknown_language_or_a_foreign_next_page_changes_nothing(client):
    reply = client.post(
        "/language/", {"language": "xx", "next": "https://evil.example/"}
    )
    assert reply["Location"] == "/"
    assert SESSION_KEY not in client.session


def test_the_choice_is_kept_with_the_response_being_answered(client):
    review = start(client)
    client.post("/language/", {"language": "pl", "next": f"/respond/{review.pk}/"})
    assert Response.objects.get(review=review).language == "pl"

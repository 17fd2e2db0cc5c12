"""The public landing page explains the framework from its data."""

import pytest

from reviews.models import Statement

pytestmark = pytest.mark.django_db


def test_landing_page_lists_every_statement_grouped_by_capital(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for statement in Statement.objects.filter(version__number=1):
        assert statement.text in html
    for heading in ("Social capital", "Economic capital", "Cultural capital"):
        assert heading in html
    assert "never by name" in html


def test_landing_page_needs_no_login_and_has_a_skip_link(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html


def test_landing_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    # The version, its statements, and their words in the page's language.
    with django_assert_num_queries(4):
        client.get("/")

"""The programme overview: Local Trust staff only, no names, no rankings."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Area
from reviews.models import Review, StatementSummary
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    AreaFactory,
    PartnershipFactory,
    ReviewFactory,
    bulk_responses,
    programme_staff_user,
    two_partnerships,
)

pytestmark = pytest.mark.django_db
URL = reverse("programme:overview")
TODAY = timezone.localdate()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("username", ["rep_a", "member_a", "lto_staff_a"])
def test_the_overview_is_a_404_for_anyone_but_local_trust_staff(client, username):
    world = two_partnerships()
    client.force_login(world.users[username])

    assert client.get(URL).status_code == 404


def test_coverage_counts_areas_with_a_review_in_the_last_year_by_region(client):
    reviewed = AppointmentFactory(
        partnership=PartnershipFactory(area=AreaFactory(region="london"))
    )
    ReviewFactory(appointment=reviewed)
    old = AppointmentFactory(
        partnership=PartnershipFactory(area=AreaFactory(region="london"))
    )
    ReviewFactory(
        appointment=old,
        opens=TODAY - dt.timedelta(days=400),
        closes=TODAY - dt.timedelta(days=380),
    )
    AreaFactory(region="east")
    client.force_login(programme_staff_user())

    response = client.get(URL)

    coverage = {s.label: (s.part, s.whole) for s in response.context["coverage"]}
    assert coverage == {"London": (1, 2), "East of England": (0, 1)}
    assert "1 of 3" in response.content.decode()


def test_divergence_shares_come_from_stored_statement_summaries(client):
    for members, lto in [(3, 9), (5, 6)]:
        review = ReviewFactory(status=Review.Status.CLOSED)
        bulk_responses(review, "member", [[members] * 10] * 3)
        bulk_responses(review, "lto_staff", [[lto] * 10])
        summarise_review(review)
    client.force_login(programme_staff_user())

    response = client.get(URL)

    first = response.context["divergence"][0]
    assert (first.reviews, first.gaps.part, first.disagreements.part) == (2, 1, 0)
    assert first.gaps.share == 0.5


def test_the_overview_names_no_area_or_lto_and_offers_no_ranking(client):
    build_scale_data(ScaleSize(areas=4, years=2, reviews_per_year=2, responses=5))
    client.force_login(programme_staff_user())

    html = client.get(URL).content.decode()

    assert "Scale area" not in html and "Scale organisation" not in html
    # Nothing to sort or filter by: the page offers no way to order anyone.
    assert "<select" not in html and "sort" not in html
    assert 'data-figure="programme-now-data"' in html
    assert "plotly-lto.min.js" in html


def test_the_distribution_takes_each_areas_latest_closed_review_once(client):
    build_scale_data(ScaleSize(areas=5, years=2, reviews_per_year=2, responses=4))
    client.force_login(programme_staff_user())

    chart = client.get(URL).context["distribution"]

    assert chart.table.rows[0][1][0] == "5"
    assert StatementSummary.objects.filter(key="confidence-voice").count() == 19


@pytest.mark.parametrize(
    "size",
    [
        ScaleSize(areas=2, years=1, reviews_per_year=1, responses=3),
        ScaleSize(areas=12, years=3, reviews_per_year=2, responses=6),
    ],
    ids=["small", "large"],
)
def test_programme_overview_runs_the_same_queries_at_two_sizes(
    client, django_assert_num_queries, size
):
    client.force_login(programme_staff_user())
    build_scale_data(size)
    assert Area.objects.exists()

    # session, user, staff check, statement labels, the programme's rollup
    # (response rates, divergence and the spread, added up when summaries are
    # stored), coverage, purpose by year, the schedule, relationships ending
    # without an exit interview
    with django_assert_num_queries(9):
        response = client.get(URL)

    assert response.status_code == 200


def test_the_navigation_offers_programme_to_staff_and_areas_to_everyone(client):
    world = two_partnerships()
    client.force_login(world.users["rep_a"])
    rep_html = client.get(reverse("programme:area-list")).content.decode()
    client.force_login(world.users["lt_staff"])
    staff_html = client.get(reverse("programme:area-list")).content.decode()

    assert f'href="{URL}"' in staff_html and f'href="{URL}"' not in rep_html
    assert 'aria-current="page">Areas<' in rep_html

"""The browsing pages in a real browser: accessible at phone and desktop width,
local only, and drawing their charts."""

import pytest

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Area
from reviews.models import Review
from tests.e2e.conftest import (
    assert_accessible,
    assert_stays_local,
    draw_every_chart,
    log_in,
)
from tests.factories import programme_staff_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def staff():
    build_scale_data(ScaleSize(areas=6, years=2, reviews_per_year=2, responses=5))
    return programme_staff_user(username="lt_staff_e2e")


def test_area_directory_is_accessible_and_local(page, live_server, staff):
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/areas/?sort=region")
    assert page.locator("tbody tr").count() == 6
    page.get_by_label("Needs attention only").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**attention=on**")
    assert_accessible(page)
    assert_stays_local(page)


def test_partnership_page_draws_change_over_time(page, live_server, staff):
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/areas/{Area.objects.first().slug}/")
    chart = '[data-figure="change-confidence-voice-data"] .scatterlayer .trace'
    draw_every_chart(page)
    page.wait_for_selector(chart, state="attached")
    assert page.locator(chart).count() >= 2
    assert page.locator("[data-figure] .main-svg").count() >= 10
    assert_accessible(page)
    assert_stays_local(page)


def test_organisation_page_is_accessible_and_local(page, live_server, staff):
    organisation = Review.objects.earliest("opens").appointment.organisation
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/organisations/{organisation.slug}/")
    assert page.locator("h1").inner_text() == organisation.name
    assert_accessible(page)
    assert_stays_local(page)


def test_programme_overview_draws_the_spread_of_ratings(page, live_server, staff):
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/programme/")
    # The chart sits below the fold: charts.js draws it as it comes into view.
    draw_every_chart(page)
    page.wait_for_selector(
        '[data-figure="programme-now-data"] .boxlayer .trace', state="attached"
    )
    assert_accessible(page)
    assert_stays_local(page)

"""The schedule's pages in a real browser: the overdue list, the rep's next
review date and the overview's schedule, at 320 and 1280 px, accessible and
never wider than the screen."""

import datetime as dt

import pytest
from django.utils import timezone

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Appointment
from tests.e2e.conftest import assert_accessible, assert_stays_local, log_in, open_page
from tests.factories import programme_staff_user

pytestmark = pytest.mark.e2e
WIDTHS = (320, 1280)


@pytest.fixture
def staff():
    # Built two years back, so relationships are overdue today.
    build_scale_data(
        ScaleSize(areas=6, years=2, reviews_per_year=1, responses=4),
        today=timezone.localdate() - dt.timedelta(days=730),
    )
    return programme_staff_user(username="lt_staff_schedule")


def fits(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_schedule_pages_fit_the_screen_and_are_accessible(
    browser, live_server, staff, width
):
    page = open_page(browser, {"width": width, "height": 900})
    log_in(page, live_server, staff)
    appointment = Appointment.objects.scheduled().first()
    for path in (
        "/programme/overdue/",
        f"/appointments/{appointment.pk}/next-review/",
        "/programme/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert fits(page), f"{path} scrolls sideways at {width}px"
        assert_accessible(page)
        assert_stays_local(page)
    page.goto(f"{live_server.url}/programme/overdue/")
    assert page.locator("tbody tr").count() > 0
    page.context.close()

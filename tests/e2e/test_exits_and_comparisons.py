"""Exit interviews and review comparisons in a real browser, as a rep: the My
areas prompt, the end-date form by keyboard, an exit interview's "Since the
start", and "Compare with another review": accessible at phone and desktop
width, and local only."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.e2e.conftest import assert_accessible, assert_stays_local, log_in
from tests.factories import AppointmentFactory, rep_of
from tests.views.test_review_compare import closed, exit_history

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_a_rep_records_an_end_date_by_keyboard_and_is_prompted(page, live_server):
    appointment = AppointmentFactory(organisation__name="Riverside CVS")
    log_in(page, live_server, rep_of(appointment))
    page.goto(f"{live_server.url}/my/")
    page.get_by_role("link", name="Record an end date").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)

    ends = timezone.localdate() + dt.timedelta(days=60)
    page.get_by_label("The appointment ends on").fill(ends.isoformat())
    page.get_by_label("Why it ends").select_option("changed_lto")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the end date").press("Enter")

    assert "An exit interview is due before then" in page.content()
    assert_accessible(page)
    assert_stays_local(page)


def test_an_exit_interview_and_a_comparison_are_accessible(page, live_server):
    appointment = AppointmentFactory()
    reviews = exit_history(appointment)
    later = closed(appointment, dt.date(2025, 9, 1), [[6] * 10] * 3, 7)
    log_in(page, live_server, rep_of(appointment))

    page.goto(f"{live_server.url}/reviews/{reviews['exit'].pk}/results/")
    heading = page.get_by_role("heading", name="Since the start of this relationship")
    assert heading.count() == 1
    assert_accessible(page)

    page.goto(f"{live_server.url}/reviews/{later.pk}/compare/")
    page.get_by_label("Compare with").select_option(str(reviews["regular"].pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    assert page.locator("table").count() == 2  # members and LTO staff
    assert_accessible(page)
    assert_stays_local(page)

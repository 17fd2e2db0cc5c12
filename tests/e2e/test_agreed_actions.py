"""Agreed actions and bulk invitations in a real browser: the rep records an
action and pastes a list with a bad line; every page fits 320 and 1280 px without
sideways scrolling and is axe-clean; the meeting pack with recorded actions and
"Last time you agreed..." still prints on four A4 pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from reviews.actions import agreed
from tests.e2e.conftest import DESKTOP, assert_accessible, log_in, open_page
from tests.e2e.test_pack_print import (
    MAX_PAGES,
    printed,
    thirty_response_review,
    wait_until_drawn,
)
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e

WIDTHS = [320, 1280]
TODAY = timezone.localdate()


def fits(page: Page) -> None:
    # After a click the next page may still be loading: measure the page that came.
    page.wait_for_load_state("load")
    wide = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, f"{page.url} scrolls sideways by {wide}px"


def check(page: Page) -> None:
    fits(page)
    assert_accessible(page)


@pytest.fixture
def setting(live_server):
    rep = UserFactory(username="rita")
    review = ReviewFactory(status="closed", released_at=timezone.now())
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=review.appointment.partnership.area,
    )
    member = UserFactory(username="mo")
    MembershipFactory(
        person=PersonFactory(user=member, name="Mo Member"),
        partnership=review.appointment.partnership,
    )
    return rep, member, review


@pytest.mark.parametrize("width", WIDTHS)
def test_the_rep_records_an_action_that_members_see_with_the_results(
    browser, live_server, setting, width
):
    rep, member, review = setting
    page = open_page(browser, {"width": width, "height": 900})
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/actions/")
    check(page)

    page.get_by_label("What was agreed").fill("Ask the council about the hall")
    page.get_by_label("Another organisation").check()
    page.get_by_label("Name of the other organisation").fill("The district council")
    page.get_by_label("By when").fill((TODAY + dt.timedelta(days=10)).isoformat())
    page.locator("input[name=statements]").first.check()
    page.get_by_role("button", name="Record the action").click()

    assert page.get_by_text("Action recorded.").is_visible()
    assert page.get_by_text("Led by The district council").is_visible()
    check(page)
    page.get_by_role("link", name="Update the status").click()
    page.get_by_label("In progress").check()
    page.get_by_label("Note").fill("Letter sent")
    page.get_by_role("button", name="Save the status").click()
    assert page.get_by_text("Status is now In progress.").is_visible()

    page.goto(f"{live_server.url}/my/")
    assert page.get_by_text("Due soon").first.is_visible()
    check(page)
    page.context.close()

    page = open_page(browser, {"width": width, "height": 900})
    log_in(page, live_server, member)
    page.goto(f"{live_server.url}/reviews/{review.pk}/released/")
    assert page.get_by_role("heading", name="What was agreed").is_visible()
    assert page.get_by_text("Ask the council about the hall").is_visible()
    check(page)
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_pasted_list_with_a_bad_line_is_kept_then_previewed_and_sent(
    browser, live_server, setting, width
):
    rep, _, _ = setting
    review = ReviewFactory(appointment=setting[2].appointment)
    page = open_page(browser, {"width": width, "height": 900})
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/invite/")
    check(page)
    lines = [
        "Ann Example, ann@example.org, partnership member",
        "Bo Example, bo@example, LTO staff",
    ]
    page.get_by_label("Paste a list").fill("\n".join(lines))
    page.get_by_role("button", name="Check the list before sending").click()

    assert page.get_by_text("Line 2: “bo@example” is not an email address.").first
    check(page)
    field = page.get_by_label("Paste a list")
    assert field.input_value() == "\n".join(lines)
    field.fill("\n".join([lines[0], "Bo Example, bo@example.org, LTO staff"]))
    page.get_by_role("button", name="Check the list before sending").click()
    check(page)
    page.get_by_role("button", name="Send 2 invitations").click()

    assert page.get_by_text("Emailed 2 personal links.").is_visible()
    assert review.invitations.count() == 2
    page.context.close()


def test_the_pack_with_recorded_and_earlier_actions_prints_on_four_pages(
    browser, live_server
):
    review = thirty_response_review()
    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    earlier = ReviewFactory(
        appointment=review.appointment,
        opens=review.opens - dt.timedelta(days=365),
        closes=review.opens - dt.timedelta(days=340),
        status="closed",
    )
    for n, review_of in enumerate([earlier] * 3 + [review] * 3):
        agreed.record_action(
            review=review_of,
            actor=rep,
            what=f"Agreed action number {n}: share the budget a week before meetings",
            lead="lto",
            due=TODAY + dt.timedelta(days=30 * n),
        )
    page = open_page(browser, DESKTOP)
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/pack/")
    wait_until_drawn(page)

    pdf = printed(page)

    texts = [p.extract_text() for p in pdf.pages]
    assert len(pdf.pages) <= MAX_PAGES
    assert "Last time you agreed" in texts[-1]
    assert "Agreed action number 5" in texts[-1]
    page.context.close()

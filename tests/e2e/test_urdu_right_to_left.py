"""In Urdu, right to left on a phone: the questionnaire's stepper and ratings
read from the right, and released results (their questions to open with in
Urdu) are mirrored, readable and axe clean."""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import (
    assert_accessible,
    assert_stays_local,
    draw_every_chart,
    open_page,
    release,
)
from tests.factories import ReviewFactory, bulk_responses
from tests.views.respond_helpers import invite

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PHONE_320 = {"width": 320, "height": 720}


def in_urdu(browser, live_server) -> Page:
    page = open_page(browser, PHONE_320)
    page.context.add_cookies(
        [{"name": "django_language", "value": "ur", "url": live_server.url}]
    )
    return page


def assert_right_to_left_and_fits(page: Page) -> None:
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"
    assert_accessible(page)
    assert_stays_local(page)


def left(page: Page, selector: str) -> float:
    return page.locator(selector).bounding_box()["x"]


def test_the_questionnaire_steps_and_rates_from_the_right(browser, live_server):
    page = in_urdu(browser, live_server)
    _, token = invite(ReviewFactory())
    page.goto(f"{live_server.url}/r/{token}/")
    page.locator("[data-next]").click()
    # Back sits to the right of Next, and rating 1 to the right of rating 2.
    assert left(page, "[data-back]") > left(page, "[data-next]")
    first = "input[name^='then-'][value='1']:visible"
    second = "input[name^='then-'][value='2']:visible"
    assert left(page, first) > left(page, second)
    assert_right_to_left_and_fits(page)
    page.context.close()


def test_released_results_in_urdu_are_mirrored_and_readable(browser, live_server):
    review = ReviewFactory(min_group_size=3)
    bulk_responses(review, "member", [[3] * 10, [4] * 10, [8] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10, [7] * 10])
    release(review)
    _, token = invite(review)
    page = in_urdu(browser, live_server)
    page.goto(f"{live_server.url}/r/{token}/")
    draw_every_chart(page)
    assert "شیئر کیے گئے نتائج" in page.locator("h1").inner_text()
    # A statement's row heading starts at the right of its table.
    heading = page.locator(".statement-name").first
    table = page.locator(".statement-table").first
    heading_box, table_box = heading.bounding_box(), table.bounding_box()
    assert (
        heading_box["x"] + heading_box["width"]
        >= table_box["x"] + table_box["width"] - 2
    )
    # The overlay's statement labels lie inside the chart, none cut off.
    chart = page.locator("[data-figure='group-overlay-data']")
    box = chart.bounding_box()
    labels = chart.locator(".ytick text").evaluate_all(
        "ts => ts.map(t => t.getBoundingClientRect().left)"
    )
    assert labels and min(labels) >= box["x"] - 1
    # The questions to open with are the framework's Urdu, not marked English.
    question = page.locator(".opening-questions li").first
    assert question.get_attribute("lang") is None
    assert question.inner_text().endswith("\u061f")
    assert_right_to_left_and_fits(page)
    page.context.close()

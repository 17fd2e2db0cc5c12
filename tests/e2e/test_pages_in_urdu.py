"""The pages around the journey in Urdu on a phone: right to left, readable
without sideways scrolling, and axe clean."""

import pytest

from tests.e2e.conftest import PHONE, assert_accessible, assert_stays_local, open_page

pytestmark = pytest.mark.e2e


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/glossary/", "/privacy/", "/accessibility/"])
def test_a_page_in_urdu_at_phone_width_is_right_to_left_and_accessible(
    browser, live_server, path
):
    page = open_page(browser, PHONE, locale="ur")
    try:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("html").get_attribute("lang") == "ur"
        assert page.locator(".translation-draft").count() == 1
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        assert_accessible(page)
        assert_stays_local(page)
    finally:
        page.context.close()

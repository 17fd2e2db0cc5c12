"""The questionnaire in Urdu on a phone: chosen from the language list, right to
left, axe clean, nothing wider than the screen, the stepper speaking Urdu."""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import assert_accessible, assert_stays_local, open_page
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e


def assert_no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"


@pytest.mark.slow
@pytest.mark.parametrize("width", [320, 390])
def test_a_resident_answers_in_urdu_on_a_phone(browser, live_server, width):
    page = open_page(browser, {"width": width, "height": 800})
    _, token = invite()
    page.goto(f"{live_server.url}/r/{token}/")
    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state("load")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ur"
    assert page.locator("h1").inner_text() == "تعلق کے بارے میں آپ کی رائے"
    assert page.locator(".step-progress").inner_text() == "شروع کرنے سے پہلے"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="آگے").click()
    assert page.locator(".step-progress").inner_text() == "بیان 1 (کل 10 میں سے)"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    assert_stays_local(page)
    page.context.close()


@pytest.mark.slow
def test_the_meeting_code_page_in_urdu_is_right_to_left_and_accessible(
    browser, live_server
):
    page = open_page(browser, {"width": 320, "height": 700})
    page.goto(f"{live_server.url}/meet/")
    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state("load")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator("h1").inner_text() == "میٹنگ میں جواب دیں"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.context.close()

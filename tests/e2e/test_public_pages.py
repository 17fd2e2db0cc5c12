"""The landing page and the admin login in a real browser, at phone and desktop."""

import pytest

from tests.e2e.conftest import assert_accessible, assert_stays_local

pytestmark = pytest.mark.e2e


def test_landing_page_is_accessible_and_local(page, live_server):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text().startswith("Reviewing the relationship")
    assert page.locator("main li").filter(has_text="Plugged residents").count() == 1
    assert_accessible(page)
    assert_stays_local(page)


def test_skip_link_moves_focus_to_the_main_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_admin_login_is_accessible(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    assert page.locator("input[name=username]").count() == 1
    assert_accessible(page)
    assert_stays_local(page)

"""Help on every statement and the header's links, in a real browser, JS on and off.

The help is a native <details> disclosure, so it opens without JavaScript and a
screen reader hears it as expanded or collapsed. With scripts off the phone menu
button could never open, so the header's links show as a wrapping row instead.
"""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import (
    PHONE,
    assert_accessible,
    assert_stays_local,
    log_in,
    open_page,
)
from tests.factories import UserFactory, programme_staff_user
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e

NARROWEST = {"width": 320, "height": 720}
HELP_PAGES = ("/glossary/", "/privacy/", "/accessibility/")


def header_controls(page: Page):
    return page.locator("header nav a, header nav button:not(.navbar-toggler)")


def assert_every_header_control_is_usable(page: Page) -> None:
    """Each link or button in the header is shown, on screen, and not covered."""
    controls = header_controls(page)
    assert controls.count() >= 3
    for index in range(controls.count()):
        control = controls.nth(index)
        assert control.is_visible(), control.inner_text()
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0
        assert box["x"] + box["width"] <= NARROWEST["width"], control.inner_text()
        control.click(trial=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROWEST["width"]


def test_every_statement_shows_its_help_with_javascript_off(browser, live_server):
    page = open_page(browser, NARROWEST, java_script_enabled=False)
    try:
        _, token = invite()
        page.goto(f"{live_server.url}/r/{token}/")
        disclosures = page.locator("fieldset.statement details.statement-help")
        assert disclosures.count() == 10
        for index in range(10):
            disclosure = disclosures.nth(index)
            body = disclosure.locator(".statement-help-body")
            assert not body.is_visible()
            disclosure.locator("summary").click()
            assert body.is_visible()
            text = body.inner_text()
            assert "What this means:" in text
            assert "A low rating might look like this:" in text
            assert "A high rating might look like this:" in text
            assert "capital" in text or "beyond the programme" in text
        notice = page.locator(".answers-notice")
        assert "never with your name" in notice.inner_text()
        notice.get_by_role("link", name="What happens to my answers").click()
        assert page.locator("h1").inner_text() == "What happens to my answers"
        assert_stays_local(page)
    finally:
        page.context.close()


def test_help_opens_from_the_keyboard_and_passes_axe(phone_page, live_server):
    _, token = invite()
    phone_page.set_viewport_size({"width": 800, "height": 900})
    phone_page.goto(f"{live_server.url}/r/{token}/")
    summary = phone_page.locator("#statement-1 summary")
    summary.focus()
    phone_page.keyboard.press("Enter")
    assert phone_page.locator("#statement-1 details").get_attribute("open") == ""
    assert phone_page.locator("#statement-1 .statement-help-body").is_visible()
    assert_accessible(phone_page)
    phone_page.set_viewport_size(PHONE)
    assert_accessible(phone_page)


@pytest.mark.parametrize("path", HELP_PAGES)
def test_help_pages_are_public_and_accessible(page, live_server, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert "/accounts/login/" not in page.url
    assert_accessible(page)
    assert_stays_local(page)


@pytest.mark.parametrize("who", ["anonymous", "programme staff"])
def test_every_header_link_is_reachable_at_320px_with_javascript_off(
    browser, live_server, who
):
    page = open_page(browser, NARROWEST, java_script_enabled=False)
    try:
        if who == "programme staff":
            log_in(page, live_server, programme_staff_user(is_staff=True))
        page.goto(live_server.url + "/")
        assert not page.locator(".navbar-toggler").is_visible()
        assert_every_header_control_is_usable(page)
        names = header_controls(page).all_inner_texts()
        expected = {"About the framework", "Answer at a meeting"}
        expected |= {"Log in"} if who == "anonymous" else {"My areas", "Log out"}
        assert expected <= {name.strip() for name in names}
        page.get_by_role("link", name="Answer at a meeting").click()
        assert page.url.endswith("/meet/")
    finally:
        page.context.close()


def test_the_header_links_are_reached_by_keyboard_at_320px_with_javascript_off(
    browser, live_server
):
    page = open_page(browser, NARROWEST, java_script_enabled=False)
    try:
        page.goto(live_server.url + "/")
        reached = []
        for _ in range(8):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("document.activeElement.textContent.trim()"))
        assert {"Answer at a meeting", "Log in"} <= set(reached)
    finally:
        page.context.close()


def test_with_javascript_on_the_phone_menu_still_opens_from_its_button(
    browser, live_server
):
    page = open_page(browser, NARROWEST)
    try:
        log_in(page, live_server, UserFactory())
        page.goto(live_server.url + "/")
        meet = page.get_by_role("link", name="Answer at a meeting")
        assert not meet.is_visible()
        page.locator(".navbar-toggler").click()
        meet.wait_for(state="visible")
        assert_every_header_control_is_usable(page)
    finally:
        page.context.close()

"""Real-browser fixtures: Debian's Chromium driven by Playwright, checked by axe-core.

Playwright's sync API runs an event loop in the test thread, so Django's guard
against database access from async code is lifted for these tests only.
"""

import os
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page, sync_playwright

from reviews.models import Invitation, Review
from tests.factories import ReviewFactory, bulk_responses
from tests.views.respond_helpers import invite

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _framework_rows(framework_rows) -> None:
    """Live-server tests flush the database between tests."""


@pytest.fixture
def member_invitation() -> tuple[Invitation, str]:
    """A member's invitation (and its link's token) to an open review that
    others have answered enough for its results to show once `release`d."""
    review = ReviewFactory(min_group_size=3)
    bulk_responses(review, "member", [[3] * 10, [4] * 10, [5] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    return invite(review)


def release(review: Review) -> None:
    """Close the review and release its results, as the rep would."""
    Review.objects.filter(pk=review.pk).update(
        status=Review.Status.CLOSED, released_at=timezone.now()
    )


class OffsiteRequests(list):
    """Every request the page made to a host other than the live server."""


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request) -> dict[str, int]:
    return VIEWPORTS[request.param]


def open_page(browser: Browser, size: dict[str, int], **context_options) -> Page:
    # Reduced motion switches off Bootstrap's colour transitions, so axe never
    # measures a button's contrast halfway through one (it once read a "Back"
    # button at 1.33:1 as it faded out of its pressed state).
    context_options.setdefault("reduced_motion", "reduce")
    context = browser.new_context(viewport=size, **context_options)
    page = context.new_page()
    offsite = OffsiteRequests()

    def record(request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("http://", "https://")) and host not in {
            "127.0.0.1",
            "localhost",
        }:
            offsite.append(request.url)

    page.on("request", record)
    page.offsite_requests = offsite
    return page


@pytest.fixture
def page(browser: Browser, viewport) -> Iterator[Page]:
    page = open_page(browser, viewport)
    yield page
    page.context.close()


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    page = open_page(browser, PHONE)
    yield page
    page.context.close()


def assert_accessible(page: Page) -> None:
    """Fail on any WCAG 2.2 A or AA violation that axe-core finds on the page."""
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    assert results.violations_count == 0, (
        f"{page.url} has accessibility violations:\n{results.generate_report()}"
    )


def assert_stays_local(page: Page) -> None:
    assert not page.offsite_requests, (
        f"requests left 127.0.0.1: {page.offsite_requests}"
    )


def log_in(page: Page, live_server, user) -> None:
    """Give the browser a session for `user` without typing a password."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies(
        [{"name": "sessionid", "value": cookie, "url": live_server.url}]
    )


def draw_every_chart(page: Page) -> None:
    """Scroll each chart into view: charts.js draws a chart only when it comes
    near the viewport. Charts in a closed <details> stay undrawn."""
    page.wait_for_load_state("load")
    count = page.locator("[data-figure]").count()
    for index in range(count):
        chart = page.locator("[data-figure]").nth(index)
        if chart.evaluate("el => !el.closest('details:not([open])')"):
            chart.scroll_into_view_if_needed()
            page.wait_for_function("el => el.dataset.drawn", arg=chart.element_handle())
    page.evaluate("window.scrollTo(0, 0)")

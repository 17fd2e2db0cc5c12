"""Every main page in a real browser: no content-security-policy violation, no
request beyond 127.0.0.1, and no more bytes than its budget.

Weight is what the page fetched (document, styles, scripts), each body
gzip-compressed as a production server would send it: the live test server
itself sends files uncompressed.
"""

import gzip
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import DESKTOP, assert_stays_local, log_in, open_page
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    bulk_responses,
    programme_staff_user,
)
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e

QUESTIONNAIRE_KB = 100
PLOTLY_KB = 450
# Plotly is the heaviest thing any page loads; everything else together is small.
PAGE_KB = 650


@dataclass
class Visit:
    """What the browser saw while on one page."""

    path: str
    console: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)
    bodies: dict[str, int] = field(default_factory=dict)

    @property
    def total_kb(self) -> float:
        return sum(self.bodies.values()) / 1024

    @property
    def plotly_kb(self) -> float:
        return sum(v for k, v in self.bodies.items() if "plotly" in k) / 1024


class Recorder:
    """Collects console messages and compressed response sizes for a page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.visits: list[Visit] = []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.current.console.append(str(error)))
        page.on("response", self.response)
        # Routing every request turns the browser cache off, so each page is
        # weighed as a first visit.
        page.route("**/*", lambda route: route.continue_())

    @property
    def current(self) -> Visit:
        return self.visits[-1]

    def console(self, message) -> None:
        if message.type in {"error", "warning"}:
            self.current.console.append(message.text)

    def response(self, response) -> None:
        if response.request.resource_type in {"document", "stylesheet", "script"}:
            self.current.responses.append(response)

    def visit(self, path: str, action=None) -> Visit:
        self.visits.append(Visit(path))
        if action is None:
            self.page.goto(self.page.base_url + path)
        else:
            action()
        self.page.wait_for_load_state("networkidle")
        # Weigh while the page is current: bodies go once the browser moves on.
        for response in self.current.responses:
            if 300 <= response.status < 400:
                continue  # a redirect has no body
            self.current.bodies[response.url] = len(gzip.compress(response.body()))
        return self.current


def violations(visit: Visit) -> list[str]:
    return [
        text
        for text in visit.console
        if "Content Security Policy" in text or "Refused to" in text
    ]


@pytest.fixture
def programme(transactional_db):
    review = ReviewFactory(title="Spring review")
    bulk_responses(review, "member", [[7, 6, 8, 5, 7, 6, 7, 3, 6, 7]] * 4)
    bulk_responses(review, "lto_staff", [[7, 6, 7, 6, 7, 6, 7, 9, 6, 7]])
    user = programme_staff_user(username="staff-and-rep")
    area = review.appointment.partnership.area
    RepAssignmentFactory(person__user=user, area=area)
    return review, user


def answer_everything(page: Page) -> None:
    page.evaluate(
        """document.querySelectorAll('input[type=radio]').forEach(radio => {
            if (radio.value === '6') radio.checked = true;
        })"""
    )
    page.click("button[value=continue]")


def test_every_main_page_keeps_the_policy_stays_local_and_within_budget(
    browser, live_server, programme
):
    review, user = programme
    page = open_page(browser, DESKTOP)
    page.base_url = live_server.url
    recorder = Recorder(page)
    _, token = invite(review)

    recorder.visit("/accounts/login/")
    recorder.visit("/")
    questionnaire = recorder.visit(f"/r/{token}/")
    assert f"/respond/{review.pk}/" in page.url
    recorder.visit("check", lambda: answer_everything(page))
    assert page.url.endswith("/check/")
    recorder.visit("thanks", lambda: page.click("form[action$='/submit/'] button"))
    assert page.url.endswith("/thanks/")
    log_in(page, live_server, user)
    area = review.appointment.partnership.area
    organisation = review.appointment.organisation
    for path in (
        "/my/",
        f"/reviews/{review.pk}/results/",
        f"/reviews/{review.pk}/pack/",
        "/areas/",
        f"/areas/{area.slug}/",
        f"/organisations/{organisation.slug}/",
        "/programme/",
    ):
        recorder.visit(path)
        assert page.url.startswith(live_server.url + path), page.url

    for visit in recorder.visits:
        assert not violations(visit), f"{visit.path}: {violations(visit)}"
        assert visit.bodies, f"{visit.path} fetched nothing"
        assert visit.plotly_kb <= PLOTLY_KB, f"{visit.path}: {visit.plotly_kb:.0f} KB"
        assert visit.total_kb <= PAGE_KB, f"{visit.path}: {visit.total_kb:.0f} KB"
    assert questionnaire.total_kb <= QUESTIONNAIRE_KB
    assert questionnaire.plotly_kb == 0
    assert_stays_local(page)
    page.context.close()


def test_the_recorder_sees_a_policy_violation_when_a_page_breaks_the_policy(
    browser, live_server
):
    page = open_page(browser, DESKTOP)
    page.base_url = live_server.url
    recorder = Recorder(page)

    visit = recorder.visit("/")
    page.evaluate(
        """() => { const s = document.createElement('script');
        s.textContent = 'window.inlineRan = true'; document.body.append(s); }"""
    )
    page.wait_for_timeout(200)

    assert violations(visit)
    assert page.evaluate("window.inlineRan") is None
    page.context.close()

"""Pages cost little until read: a chart below the fold is drawn only when
scrolled to (its table is there from the start, and nothing moves when it
draws), and the questionnaire's layout does not shift when its stepper starts."""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import PHONE, log_in
from tests.e2e.test_charts import review_and_rep  # noqa: F401 - the fixture
from tests.e2e.test_questionnaire import open_link

pytestmark = pytest.mark.e2e

# Layout shifts seen since the page started, summed as CLS sums them.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) { total += entry.value; }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""

# The last chart on the page, far below the first screen.
LAST_CHART = "[...document.querySelectorAll('[data-figure]')].at(-1)"


def test_a_chart_below_the_fold_is_drawn_only_when_scrolled_to(
    phone_page: Page,
    live_server,
    review_and_rep,  # noqa: F811
):
    page = phone_page
    review, rep = review_and_rep
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/results/", wait_until="commit")
    page.wait_for_selector(".statement-table", state="attached")
    page.wait_for_load_state("networkidle")
    chart = page.evaluate_handle(LAST_CHART).as_element()
    assert chart is not None
    top = chart.evaluate("el => el.getBoundingClientRect().top")
    assert top > 2 * PHONE["height"], "the test needs a chart far below the fold"
    table = chart.evaluate(
        "el => el.closest('.chart-block').querySelector('table') !== null"
    )
    assert table, "the chart's table is in the page before the chart is drawn"
    assert chart.get_attribute("data-drawn") is None
    assert chart.evaluate("el => el.querySelector('.main-svg') === null")
    height = chart.evaluate("el => el.getBoundingClientRect().height")

    chart.scroll_into_view_if_needed()
    page.wait_for_function("el => el.dataset.settled", arg=chart)

    assert chart.evaluate("el => el.querySelector('.main-svg') !== null")
    assert chart.evaluate("el => el.getBoundingClientRect().height") == height


def test_the_questionnaire_does_not_shift_when_its_stepper_starts(
    phone_page: Page, live_server
):
    page = phone_page
    open_link(page, live_server)
    page.wait_for_load_state("load")
    assert page.evaluate(LAYOUT_SHIFT) < 0.02
    # The stepper did start: one step shows, with its buttons.
    assert page.locator("#questionnaire[data-stepper]").count() == 1
    assert page.locator("[data-step]:visible").count() == 1
    assert page.locator("[data-next]").is_visible()

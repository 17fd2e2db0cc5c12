"""Charts in a real browser: they fit their pages at 320, 390 and 1280 px, every
radar's axis labels lie inside its chart, and no touch, drag, wheel or double
click rescales a radar's axis."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page

from reviews.responding.session import SESSION_KEY
from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    assert_stays_local,
    draw_every_chart,
    log_in,
    open_page,
)
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.e2e

SMALLEST = {"width": 320, "height": 640}
WIDTHS = {"320": SMALLEST, "390": PHONE, "1280": DESKTOP}
PAGES = ["results", "released", "individuals", "thanks"]
FULL_SCALE = [0, 10]  # Big Local's 1 to 10, with a ring below 1


@pytest.fixture
def review_and_rep():
    review = ReviewFactory(title="Autumn review", released_at=timezone.now())
    bulk_responses(
        review,
        "member",
        [
            [7, 6, 8, 5, 7, 6, 7, 3, 6, 7],
            [6, 7, 7, 6, 8, 5, 6, 4, 7, 6],
            [8, 6, 6, 7, 6, 7, 8, 5, 6, 8],
            [2, 9, 4, 8, 3, 7, 5, 9, 1, 6],
        ],
    )
    bulk_responses(review, "lto_staff", [[9, 8, 9, 8, 9, 8, 9, 9, 8, 9]] * 2)
    bulk_responses(review, "worker", [[5, 5, 6, 5, 4, 5, 6, 5, 5, 4]])
    bulk_responses(review, "rep", [[6, 6, 6, 7, 6, 6, 6, 6, 7, 6]])
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return review, user


def open_as_respondent(page: Page, live_server, review) -> None:
    """Give the browser the session of a respondent who has submitted."""
    response = review.responses.filter(perspective="member").first()
    client = Client()
    session = client.session
    session[SESSION_KEY] = {str(review.pk): response.pk}
    session.save()
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def visit(page: Page, live_server, review_and_rep, name: str) -> None:
    review, rep = review_and_rep
    if name == "thanks":
        open_as_respondent(page, live_server, review)
        page.goto(f"{live_server.url}/respond/{review.pk}/thanks/")
    else:
        log_in(page, live_server, rep)
        page.goto(f"{live_server.url}/reviews/{review.pk}/{name}/")
    wait_for_charts(page)


def wait_for_charts(page: Page) -> None:
    """Until every chart not folded away has drawn and fitted its labels."""
    draw_every_chart(page)
    page.wait_for_function(
        """() => {
          const charts = [...document.querySelectorAll('[data-figure]')]
            .filter(el => !el.closest('details:not([open])'));
          return charts.length > 0 && charts.every(el => el.dataset.settled);
        }"""
    )


LABELS_OUTSIDE = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .flatMap(plot => {
    const svg = plot.querySelector('.main-svg').getBoundingClientRect();
    return [...plot.querySelectorAll('.angularaxistick text')].map(text => {
      const r = text.getBoundingClientRect();
      const inside = r.left >= svg.left - 0.5 && r.right <= svg.right + 0.5
        && r.top >= svg.top - 0.5 && r.bottom <= svg.bottom + 0.5;
      return inside ? null : `${plot.dataset.figure}: ${text.textContent}`;
    });
  })
  .filter(Boolean)"""

OVERLAPS = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .flatMap(plot => {
    const boxes = sel => [...plot.querySelectorAll(sel)].map(el => ({
      text: el.textContent, r: el.getBoundingClientRect(),
    }));
    const titles = boxes('.annotation-text, .gtitle');
    const labels = boxes('.angularaxistick text');
    const meet = (a, b) => a.left < b.right && b.left < a.right
      && a.top < b.bottom && b.top < a.bottom;
    return titles.flatMap((t, i) => [...titles.slice(i + 1), ...labels]
      .filter(o => meet(t.r, o.r)).map(o => `${t.text} / ${o.text}`));
  })"""


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", PAGES)
def test_chart_pages_fit_the_screen_with_every_radar_label_inside_its_chart(
    browser: Browser, live_server, review_and_rep, name, width
):
    page = open_page(browser, WIDTHS[width])
    visit(page, live_server, review_and_rep, name)

    assert page.locator(".angularaxistick text").count() >= 10
    assert page.evaluate(LABELS_OUTSIDE) == []
    assert page.evaluate(OVERLAPS) == []
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, innerWidth]"
    )
    assert scroll_width <= inner_width, f"{name} is {scroll_width}px wide"
    if width != "320":
        assert_accessible(page)
    assert_stays_local(page)
    page.context.close()


SCALE_CROWDING = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .flatMap(plot => {
    const ticks = [...plot.querySelectorAll('.polarlayer .xtick text')]
      .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}));
    // Two scale numbers closer than 4 px crowd each other.
    const near = (a, b) => a.left - 4 < b.right && b.left - 4 < a.right
      && a.top - 4 < b.bottom && b.top - 4 < a.bottom;
    return ticks.flatMap((t, i) => ticks.slice(i + 1)
      .filter(o => near(t.r, o.r))
      .map(o => `${plot.dataset.figure}: ${t.text}/${o.text}`));
  })"""

LEGENDS_AT_THE_EDGE = """() => [...document.querySelectorAll('.js-plotly-plot .legend')]
  .map(legend => legend.getBoundingClientRect())
  .filter(r => r.left < 8 || r.right > innerWidth - 8)
  .map(r => `${Math.round(r.left)}-${Math.round(r.right)}`)"""


def test_on_a_320px_phone_radar_scales_do_not_crowd_and_legends_clear_the_edge(
    browser: Browser, live_server, review_and_rep
):
    page = open_page(browser, SMALLEST)
    visit(page, live_server, review_and_rep, "results")

    assert page.locator(".polarlayer .xtick text").count() >= 3
    assert page.evaluate(SCALE_CROWDING) == []
    assert page.evaluate(LEGENDS_AT_THE_EDGE) == []
    page.context.close()


def test_the_overlay_becomes_rows_of_dots_on_a_phone(
    phone_page, live_server, review_and_rep
):
    visit(phone_page, live_server, review_and_rep, "results")

    overlay = phone_page.locator('[data-figure="group-overlay-data"]')
    assert overlay.get_attribute("data-drawn") == "group-overlay-narrow-data"
    assert overlay.locator(".angularaxistick").count() == 0
    assert overlay.locator(".scatterlayer .trace").count() == 5  # gaps + 4 groups


def test_the_overlay_is_a_radar_on_a_desktop(browser, live_server, review_and_rep):
    page = open_page(browser, DESKTOP)
    visit(page, live_server, review_and_rep, "results")

    overlay = page.locator('[data-figure="group-overlay-data"]')
    assert overlay.get_attribute("data-drawn") == "group-overlay-data"
    assert overlay.locator(".angularaxistick text").count() == 10
    page.context.close()


RANGES = """id => {
  const gd = document.querySelector(`[data-figure="${id}"]`);
  return [gd.layout.polar.radialaxis.range, gd._fullLayout.polar.radialaxis.range];
}"""
RADAR = "group-radar-member-data"


def radar_circle(page: Page) -> tuple[float, float, float]:
    """The centre and radius of the radar's circle (plotly's drag area)."""
    box = page.locator(f'[data-figure="{RADAR}"] .maindrag').bounding_box()
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return centre_x, centre_y, min(box["width"], box["height"]) / 2


def assert_full_scale(page: Page) -> None:
    assert page.evaluate(RANGES, RADAR) == [FULL_SCALE, FULL_SCALE]


def swipe(page: Page, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A one-finger swipe, sent as the touch events a phone sends."""
    cdp = page.context.new_cdp_session(page)
    steps = 8
    for i in range(steps + 1):
        x = start[0] + (end[0] - start[0]) * i / steps
        y = start[1] + (end[1] - start[1]) * i / steps
        cdp.send(
            "Input.dispatchTouchEvent",
            {
                "type": "touchStart" if i == 0 else "touchMove",
                "touchPoints": [{"x": x, "y": y}],
            },
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_a_swipe_on_a_radar_leaves_its_axis_at_the_full_scale(
    browser, live_server, review_and_rep
):
    page = open_page(browser, PHONE, has_touch=True, is_mobile=True)
    visit(page, live_server, review_and_rep, "results")
    page.locator(f'[data-figure="{RADAR}"]').scroll_into_view_if_needed()
    x, y, r = radar_circle(page)

    # From a third of the way out to past the edge: a radial zoom to 3.3-10.
    swipe(page, (x + r / 3, y), (x + r * 1.3, y + 10))
    swipe(page, (x, y + r / 3), (x, y - r * 0.9))  # as if scrolling the page
    page.wait_for_timeout(300)

    assert_full_scale(page)
    assert page.locator(".zoombox, .zoombox-corners").count() == 0
    page.context.close()


def test_a_mouse_drag_wheel_or_double_click_leaves_the_axis_at_the_full_scale(
    browser, live_server, review_and_rep
):
    page = open_page(browser, DESKTOP)
    visit(page, live_server, review_and_rep, "results")
    page.locator(f'[data-figure="{RADAR}"]').scroll_into_view_if_needed()
    x, y, r = radar_circle(page)

    page.mouse.move(x + r / 3, y)
    page.mouse.down()
    page.mouse.move(x + r * 1.3, y - 10, steps=10)
    page.mouse.up()
    page.mouse.wheel(0, -400)
    page.mouse.dblclick(x + r / 2, y + r / 2)
    radial = page.locator(f'[data-figure="{RADAR}"] .radialdrag')
    if radial.count():  # the handle at the end of the radial axis
        box = radial.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] - 60, box["y"] + 80, steps=10)
        page.mouse.up()
    page.wait_for_timeout(300)

    assert_full_scale(page)
    assert page.locator(f'[data-figure="{RADAR}"] .modebar-btn').count() == 0
    page.context.close()


def test_individual_responses_are_headed_by_statement_and_in_heading_order(
    browser, live_server, review_and_rep
):
    page = open_page(browser, DESKTOP)
    visit(page, live_server, review_and_rep, "individuals")

    headers = page.locator("#individual-member-table thead th").all_inner_texts()
    assert headers[:3] == ["Response", "Confidence and voice", "Mentoring and skills"]
    results = Axe().run(
        page, options={"runOnly": {"type": "rule", "values": ["heading-order"]}}
    )
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


DOTS = """() => {
  const gd = document.querySelector('[data-figure="dots-now-data"]');
  return {
    points: gd.querySelectorAll(".scatterlayer .point").length,
    ratings: gd._fullData.map(
      trace => Array.from(trace.customdata).sort((a, b) => a - b)
    ),
    names: gd._fullData.map(trace => trace.name),
  };
}"""


def test_the_dot_plot_draws_every_rating_from_its_typed_arrays(
    browser, live_server, review_and_rep
):
    """The dot plot's figure comes when the chart is near, its numbers as typed
    arrays: plotly.js reads them back as one dot per rating, each hovering its
    own rating."""
    page = open_page(browser, DESKTOP)
    review, _ = review_and_rep
    # Not in the page: fetched when the chart comes into view.
    with page.expect_response(f"**/reviews/{review.pk}/results/dots.json") as sent:
        visit(page, live_server, review_and_rep, "results")
    assert '"bdata"' in sent.value.text()
    assert page.locator("#dots-now-data").count() == 0

    drawn = page.evaluate(DOTS)
    # 8 people, 10 statements: one dot per rating now.
    assert drawn["points"] == 80
    by_name = dict(zip(drawn["names"], drawn["ratings"], strict=True))
    assert by_name["LTO staff"] == sorted([9, 8, 9, 8, 9, 8, 9, 9, 8, 9] * 2)
    assert by_name["Workers"] == sorted([5, 5, 6, 5, 4, 5, 6, 5, 5, 4])

    page.locator('[data-figure="dots-now-data"]').scroll_into_view_if_needed()
    point = page.locator('[data-figure="dots-now-data"] .scatterlayer .point').first
    point.hover(force=True)
    hover = page.locator(".hoverlayer .hovertext").first
    hover.wait_for()
    name, rating = hover.text_content().rsplit(": ", 1)
    assert name in by_name and int(rating) in by_name[name]
    page.context.close()


TITLE_MEETS_LEGEND = """() => {
  const gd = document.querySelector('[data-figure="dots-now-data"]');
  const box = selector => gd.querySelector(selector).getBoundingClientRect();
  const title = box(".g-xtitle"), legend = box(".legend");
  return !(title.bottom <= legend.top || legend.bottom <= title.top ||
           title.right <= legend.left || legend.right <= title.left);
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_dot_plots_scale_title_stays_clear_of_its_legend(
    browser, live_server, review_and_rep, width
):
    """On a phone the legend wraps to a line per group; the rating scale and
    its title sit above the rows, so nothing is drawn over anything else."""
    page = open_page(browser, WIDTHS[width])
    visit(page, live_server, review_and_rep, "results")
    assert page.evaluate(TITLE_MEETS_LEGEND) is False
    assert page.evaluate("document.documentElement.scrollWidth") == int(width)
    page.context.close()

"""The meeting pack printed by Chromium: a review of thirty responses from four
perspectives fits four A4 pages, opens with the agenda, and splits no chart,
table row or heading from what follows it."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from reviews.models import Review
from tests.e2e.conftest import DESKTOP, draw_every_chart, log_in, open_page
from tests.e2e.test_results_pages import plain
from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.e2e

MAX_PAGES = 4
# Each statement's usual rating now; groups and people vary around it.
BASE = [6, 5, 7, 5, 6, 4, 6, 5, 6, 7]
COMMENTS = [
    "The LTO's finance reports are much clearer this year.",
    "We would like more say in how the money is spent, and earlier sight of "
    "the budget before each meeting.",
    "Meetings in the evening would let more residents come.",
    "Thank you to the worker for all the help with the community event.",
    "It is not always clear who decides what between the partnership and the LTO.",
    "More training for new members, please.",
    "Good year overall.",
    "The grant process takes too long for small groups.",
    "Can we have the papers a week before meetings?",
    "Our plan needs refreshing: priorities have changed since we wrote it.",
]


def ratings(count: int, lift: dict[int, int], spread: dict[int, int]) -> list:
    """`count` people's ratings now: BASE plus a group's lift, varied a point
    either way, or much more on the statements in `spread`."""
    rows = []
    for i in range(count):
        row = []
        for s, base in enumerate(BASE):
            wobble = (i * (s + 2)) % 3 - 1
            if s in spread:
                wobble = (i * 3) % (2 * spread[s] + 1) - spread[s]
            row.append(min(10, max(1, base + lift.get(s, 0) + wobble)))
        rows.append(row)
    return rows


def thirty_response_review() -> Review:
    """22 partnership members, 4 LTO staff, 3 workers and the rep, with comments;
    the members disagree about two statements, the LTO rates three higher."""
    review = ReviewFactory(title="Spring review", asks_would_like=True)
    groups = (
        ("member", ratings(22, {}, {0: 4, 7: 4})),
        ("lto_staff", ratings(4, {2: 3, 5: 3, 7: 3}, {})),
        ("worker", ratings(3, {1: 1}, {})),
        ("rep", ratings(1, {5: 2}, {})),
    )
    for perspective, rows in groups:
        bulk_responses(review, perspective, rows, then=4)
    for response, comment in zip(
        review.responses.order_by("id")[::3], COMMENTS, strict=False
    ):
        response.comments = comment
        response.save(update_fields=["comments"])
    return review


def wait_until_drawn(page: Page) -> None:
    """Every chart drawn and its labels fitted (charts.js marks it settled).
    The pack draws a chart as it comes near the screen, like any page."""
    draw_every_chart(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-figure]')]"
        ".every(el => el.dataset.settled)"
    )


def printed(page: Page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))


def open_pack(browser, live_server, size: dict[str, int]) -> Page:
    review = thirty_response_review()
    rep = UserFactory()
    RepAssignmentFactory(person__user=rep, area=review.appointment.partnership.area)
    page = open_page(browser, size)
    log_in(page, live_server, rep)
    page.goto(f"{live_server.url}/reviews/{review.pk}/pack/")
    return page


@pytest.fixture
def printed_pack(browser, live_server) -> tuple[PdfReader, Page]:
    page = open_pack(browser, live_server, DESKTOP)
    wait_until_drawn(page)
    yield printed(page), page
    page.context.close()


def test_a_thirty_response_pack_prints_on_four_pages_agenda_first(printed_pack):
    pdf, page = printed_pack
    texts = [plain(p.extract_text()) for p in pdf.pages]
    assert len(pdf.pages) <= MAX_PAGES
    assert "What to talk about first" in texts[0]
    first_point = plain(page.locator(".discussion-list li").first.inner_text())
    assert first_point in texts[0]
    assert "How each group sees the relationship" in " ".join(texts[:2])
    assert "Agreed actions" in texts[-1]
    whole = " ".join(texts)
    for heading in ("Each group, at first and now", "Statement by statement"):
        assert heading in whole
    assert all(plain(comment) in whole for comment in COMMENTS)


def test_the_printed_pack_splits_no_chart_row_or_heading(printed_pack):
    pdf, page = printed_pack
    pages = [p.extract_text() for p in pdf.pages]
    headings = {
        plain(text) for text in page.locator(".pack :is(h1, h2, h3)").all_inner_texts()
    }
    for text in pages[:-1]:
        lines = [plain(line) for line in text.splitlines() if line.strip()]
        assert lines[-1] not in headings, f"a heading ends a page: {lines[-1]}"
    # A chart's title and its table's caption share a page: the block is whole.
    for block in page.locator(".pack .chart-block").all():
        title = plain(block.locator(":is(h2, h3)").first.inner_text())
        caption = plain(block.locator("caption").first.inner_text())
        assert any(title in plain(t) and caption in plain(t) for t in pages), title
    # Rows, whole statements, comments and action rows are kept whole on paper
    # (the actions table itself may continue on the next page, a row at a time).
    page.emulate_media(media="print")
    breaks = page.evaluate(
        """[...document.querySelectorAll(
            '.statement-table tbody, .statement-table tr, .comments li,'
            + ' .actions-table tr'
        )].map(el => getComputedStyle(el).breakInside)"""
    )
    assert set(breaks) == {"avoid"}


# The width inside an A4 page's 15 mm margins, in CSS pixels (180 mm).
PAPER_WIDTH = 680
# What a chart paints (its SVG layers, cut to its box) against the pack's
# tables, captions, headings and text: any two boxes that meet.
CHART_OVERLAPS = """() => {
  const box = el => el.getBoundingClientRect();
  const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const cut = (a, b) => ({
    left: Math.max(a.left, b.left), right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom),
  });
  const words = [...document.querySelectorAll(
    '.pack :is(table, caption, th, h1, h2, h3, p, li, figcaption)')]
    .filter(el => box(el).width > 2 && !el.closest('.visually-hidden, [data-figure]'));
  return [...document.querySelectorAll('.pack [data-figure]')].flatMap(chart => {
    const clipped = getComputedStyle(chart).overflow === 'hidden';
    return [...chart.querySelectorAll('.main-svg')].flatMap(svg => {
      const painted = clipped ? cut(box(svg), box(chart)) : box(svg);
      return words.filter(el => !el.contains(chart) && meet(painted, box(el)))
        .map(el => `${chart.dataset.figure} / ${el.tagName}: `
          + el.textContent.trim().slice(0, 40));
    });
  });
}"""
SMALLEST_TYPE = """() => {
  const smallest = {table: 99, text: 99};
  const walker = document.createTreeWalker(
    document.querySelector('.pack'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length
        || el.closest('.visually-hidden, .no-print, svg')) continue;
    const points = parseFloat(getComputedStyle(el).fontSize) * 0.75;
    const kind = el.closest('table') ? 'table' : 'text';
    smallest[kind] = Math.min(smallest[kind], Math.round(points * 10) / 10);
  }
  return smallest;
}"""


def settled_in_print(page: Page) -> None:
    page.emulate_media(media="print")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-figure]')]"
        ".every(el => el.dataset.settled && el.dataset.width == el.clientWidth)"
    )


@pytest.mark.slow
@pytest.mark.parametrize("width", [680, 794, 1280, 1920])
def test_no_chart_overlaps_a_table_or_caption_in_print_after_any_window_width(
    browser, live_server, width
):
    page = open_pack(browser, live_server, {"width": width, "height": 900})
    try:
        wait_until_drawn(page)
        settled_in_print(page)
        assert page.evaluate(CHART_OVERLAPS) == []
        # Then as on the paper itself: the page's width inside its margins.
        page.set_viewport_size({"width": PAPER_WIDTH, "height": 900})
        settled_in_print(page)
        assert page.evaluate(CHART_OVERLAPS) == []
        assert page.evaluate(SMALLEST_TYPE) == {"table": 9, "text": 10}
        assert len(printed(page).pages) <= MAX_PAGES
    finally:
        page.context.close()

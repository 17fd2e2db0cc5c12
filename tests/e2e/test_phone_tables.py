"""Every main page at 320, 390 and 1280 px: nothing wider than the viewport, wide
tables stacked or in a labelled scroll region, and the rep's invitation actions
reachable on the narrowest phone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from demo.scale import ScaleSize, build_scale_data
from reviews.models import Review
from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    draw_every_chart,
    log_in,
    open_page,
)
from tests.factories import (
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    bulk_responses,
    programme_staff_user,
)
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
WIDTHS = {"320": NARROW, "390": PHONE, "1280": DESKTOP}
LONG_NAME = "Philippa Featherstonehaugh-Montgomery"
# Pages whose tables stack or scroll: checked with axe at 390 and 1280 px too.
TABLE_PAGES = ("review detail", "results", "pack", "released", "area list")

# The widest thing on the page, for the failure message: which element sticks
# out past the right edge of the viewport, ignoring what an overflow box clips.
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  let worst = null;
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right <= width + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) {
        clipped = true;
        break;
      }
    }
    if (!clipped && (!worst || right > worst.right)) {
      worst = {right, tag: el.tagName, cls: String(el.className), id: el.id};
    }
  }
  return worst;
}"""


@dataclass
class Site:
    user: object
    released: Review
    open: Review
    closed: Review
    token: str

    def paths(self) -> dict[str, str]:
        released, open_, closed = self.released, self.open, self.closed
        area = open_.appointment.partnership.area
        return {
            "landing": "/",
            "meet": "/meet/",
            "my areas": "/my/",
            "open a review": f"/appointments/{open_.appointment.pk}/reviews/new/",
            "review detail": f"/reviews/{open_.pk}/",
            "invite": f"/reviews/{open_.pk}/invite/",
            "confirm close": f"/reviews/{open_.pk}/close/",
            "confirm release": f"/reviews/{closed.pk}/release/",
            "confirm withdraw": f"/reviews/{released.pk}/withdraw/",
            "audit": f"/reviews/{released.pk}/audit/",
            "results": f"/reviews/{released.pk}/results/",
            "pack": f"/reviews/{released.pk}/pack/",
            "released": f"/reviews/{released.pk}/released/",
            "individuals": f"/reviews/{released.pk}/individuals/",
            "area list": "/areas/",
            "area detail": f"/areas/{area.slug}/",
            "organisation": f"/organisations/{open_.appointment.organisation.slug}/",
            "programme": "/programme/",
        }


def thirty_responses(review: Review) -> None:
    """30 responses from four perspectives, a third of them with a comment."""
    for perspective, count, step in (
        ("member", 22, 7),
        ("lto_staff", 4, 3),
        ("worker", 3, 5),
        ("rep", 1, 1),
    ):
        rows = [
            [(i * step + s * 3 + i // 2) % 10 + 1 for s in range(10)]
            for i in range(count)
        ]
        bulk_responses(review, perspective, rows)
    for n, response in enumerate(review.responses.order_by("id")[:30:3]):
        response.comments = (
            f"Comment {n}: we would like more say in how the money is spent, and "
            "shorter reports at each meeting."
        )
        response.save(update_fields=["comments"])


@pytest.fixture
def site(transactional_db) -> Site:
    build_scale_data(ScaleSize(areas=4, years=1, reviews_per_year=1, responses=4))
    user = programme_staff_user(username="staff-and-rep")
    now = timezone.now()
    released = ReviewFactory(
        title="Spring review of the partnership and its LTO",
        status=Review.Status.CLOSED,
        released_at=now,
    )
    thirty_responses(released)
    area = released.appointment.partnership.area
    RepAssignmentFactory(person__user=user, person__name=LONG_NAME, area=area)
    open_ = ReviewFactory(appointment=released.appointment, title="Autumn review")
    for n, email in enumerate(("", "a.very.long.address@example.org", "b@example.org")):
        person = PersonFactory(name=f"{LONG_NAME} {n}", email=email)
        invitation = InvitationFactory(review=open_, person=person)
        if email:
            invitation.sent_at = now - dt.timedelta(days=2)
            invitation.save(update_fields=["sent_at"])
    # Through the meeting code: the rep's page then has its table of counts.
    bulk_responses(open_, "member", [[5] * 10], via_meeting_code=True)
    closed = ReviewFactory(
        appointment=released.appointment, status=Review.Status.CLOSED
    )
    bulk_responses(closed, "member", [[6] * 10] * 3)
    _, token = invite(open_)
    return Site(user, released, open_, closed, token)


def overflow(page: Page) -> str | None:
    """None when the page fits its viewport, else what sticks out."""
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll <= client:
        return None
    return f"{scroll}px wide in {client}px: {page.evaluate(WIDEST)}"


def wait_for_charts(page: Page) -> None:
    draw_every_chart(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "[...document.querySelectorAll('[data-figure]')]"
        ".every(el => el.closest('details:not([open])') || el.dataset.drawn)"
    )


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_page_is_wider_than_the_viewport(browser, live_server, site, width):
    page = open_page(browser, WIDTHS[width])
    too_wide = {}
    page.goto(f"{live_server.url}/r/{site.token}/")
    too_wide["questionnaire"] = overflow(page)
    log_in(page, live_server, site.user)
    for name, path in site.paths().items():
        page.goto(live_server.url + path)
        wait_for_charts(page)
        too_wide[name] = overflow(page)
        if width != "320" and name in TABLE_PAGES:
            assert_accessible(page)
    page.context.close()
    assert not {k: v for k, v in too_wide.items() if v}


def test_wide_tables_scroll_in_a_labelled_region_with_a_visible_hint(
    browser, live_server, site
):
    page = open_page(browser, NARROW)
    log_in(page, live_server, site.user)
    for name in ("results", "area detail", "organisation", "programme"):
        page.goto(live_server.url + site.paths()[name])
        wait_for_charts(page)
        regions = page.locator(".table-scroll[data-overflowing]")
        for region in regions.all():
            assert region.get_attribute("role") == "region"
            assert region.get_attribute("tabindex") == "0"
            caption = region.get_attribute("aria-labelledby")
            assert page.locator(f"caption#{caption}").count() == 1
            hint = page.locator(f"#{region.get_attribute('aria-describedby')}")
            assert hint.is_visible() and "Scroll sideways" in hint.inner_text()
    # Stacked, the statement table needs no sideways scroll at all.
    page.goto(live_server.url + site.paths()["results"])
    assert (
        page.locator(".statement-table").first.evaluate(
            "el => el.closest('.table-scroll').dataset.overflowing"
        )
        is None
    )


def test_every_invitation_action_is_reachable_on_a_320px_phone(
    browser, live_server, site
):
    page = open_page(browser, NARROW)
    log_in(page, live_server, site.user)
    page.goto(live_server.url + site.paths()["review detail"])
    rows = page.locator("#invitations tbody tr")
    actions = page.locator("#invitations button")
    assert actions.count() == 2 * rows.count() - 1  # one person has no email
    for button in actions.all():
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
    page.get_by_role("button", name=f"Revoke {LONG_NAME} 2's link").click()
    page.wait_for_load_state("networkidle")
    assert "Revoked" in page.locator("#invitations").inner_text()
    page.context.close()

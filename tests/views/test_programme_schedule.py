"""The schedule's pages: the overdue list, the directory's due filter, the rep's
next review date, and response rates that mean something on the overview."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Appointment, Area
from reviews.models import Response, Review
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    AreaFactory,
    InvitationFactory,
    PartnershipFactory,
    RepAssignmentFactory,
    ReviewFactory,
    programme_staff_user,
    two_partnerships,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SIZES = [
    ScaleSize(areas=3, years=2, reviews_per_year=1, responses=2),
    ScaleSize(areas=15, years=3, reviews_per_year=2, responses=3),
]


def overdue_appointment(name: str) -> Appointment:
    appointment = AppointmentFactory(
        started=TODAY - dt.timedelta(days=400),
        partnership=PartnershipFactory(area=AreaFactory(name=name, region="london")),
    )
    RepAssignmentFactory(area=appointment.partnership.area, person__name="Rita Rep")
    return appointment


def test_the_overdue_list_shows_area_lto_rep_due_date_and_last_review(client):
    appointment = overdue_appointment("Lateby")
    AppointmentFactory(started=TODAY - dt.timedelta(days=10))
    client.force_login(programme_staff_user())

    response = client.get(reverse("programme:overdue"))

    html = response.content.decode()
    rows = response.context["page"].object_list
    assert [r.appointment_id for r in rows] == [appointment.pk]
    for words in ("Lateby", appointment.organisation.name, "Rita Rep", "None yet"):
        assert words in html


@pytest.mark.parametrize("size", SIZES, ids=["small", "large"])
def test_the_overdue_list_runs_the_same_queries_at_two_sizes(
    client, django_assert_num_queries, size
):
    client.force_login(programme_staff_user())
    build_scale_data(size, today=TODAY - dt.timedelta(days=800))

    # session, user, staff check, appointments, their reps
    with django_assert_num_queries(5):
        response = client.get(reverse("programme:overdue"))

    assert response.status_code == 200
    assert response.context["page"].paginator.count > 0


def test_the_overview_links_to_the_overdue_list_with_counts_by_region(client):
    overdue_appointment("Lateby")
    client.force_login(programme_staff_user())

    response = client.get(reverse("programme:overview"))

    assert response.context["due_total"].overdue == 1
    assert reverse("programme:overdue") in response.content.decode()


def test_the_directory_filters_areas_by_overdue_and_due(client):
    overdue_appointment("Lateby")
    AppointmentFactory(
        started=TODAY - dt.timedelta(days=80),
        partnership=PartnershipFactory(area=AreaFactory(name="Soonham")),
    )
    AreaFactory(name="Quietly")
    client.force_login(programme_staff_user())
    url = reverse("programme:area-list")

    overdue = client.get(url, {"due": "overdue"}).context["page"].object_list
    due = client.get(url, {"due": "due"}).context["page"].object_list

    assert [a.name for a in overdue] == ["Lateby"]
    assert [a.name for a in due] == ["Soonham"]


def test_the_rep_moves_the_next_review_with_a_reason(client):
    world = two_partnerships()
    client.force_login(world.users["rep_a"])
    url = reverse("programme:review-date", args=[world.appointment_a.pk])

    missing = client.post(url, {"next_review_override": "2031-01-05"})
    saved = client.post(
        url,
        {"next_review_override": "2031-01-05", "next_review_reason": "New chair"},
    )

    assert "Say why" in missing.content.decode()
    assert saved.status_code == 302
    world.appointment_a.refresh_from_db()
    assert world.appointment_a.next_review_override == dt.date(2031, 1, 5)
    my_areas = client.get(reverse("reviews:my-areas")).content.decode()
    assert "5 January 2031" in my_areas and "New chair" in my_areas
    client.force_login(world.users["rep_b"])
    assert client.get(url).status_code == 404


def test_the_partnership_page_shows_each_current_relationships_next_review(client):
    world = two_partnerships()
    client.force_login(world.users["rep_a"])
    area = world.appointment_a.partnership.area

    html = client.get(reverse("programme:area-detail", args=[area.slug])).content

    assert "Next review due" in html.decode()


def closed_review_with_code_answers() -> Review:
    review = ReviewFactory(
        opens=TODAY - dt.timedelta(days=40),
        closes=TODAY - dt.timedelta(days=10),
        status=Review.Status.CLOSED,
    )
    invitations = [InvitationFactory(review=review) for _ in range(4)]
    for invitation in invitations[:3]:
        Response.objects.create(
            review=review,
            perspective="member",
            invitation=invitation,
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
    for n in range(5):
        Response.objects.create(
            review=review,
            perspective="member",
            via_meeting_code=True,
            meeting_key=f"browser-{n}",
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
    summarise_review(review)
    return review


def test_the_invited_rate_counts_invitations_and_code_answers_apart(client):
    closed_review_with_code_answers()
    client.force_login(programme_staff_user())

    (rate,) = client.get(reverse("programme:overview")).context["rates"]

    assert (rate.invited.part, rate.invited.whole) == (3, 4)
    assert rate.invited.share == 0.75
    assert (rate.through_code, rate.on_paper) == (5, 0)


class Checker(HTMLParser):
    """Well-formedness (every non-void element closed in order) and progress
    bars whose value stays within their maximum."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link"}
    VOID |= {"meta", "source", "track", "wbr"}
    # Elements HTML lets a page leave unclosed.
    OPTIONAL = {"p", "li", "tr", "td", "th", "option", "thead", "tbody", "dt", "dd"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "progress":
            values = dict(attrs)
            if float(values["value"]) > float(values.get("max", 1)):
                self.errors.append(f"progress {values} above its maximum")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack[-1] != tag and self.stack[-1] in self.OPTIONAL:
            self.stack.pop()
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def test_the_overview_has_no_rate_above_100_percent_and_well_formed_markup(client):
    closed_review_with_code_answers()
    overdue_appointment("Lateby")
    client.force_login(programme_staff_user())

    html = client.get(reverse("programme:overview")).content.decode()
    checker = Checker()
    checker.feed(html)

    assert checker.errors == []
    assert checker.stack == []
    assert not re.search(r"\b(10[1-9]|1[1-9][0-9]|[2-9][0-9]{2})%", html)


@pytest.mark.parametrize("size", SIZES, ids=["small", "large"])
def test_the_scale_data_overview_counts_are_pinned_and_no_rate_passes_100(client, size):
    build_scale_data(size)
    client.force_login(programme_staff_user())

    response = client.get(reverse("programme:overview"))

    total = response.context["due_total"]
    scheduled = Appointment.objects.scheduled().count()
    assert 0 <= total.due + total.overdue <= scheduled
    assert all(r.invited.share <= 1 for r in response.context["rates"])
    assert Area.objects.count() == size.areas

"""The area directory: who sees which areas, filters, sorting, paging, CSV."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Area, Organisation
from programme.forms import DirectoryFilterForm
from reviews.models import AgreedAction, Review, ReviewSummary
from tests.factories import (
    AppointmentFactory,
    AreaFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db
URL = reverse("programme:area-list")
TODAY = timezone.localdate()


def area(name: str, **fields) -> Area:
    kind = fields.pop("kind", Organisation.Kind.CVS)
    made = AreaFactory(name=name, slug=name.lower().replace(" ", "-"), **fields)
    AppointmentFactory(
        partnership=PartnershipFactory(area=made),
        organisation=OrganisationFactory(kind=kind),
    )
    return made


def listed(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [a.name for a in response.context["page"].object_list]


@pytest.fixture
def staff_client(client):
    client.force_login(programme_staff_user())
    return client


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_staff_see_every_area_sorted_by_name(staff_client):
    area("Brook")
    area("Ashby")

    assert listed(staff_client) == ["Ashby", "Brook"]


def test_a_rep_sees_only_the_areas_they_represent(client):
    mine = area("Mine")
    area("Theirs")
    user = UserFactory()
    RepAssignmentFactory(person=PersonFactory(user=user), area=mine)
    client.force_login(user)

    assert listed(client) == ["Mine"]


def test_a_member_sees_their_own_area_without_the_attention_column(client):
    mine = area("Mine")
    area("Theirs")
    user = UserFactory()
    MembershipFactory(person=PersonFactory(user=user), partnership=mine.partnership)
    client.force_login(user)

    response = client.get(URL, {"attention": "on"})

    assert [a.name for a in response.context["page"].object_list] == ["Mine"]
    assert "Needs attention" not in response.content.decode()


def test_filters_by_region_phase_and_current_lto_kind(staff_client):
    area("North", region="north_east", phase="spending_out")
    area("London one", region="london", phase="spending_out", kind="housing")
    area("London two", region="london", phase="consolidating")

    assert listed(staff_client, region="london") == ["London one", "London two"]
    assert listed(staff_client, phase="spending_out") == ["London one", "North"]
    assert listed(staff_client, kind="housing") == ["London one"]
    assert listed(staff_client, region="london", phase="consolidating") == [
        "London two"
    ]


def test_lto_kind_filter_ignores_appointments_that_have_ended(staff_client):
    changed = area("Changed", kind="cvs")
    AppointmentFactory(
        partnership=changed.partnership,
        organisation=OrganisationFactory(kind="housing"),
        started=dt.date(2014, 1, 1),
        ended=dt.date(2016, 1, 1),
        end_reason="changed_lto",
    )

    assert listed(staff_client, kind="housing") == []
    assert listed(staff_client, kind="cvs") == ["Changed"]


def test_search_matches_area_partnership_and_local_authority_names(staff_client):
    area("Hollins Green", local_authority="Wirral Council")
    area("Ashby")

    assert listed(staff_client, q="hollins") == ["Hollins Green"]
    assert listed(staff_client, q="wirral") == ["Hollins Green"]
    assert listed(staff_client, q="ashby big local") == ["Ashby"]


def test_sorting_is_offered_by_name_and_region_only(staff_client):
    area("Zed", region="east")
    area("Alpha", region="west_midlands")

    assert [v for v, _ in DirectoryFilterForm.base_fields["sort"].choices] == [
        "name",
        "region",
    ]
    assert listed(staff_client, sort="region") == ["Zed", "Alpha"]
    # An unknown sort, such as a score, falls back to the name.
    assert listed(staff_client, sort="score") == ["Alpha", "Zed"]


def closed_review(made: Area, summary: dict | None = None) -> Review:
    review = ReviewFactory(
        appointment=made.partnership.appointments.get(),
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=30),
    )
    ReviewSummary.objects.create(review=review, responses=6, **(summary or {}))
    return review


def overdue_action(review: Review, days: int) -> None:
    AgreedAction.objects.create(
        review=review,
        what="Agree a budget timetable",
        lead=AgreedAction.Lead.LTO,
        due=TODAY - dt.timedelta(days=days),
    )


def test_needs_attention_fires_on_each_rule_and_only_then(staff_client):
    closed_review(area("Calm"), {"discussion_points": 10})
    closed_review(area("Wide gap"), {"wide_gap": True})
    overdue_action(closed_review(area("Action overdue")), days=45)
    overdue_action(closed_review(area("Action just late")), days=10)
    lagging = area("Lagging")
    ReviewFactory(
        appointment=lagging.partnership.appointments.get(),
        opens=TODAY - dt.timedelta(days=30),
    )
    area("Never reviewed")

    assert listed(staff_client, attention="on") == [
        "Action overdue",
        "Lagging",
        "Wide gap",
    ]
    html = staff_client.get(URL).content.decode()
    assert "Wide gap between perspectives in the last review" in html
    assert "Agreed action overdue by more than a month" in html
    assert "Open review with few responses" in html
    assert "discussion points" not in html.split("needs attention")[-1]


def test_the_list_states_the_rule_it_marks_by(staff_client):
    area("Calm")

    html = staff_client.get(URL).content.decode()

    assert "differ by a third of its scale or more (3.0 points on 1 to 10)" in html
    assert "more than 30 days after its due date" in html


def test_the_directory_is_paginated(staff_client):
    for i in range(30):
        area(f"Area {i:02d}")

    first = staff_client.get(URL)
    second = staff_client.get(URL, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert [a.name for a in second.context["page"].object_list] == [
        f"Area {i}" for i in range(25, 30)
    ]


def test_csv_export_holds_the_filtered_table_with_a_bom_and_escaped_cells(
    staff_client,
):
    area("=cmd", region="london")
    area("Other", region="east")

    response = staff_client.get(reverse("programme:area-export"), {"region": "london"})

    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeffArea,Region")
    assert "'=cmd" in text and "Other" not in text
    assert "Needs attention" in text.splitlines()[0]


SIZES = [
    ScaleSize(areas=3, years=1, reviews_per_year=2, responses=3),
    ScaleSize(areas=30, years=2, reviews_per_year=2, responses=5),
]


# session, user, staff check, count, page of areas, current LTOs, reps, last reviews
@pytest.mark.parametrize("size", SIZES, ids=["small", "large"])
@pytest.mark.parametrize(
    "url, queries",
    [(reverse("programme:area-list"), 8), (reverse("programme:area-export"), 7)],
)
def test_directory_pages_run_the_same_queries_at_two_sizes(
    client, django_assert_num_queries, size, url, queries
):
    client.force_login(programme_staff_user())
    build_scale_data(size)

    with django_assert_num_queries(queries):
        response = client.get(url, {"attention": "on"})

    assert response.status_code == 200

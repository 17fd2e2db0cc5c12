"""The partnership (area) page: facts, LTO timeline, reps, reviews, change over time."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Area, Organisation
from reviews.models import FrameworkVersion, Review, Statement
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    big_local_v1,
    bulk_responses,
    programme_staff_user,
    two_partnerships,
)

pytestmark = pytest.mark.django_db


def page_url(area: Area) -> str:
    return reverse("programme:area-detail", args=[area.slug])


def closed_review(appointment, opens: dt.date, members: int, lto: int, **fields):
    review = ReviewFactory(
        appointment=appointment,
        status=Review.Status.CLOSED,
        opens=opens,
        closes=opens + dt.timedelta(days=28),
        **fields,
    )
    bulk_responses(review, "member", [[members] * 10] * 3)
    bulk_responses(review, "lto_staff", [[lto] * 10])
    summarise_review(review)
    return review


def version_two() -> FrameworkVersion:
    """Version 2 of the framework: the first statement reworded, keys kept."""
    v1 = big_local_v1()
    v2 = FrameworkVersion.objects.create(
        framework=v1.framework, number=2, instruction=v1.instruction
    )
    for s in v1.statements.all():
        label = "Voice and confidence" if s.order == 1 else s.short_label
        Statement.objects.create(
            version=v2,
            key=s.key,
            order=s.order,
            text=s.text,
            short_label=label,
            capital=s.capital,
        )
    return v2


def test_someone_elses_area_is_a_404(client):
    world = two_partnerships()
    client.force_login(world.users["rep_b"])

    response = client.get(page_url(world.appointment_a.partnership.area))

    assert response.status_code == 404


def test_the_timeline_shows_an_lto_change_and_becoming_its_own_lto(client):
    first = AppointmentFactory(
        organisation=OrganisationFactory(name="Northern CVS"),
        started=dt.date(2014, 1, 1),
        ended=dt.date(2018, 3, 31),
        end_reason="changed_lto",
    )
    partnership = first.partnership
    AppointmentFactory(
        partnership=partnership,
        organisation=OrganisationFactory(name="Riverside Housing", kind="housing"),
        started=dt.date(2018, 4, 1),
        ended=dt.date(2022, 6, 30),
        end_reason="own_lto",
    )
    AppointmentFactory(
        partnership=partnership,
        organisation=OrganisationFactory(
            name="Hollins Green CIO", kind=Organisation.Kind.OWN_BODY
        ),
        started=dt.date(2022, 7, 1),
    )
    client.force_login(programme_staff_user())

    html = client.get(page_url(partnership.area)).content.decode()

    order = [html.index(n) for n in ("Northern CVS", "Riverside", "Hollins Green CIO")]
    assert order == sorted(order)
    assert "ended because <strong>Changed LTO</strong>" in html
    assert "ended because <strong>Partnership became its own LTO</strong>" in html
    assert "The partnership’s own LTO" in html
    assert "July 2022 to now (current)" in html


def test_reps_over_time_are_listed(client):
    appointment = AppointmentFactory()
    area = appointment.partnership.area
    RepAssignmentFactory(
        area=area,
        person=PersonFactory(name="Old Rep"),
        started=dt.date(2014, 1, 1),
        ended=dt.date(2019, 1, 1),
    )
    RepAssignmentFactory(area=area, person=PersonFactory(name="New Rep"))
    client.force_login(programme_staff_user())

    html = client.get(page_url(area)).content.decode()

    assert "Old Rep: January 2014 to January 2019" in html
    assert "New Rep: January 2015 to now" in html


def test_change_over_time_joins_reviews_across_framework_versions_by_key(client):
    appointment = AppointmentFactory()
    closed_review(appointment, dt.date(2021, 3, 1), members=4, lto=8)
    closed_review(
        appointment,
        dt.date(2023, 3, 1),
        members=6,
        lto=7,
        framework_version=version_two(),
    )
    client.force_login(programme_staff_user())

    response = client.get(page_url(appointment.partnership.area))

    charts = response.context["change_charts"]
    assert len(charts) == 10
    first = charts[0]
    # The newest wording names the statement; both reviews sit on one line.
    assert first.title == "Voice and confidence"
    members = first.figure["data"][0]
    assert members["name"] == "Partnership members"
    # Drawn as shares of the 1-10 scale: 4.0 is a third of the way up.
    assert members["y"] == pytest.approx([100 / 3, 500 / 9])
    # The LTO each review concerned, its scale, then each share and mean.
    lto = appointment.organisation.name
    assert [row[1] for row in first.table.rows] == [
        (lto, "1–10", "33.3% (4.0)", "77.8% (8.0)"),
        (lto, "1–10", "55.6% (6.0)", "66.7% (7.0)"),
    ]
    assert 'data-figure="change-confidence-voice-data"' in response.content.decode()


def test_members_see_released_reviews_only_and_small_groups_hidden(client):
    appointment = AppointmentFactory()
    released = closed_review(
        appointment,
        dt.date(2021, 3, 1),
        members=4,
        lto=8,
        released_at=timezone.now(),
        title="Released one",
    )
    closed_review(appointment, dt.date(2023, 3, 1), members=6, lto=7, title="Private")
    released.min_group_size = 5
    released.save()
    user = UserFactory()
    MembershipFactory(
        person=PersonFactory(user=user), partnership=appointment.partnership
    )
    client.force_login(user)

    response = client.get(page_url(appointment.partnership.area))

    html = response.content.decode()
    assert "Released one" in html and "Private" not in html
    # Three members answered, fewer than k=5: only the LTO's line is drawn.
    names = [t["name"] for t in response.context["change_charts"][0].figure["data"]]
    assert names == ["LTO staff"]


SIZES = [
    ScaleSize(areas=2, years=1, reviews_per_year=2, responses=3),
    ScaleSize(areas=4, years=4, reviews_per_year=2, responses=8),
]


# session, user, staff check, area, represented-by check, appointments, reps,
# reviews, agreed actions, statement summaries
@pytest.mark.parametrize("size", SIZES, ids=["small", "large"])
def test_partnership_page_runs_the_same_queries_at_two_sizes(
    client, django_assert_num_queries, size
):
    client.force_login(programme_staff_user())
    build_scale_data(size)
    url = page_url(Area.objects.get(slug="scale-area-001"))

    with django_assert_num_queries(10):
        response = client.get(url)
    # Both columns come from the same rows: no query more.
    with django_assert_num_queries(10):
        both = client.get(url, {"show": "both"})

    assert response.status_code == both.status_code == 200
    assert response.context["change_charts"] and both.context["change_charts"]


@pytest.mark.slow
def test_the_timeline_shows_the_demo_datas_lto_changes_and_own_lto_moves(client):
    from demo.programme import seed_demo
    from partnerships.models import Appointment

    seed_demo()
    client.force_login(programme_staff_user())
    for reason, words in [
        ("own_lto", "Partnership became its own LTO"),
        ("changed_lto", "Changed LTO"),
    ]:
        ended = (
            Appointment.objects.filter(end_reason=reason)
            .select_related("partnership__area")
            .first()
        )
        history = list(
            ended.partnership.appointments.select_related("organisation").order_by(
                "started", "pk"
            )
        )
        html = client.get(page_url(ended.partnership.area)).content.decode()

        positions = [html.index(escape(a.organisation.name)) for a in history]
        assert positions == sorted(positions)
        assert f"ended because <strong>{words}</strong>" in html
        successor = next(a for a in history if a.started > ended.started)
        if reason == "own_lto":
            assert successor.organisation.kind == Organisation.Kind.OWN_BODY
            assert "The partnership’s own LTO" in html


def test_protected_view_hides_an_at_first_group_below_k_as_it_hides_now(client):
    appointment = AppointmentFactory()
    review = ReviewFactory(
        appointment=appointment,
        status=Review.Status.CLOSED,
        opens=dt.date(2022, 3, 1),
        closes=dt.date(2022, 3, 29),
        released_at=timezone.now(),
        min_group_size=3,
    )
    # Four members rate "now"; only two of them remember how it was at first.
    bulk_responses(review, "member", [[6] * 10] * 2, then=3)
    bulk_responses(review, "member", [[6] * 10] * 2, then="dont_know")
    bulk_responses(review, "lto_staff", [[8] * 10], then=5)
    summarise_review(review)
    user = UserFactory()
    MembershipFactory(
        person=PersonFactory(user=user), partnership=appointment.partnership
    )
    url = page_url(appointment.partnership.area)

    client.force_login(user)
    protected = client.get(url, {"show": "both"}).context["change_charts"][0]
    client.force_login(programme_staff_user())
    unprotected = client.get(url, {"show": "both"}).context["change_charts"][0]

    assert [t["name"] for t in protected.figure["data"]] == [
        "Partnership members now",
        "LTO staff at first",
        "LTO staff now",
    ]
    assert "Partnership members at first" not in protected.table.headers
    assert protected.table.rows[0][1][1:] == (
        "1–10",
        "55.6% (6.0)",
        "44.4% (5.0)",
        "77.8% (8.0)",
    )
    assert "Partnership members at first" in unprotected.table.headers
    assert "22.2% (3.0)" in unprotected.table.rows[0][1]

"""One scale at a time: a review on a 0–5 version beside reviews on 1–10.

The property: a review on a 0–5 version whose every answer is the top of its
scale never lowers any figure on the partnership page or the programme
overview, and one whose every answer is the bottom never raises one. Before
pages put reviews on a common footing, a 5 (the top of 0–5) was drawn below a
6.1 (on 1–10).
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.actions.frameworks import copy_last_version
from reviews.models import FrameworkVersion, Review
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    ReviewFactory,
    big_local_v1,
    bulk_responses,
    programme_staff_user,
)
from tests.views.respond_helpers import answers, start, url

pytestmark = pytest.mark.django_db

ZERO_TO_FIVE_INSTRUCTION = (
    "On a rating between 0 and 5, where 0 is least and 5 is most, which of the "
    "following statements apply?"
)


def zero_to_five() -> FrameworkVersion:
    """Version 2 of Big Local, copied from version 1 and given a 0–5 scale."""
    version = copy_last_version(framework=big_local_v1().framework)
    version.scale_min, version.scale_max = 0, 5
    version.instruction = ZERO_TO_FIVE_INSTRUCTION
    version.full_clean()
    version.save()
    return version


def closed(appointment, opens: dt.date, members, lto, then, **fields) -> Review:
    review = ReviewFactory(
        appointment=appointment,
        status=Review.Status.CLOSED,
        opens=opens,
        closes=opens + dt.timedelta(days=28),
        **fields,
    )
    bulk_responses(review, "member", members, then=then)
    bulk_responses(review, "lto_staff", [lto], then=then)
    summarise_review(review, refresh=True)
    return review


def partnership_figures(client: Client, appointment) -> dict[str, list]:
    """Every line's values in change over time, "at first" and "now"."""
    url = reverse("programme:area-detail", args=[appointment.partnership.area.slug])
    charts = client.get(url, {"show": "both"}).context["change_charts"]
    return {
        f"{chart.id}/{trace['name']}": trace["y"]
        for chart in charts
        for trace in chart.figure["data"]
    }


def overview_figures(client: Client) -> dict[str, float]:
    """The five numbers of each statement's spread on the programme overview."""
    chart = client.get(reverse("programme:overview")).context["distribution"]
    trace = chart.figure["data"][0]
    fields = ("lowerfence", "q1", "median", "q3", "upperfence")
    return {
        f"{label}/{field}": trace[field][i]
        for i, label in enumerate(trace["y"])
        for field in fields
    }


ratings = st.integers(1, 10)
one_response = st.lists(ratings, min_size=10, max_size=10)
history = st.lists(
    st.tuples(st.lists(one_response, min_size=3, max_size=4), one_response),
    min_size=1,
    max_size=3,
)


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(reviews=history, others=history, top=st.booleans())
def test_an_extreme_review_on_0_to_5_moves_every_figure_its_own_way(
    reviews, others, top
):
    with transaction.atomic():
        cache.clear()
        client = Client()
        client.force_login(programme_staff_user())
        appointment, elsewhere = AppointmentFactory(), AppointmentFactory()
        start = dt.date(2019, 1, 1)
        for i, (members, lto) in enumerate(reviews):
            closed(appointment, start + dt.timedelta(days=90 * i), members, lto, 5)
        for i, (members, lto) in enumerate(others):
            closed(elsewhere, start + dt.timedelta(days=90 * i), members, lto, 5)
        before_page = partnership_figures(client, appointment)
        before_overview = overview_figures(client)

        extreme = 5 if top else 0
        closed(
            appointment,
            dt.date(2024, 1, 1),
            [[extreme] * 10] * 3,
            [extreme] * 10,
            extreme,
            framework_version=zero_to_five(),
        )
        after_page = partnership_figures(client, appointment)
        after_overview = overview_figures(client)
        transaction.set_rollback(True)

    assert after_page.keys() == before_page.keys()
    for line, values in before_page.items():
        *kept, new = after_page[line]
        assert kept == values  # earlier reviews' figures stay as they were
        shown = [v for v in values if v is not None]
        # The new review sits at an end of the common footing, never inside it.
        assert new == (100 if top else 0)
        assert all(new >= v for v in shown) if top else all(new <= v for v in shown)
    assert after_overview.keys() == before_overview.keys()
    for figure, value in before_overview.items():
        if top:
            assert after_overview[figure] >= value, figure
        else:
            assert after_overview[figure] <= value, figure


def test_a_version_on_0_to_5_cannot_keep_an_instruction_that_says_1_to_10():
    version = copy_last_version(framework=big_local_v1().framework)
    version.scale_min, version.scale_max = 0, 5

    with pytest.raises(ValidationError) as error:
        version.full_clean()

    assert "from 0 (least) to 5 (most)" in str(error.value)
    version.instruction = ZERO_TO_FIVE_INSTRUCTION
    version.full_clean()


def test_the_questionnaire_and_thank_you_page_name_the_reviews_own_scale(client):
    review = ReviewFactory(framework_version=zero_to_five())
    start(client, review)

    form = client.get(url("respond", review)).content.decode()
    client.post(
        url("respond", review),
        {**answers(review, then="1", now="4", like="5"), "action": "continue"},
    )
    client.post(url("respond-submit", review))
    thanks = client.get(url("respond-thanks", review)).content.decode()

    assert "0 is least, 5 is most" in form
    assert ZERO_TO_FIVE_INSTRUCTION in form
    assert "1 is least" not in form and "10 is most" not in form
    assert "your ratings from 0 (least) to 5 (most)" in thanks


def test_the_overview_names_every_scale_its_spread_was_asked_on(client):
    client.force_login(programme_staff_user())
    closed(AppointmentFactory(), dt.date(2022, 1, 1), [[6] * 10] * 3, [7] * 10, 5)
    closed(
        AppointmentFactory(),
        dt.date(2023, 1, 1),
        [[3] * 10] * 3,
        [4] * 10,
        2,
        framework_version=zero_to_five(),
    )

    chart = client.get(reverse("programme:overview")).context["distribution"]

    assert chart.table.headers[2] == "Scales"
    assert {cells[1] for _, cells in chart.table.rows} == {"0–5, 1–10"}
    # Each review's mean now over everyone: (3 x 6 + 7) / 4 = 6.25 on 1-10 is
    # 58.3%; (3 x 3 + 4) / 4 = 3.25 on 0-5 is 65%. Never 3.25 below 6.25.
    assert {cells[2:] for _, cells in chart.table.rows} == {
        ("58.3%", "60.0%", "61.7%", "63.3%", "65.0%")
    }

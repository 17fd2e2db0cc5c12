"""A framework version on another scale (0 to 5) works end to end: the form,
the database, the analysis, the charts and the words on the page."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from reviews.models import Answer, FrameworkVersion
from reviews.results.reading import read_review
from tests.factories import (
    ResponseFactory,
    ReviewFactory,
    framework_version,
    two_partnerships,
)
from tests.views.respond_helpers import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def zero_to_five() -> FrameworkVersion:
    return framework_version("small-fund", statements=3, scale_min=0, scale_max=5)


def test_the_questionnaire_offers_the_versions_own_ratings(client, zero_to_five):
    review = start(client, ReviewFactory(framework_version=zero_to_five))
    page = client.get(reverse("reviews:respond", args=[review.pk])).content.decode()
    assert "0 is least, 5 is most" in page
    assert 'value="0"' in page and 'value="5"' in page
    assert 'value="6"' not in page and "10 is most" not in page


def test_a_rating_outside_the_versions_scale_is_refused_and_kept(client, zero_to_five):
    review = start(client, ReviewFactory(framework_version=zero_to_five))
    data = {"then-s1": "0", "now-s1": "6", "action": "save"}
    reply = client.post(reverse("reviews:respond", args=[review.pk]), data)
    assert reply.status_code == 400
    page = reply.content.decode()
    # What was typed stays on the page; nothing off the scale reaches the database.
    assert 'id="then-s1-0" value="0" checked' in page
    assert not Answer.objects.filter(response__review=review).exists()


def test_the_database_holds_ratings_to_the_generic_limits(zero_to_five):
    response = ResponseFactory(review=ReviewFactory(framework_version=zero_to_five))
    statement = zero_to_five.statements.first()
    Answer.objects.create(response=response, statement=statement, now_rating=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        FrameworkVersion.objects.filter(pk=zero_to_five.pk).update(scale_max=101)


def test_analysis_and_charts_use_six_options(client, zero_to_five):
    world = two_partnerships()
    review = ReviewFactory(
        framework_version=zero_to_five, appointment=world.appointment_a
    )
    for ratings in ([0, 5, 2], [1, 5, 3], [2, 5, 4]):
        response = ResponseFactory(review=review)
        for statement, rating in zip(
            zero_to_five.statements.all(), ratings, strict=True
        ):
            Answer.objects.create(
                response=response, statement=statement, now_rating=rating
            )
    _, result = read_review(review)
    assert result.scale.options == 6
    group = result.group("s1", "now", "member")
    # Ratings 0, 1, 2: s² = 1, σ²_EU = (6² − 1) / 12, so r_wg = 1 − 12/35.
    assert group.rwg == pytest.approx(1 - 12 / 35, abs=0.001)
    client.force_login(world.users["rep_a"])
    page = client.get(reverse("reviews:review-results", args=[review.pk]))
    assert page.status_code == 200
    assert '"tickvals": [0, 1, 2, 3, 4, 5]' in page.content.decode()


def test_big_local_stays_one_to_ten(client):
    review = start(client, ReviewFactory())
    page = client.get(reverse("reviews:respond", args=[review.pk])).content.decode()
    assert "1 is least, 10 is most" in page

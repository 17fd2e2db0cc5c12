"""The results page and meeting pack run the same queries at 5 and 200 responses."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PERSPECTIVES = itertools.cycle(["member", "member", "member", "lto_staff", "worker"])


def review_with(count: int, comments: bool = True):
    review = ReviewFactory()
    for i in range(count):
        row = [(i * 3 + s) % 10 + 1 for s in range(10)]
        comment = f"Comment {i}" if comments else ""
        bulk_responses(review, next(PERSPECTIVES), [row], comments=comment)
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return review, user


def queries_for(client, name: str, count: int) -> int:
    review, user = review_with(count)
    client.force_login(user)
    url = reverse(f"reviews:{name}", args=[review.pk])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "name",
    [
        "review-results",
        "review-dots",
        "review-individuals",
        "review-pack",
        "review-export",
    ],
)
def test_query_count_does_not_grow_with_responses(client, name):
    assert queries_for(client, name, 5) == queries_for(client, name, 200)


@pytest.mark.parametrize("responses", [5, 200])
def test_results_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, responses
):
    review, user = review_with(responses)
    client.force_login(user)
    # session, user, staff-group check, review, data version (the cache key),
    # statements, responses, answers, the version's questions to open with,
    # invitations and responses by perspective, the audit row recording the
    # viewing, and, in one query, the agreed actions of this review and of the
    # one before ("Last time you agreed...")
    with django_assert_num_queries(13):
        client.get(reverse("reviews:review-results", args=[review.pk]))


@pytest.mark.parametrize("responses", [5, 200])
def test_meeting_pack_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, responses
):
    review, user = review_with(responses)
    client.force_login(user)
    with django_assert_num_queries(13):
        client.get(reverse("reviews:review-pack", args=[review.pk]))


@pytest.mark.parametrize("responses", [5, 200])
def test_the_dot_plot_figure_comes_from_the_results_cache_when_there(
    client, django_assert_num_queries, responses
):
    review, user = review_with(responses)
    client.force_login(user)
    with override_settings(CACHES=LOCMEM):
        cache.clear()
        client.get(reverse("reviews:review-results", args=[review.pk]))
        # session, user, staff-group check, review, data version, the audit
        # row: the figure is drawn from the analysis the page cached.
        with django_assert_num_queries(6):
            reply = client.get(reverse("reviews:review-dots", args=[review.pk]))
        cache.clear()
    assert reply.status_code == 200


def test_released_results_query_count_does_not_grow_with_responses(client):
    counts = []
    for responses in (5, 200):
        review, user = review_with(responses)
        review.released_at = review.created
        review.save()
        client.force_login(user)
        url = reverse("reviews:review-released", args=[review.pk])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_results_page_stays_the_same_size_however_many_respond(client):
    # Per-response radars live on their own paginated page and the dot plot's
    # figure is fetched when seen, so the report does not grow with every
    # respondent (only its comments do).
    sizes = []
    for responses in (5, 200):
        review, user = review_with(responses, comments=False)
        client.force_login(user)
        page = client.get(reverse("reviews:review-results", args=[review.pk]))
        html = page.content.decode()
        sizes.append(len(html))
        assert "individual-member-data" not in html
    dots = client.get(reverse("reviews:review-dots", args=[review.pk]))
    # What the page says grows a little (the agenda names more people); the
    # 2,000 dots' figure, fetched apart, would have added more than all of it.
    assert sizes[1] - sizes[0] < len(dots.content) / 2
    individuals = client.get(reverse("reviews:review-individuals", args=[review.pk]))
    html = individuals.content.decode()
    assert html.count('data-figure="individual-') <= 3
    assert "Page 1 of 9" in html

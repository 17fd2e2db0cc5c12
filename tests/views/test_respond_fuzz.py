"""Arbitrary POST bodies never make a 500 or store a rating off the 1–10 scale."""

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.models import Answer
from tests.factories import ReviewFactory
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.django_db

KEYS = ["networks", "governance-risk", "confidence-voice", "made-up", ""]
names = st.one_of(
    st.builds(
        lambda column, key: f"{column}-{key}",
        st.sampled_from(["then", "now", "like", "soon", ""]),
        st.sampled_from(KEYS),
    ),
    st.sampled_from(["comments", "not_involved_at_start", "action", "csrf"]),
    st.text(max_size=12),
)
values = st.one_of(
    st.integers(-5, 15).map(str),
    st.sampled_from(["dont_know", "not_relevant", "continue", "save", "on", ""]),
    st.text(max_size=40),
)
bodies = st.dictionaries(names, st.one_of(values, st.lists(values, max_size=3)))
targets = st.sampled_from(["respond", "respond-autosave", "respond-submit"])


@pytest.fixture
def token():
    """One personal link, opened afresh by every example's new browser."""
    _, token = invite(ReviewFactory(asks_would_like=True))
    return token


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=bodies, target=targets)
def test_any_post_body_is_answered_without_a_500_or_a_bad_rating(token, body, target):
    client = Client(raise_request_exception=True)
    opened = client.get(reverse("reviews:respond-link", args=[token]))
    review_id = int(opened.url.strip("/").split("/")[-1])
    clean = {k.replace("\x00", ""): v for k, v in body.items()}
    reply = client.post(reverse(f"reviews:{target}", args=[review_id]), clean)
    assert reply.status_code < 500
    off_scale = Q()
    for column in ("then", "now", "like"):
        off_scale |= Q(**{f"{column}_rating__lt": 1}) | Q(
            **{f"{column}_rating__gt": 10}
        )
    assert not Answer.objects.filter(off_scale).exists()

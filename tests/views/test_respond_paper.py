"""Paper questionnaires: the printable form, and typing one in on someone's behalf."""

import pytest
from django.urls import reverse

from reviews.models import AuditEvent, Response, Review
from tests.factories import (
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    programme_staff_user,
)
from tests.views.respond_helpers import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def review() -> Review:
    return ReviewFactory(asks_would_like=True)


@pytest.fixture
def rep(review):
    user = UserFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=user), area=review.appointment.partnership.area
    )
    return user


def entry(review) -> str:
    return reverse("reviews:paper-entry", args=[review.pk])


def test_the_paper_form_has_a_row_per_statement_with_boxes_for_a_b_and_c(
    client, rep, review
):
    client.force_login(rep)
    reply = client.get(reverse("reviews:paper-form", args=[review.pk]))
    assert reply.status_code == 200
    body = reply.content.decode()
    assert body.count('<td class="paper-cell">') == 30
    assert "C. Where would you like the relationship to be?" in body
    assert "I wasn't involved at the start" in body


def test_the_rep_types_in_a_paper_response_which_records_who_entered_it(
    client, rep, review
):
    client.force_login(rep)
    form = client.get(entry(review))
    key = form.context["form"]["entry_key"].value()
    data = {**answers(review, now="6"), "perspective": "lto_staff", "entry_key": key}
    reply = client.post(entry(review), data)
    assert reply.status_code == 302
    response = Response.objects.get(review=review)
    assert response.entered_by == rep
    assert response.entered_at is not None
    assert response.perspective == "lto_staff"
    assert response.status == Response.Status.SUBMITTED
    assert response.answers.filter(now_rating=6, like_rating=8).count() == 10
    event = AuditEvent.objects.get(review=review)
    assert event.action == AuditEvent.Action.PAPER_ENTRY
    assert event.actor == rep


def test_posting_the_same_paper_entry_twice_makes_one_response(client, rep, review):
    client.force_login(rep)
    data = {**answers(review), "perspective": "member", "entry_key": "same-key"}
    client.post(entry(review), data)
    client.post(entry(review), data)
    assert Response.objects.filter(review=review).count() == 1
    assert AuditEvent.objects.filter(review=review).count() == 1


def test_blanks_on_paper_stay_blank(client, rep, review):
    client.force_login(rep)
    data = {"now-networks": "4", "perspective": "member", "entry_key": "k1"}
    assert client.post(entry(review), data).status_code == 302
    assert Response.objects.get().answers.get().now_rating == 4


def test_a_paper_entry_needs_a_perspective(client, rep, review):
    client.force_login(rep)
    reply = client.post(entry(review), {**answers(review), "entry_key": "k2"})
    assert reply.status_code == 400
    assert 'href="#id_perspective_0"' in reply.content.decode()
    assert not Response.objects.exists()


def test_local_trust_staff_may_enter_paper_responses(client, review):
    client.force_login(programme_staff_user())
    assert client.get(entry(review)).status_code == 200


def test_someone_elses_review_is_a_404_for_get_and_post(client, review):
    client.force_login(UserFactory())
    assert client.get(entry(review)).status_code == 404
    assert (
        client.get(reverse("reviews:paper-form", args=[review.pk])).status_code == 404
    )
    data = {**answers(review), "perspective": "member", "entry_key": "k3"}
    assert client.post(entry(review), data).status_code == 404
    assert not Response.objects.exists()


def test_anonymous_users_are_sent_to_log_in(client, review):
    reply = client.get(entry(review))
    assert reply.status_code == 302
    assert reply.url.startswith(reverse("login"))


def test_a_closed_review_takes_no_paper_entries(client, rep, review):
    Review.objects.filter(pk=review.pk).update(status=Review.Status.CLOSED)
    client.force_login(rep)
    data = {**answers(review), "perspective": "member", "entry_key": "k4"}
    assert client.post(entry(review), data).status_code == 403
    assert not Response.objects.exists()

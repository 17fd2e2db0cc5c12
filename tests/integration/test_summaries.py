"""Stored per-review summaries: what `summarise_review` computes and keeps."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.utils import timezone

from reviews.models import Response, Review, ReviewSummary, StatementSummary
from reviews.summaries import forget_summary, summarise_review, summarise_reviews
from tests.factories import InvitationFactory, ReviewFactory, bulk_responses

pytestmark = pytest.mark.django_db

# Members split 1..10 on the first statement and agree on the rest; LTO staff
# rate the first statement 9, far above the members' average.
MEMBERS = [
    [1, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    [10, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    [2, 6, 5, 5, 5, 5, 5, 5, 5, 5],
    [9, 6, 5, 5, 5, 5, 5, 5, 5, 5],
]
LTO = [[9, 6, 5, 5, 5, 5, 5, 5, 5, 5], [9, 5, 5, 5, 5, 5, 5, 5, 5, 5]]


def closed_review() -> Review:
    review = ReviewFactory(status=Review.Status.CLOSED)
    bulk_responses(review, "member", MEMBERS)
    bulk_responses(review, "lto_staff", LTO)
    InvitationFactory.create_batch(3, review=review)
    InvitationFactory(review=review, revoked=True)
    return review


def test_summary_counts_submitted_responses_and_live_invitations():
    review = closed_review()

    summary = summarise_review(review)

    assert (summary.responses, summary.invited) == (6, 3)
    # One point: the first statement, with its gap and disagreement together.
    assert summary.discussion_points == 1
    assert ReviewSummary.objects.get(review=review).responses == 6


def test_summary_stores_how_the_responses_came_for_the_programme_rates():
    review = ReviewFactory(status=Review.Status.CLOSED)
    live, revoked = InvitationFactory(review=review), InvitationFactory(review=review)
    revoked.revoked = True
    revoked.save()
    InvitationFactory(review=review)
    for n, invitation in enumerate([live, revoked]):
        Response.objects.create(
            review=review,
            perspective="member",
            invitation=invitation,
            meeting_key=f"invited-{n}",
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
    Response.objects.create(
        review=review,
        perspective="member",
        via_meeting_code=True,
        meeting_key="browser-1",
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )

    summary = summarise_review(review)

    assert summary.invited == 2
    assert summary.invitations_answered == 1
    assert (summary.through_code, summary.on_paper) == (1, 0)


def test_statement_summary_flags_the_members_lto_gap_and_member_disagreement():
    review = closed_review()

    summarise_review(review)

    first, second = StatementSummary.objects.filter(review=review).order_by(
        "statement__order"
    )[:2]
    assert first.key == first.statement.key == "confidence-voice"
    assert first.gap_flagged and first.disagreement_flagged
    assert not second.gap_flagged and not second.disagreement_flagged
    assert first.now_by_perspective["member"] == {"n": 4, "mean": 5.5}
    assert first.now_by_perspective["lto_staff"] == {"n": 2, "mean": 9.0}
    assert first.now_mean == pytest.approx((1 + 10 + 2 + 9 + 9 + 9) / 6, abs=0.001)


def test_summarising_again_replaces_the_stored_rows():
    review = closed_review()
    summarise_review(review)
    bulk_responses(review, "member", [[5] * 10])

    summary = summarise_review(review)

    assert summary.responses == 7
    assert StatementSummary.objects.filter(review=review).count() == 10


def test_summarise_reviews_fills_in_closed_reviews_without_a_summary_only():
    done = closed_review()
    summarise_review(done)
    missing = closed_review()
    still_open = ReviewFactory(status=Review.Status.OPEN)

    assert summarise_reviews() == 1

    assert ReviewSummary.objects.filter(review=missing).exists()
    assert not ReviewSummary.objects.filter(review=still_open).exists()


def test_summarise_reviews_command_reports_how_many_it_summarised(capsys):
    closed_review()

    call_command("summarise_reviews")

    assert "Summarised 1 reviews." in capsys.readouterr().out


def test_forgetting_a_summary_removes_both_kinds_of_row():
    review = closed_review()
    summarise_review(review)

    forget_summary(review)

    assert not ReviewSummary.objects.filter(review=review).exists()
    assert not StatementSummary.objects.filter(review=review).exists()


def review_with_first_ratings() -> Review:
    """Three members rate every statement 4 "at first", one doesn't know, one
    was not involved at the start, and one LTO staff member rates it 7."""
    review = ReviewFactory(status=Review.Status.CLOSED)
    bulk_responses(review, "member", [[6] * 10] * 3, then=4)
    bulk_responses(review, "member", [[6] * 10], then="dont_know")
    bulk_responses(review, "member", [[8] * 10], then=None, not_involved_at_start=True)
    bulk_responses(review, "lto_staff", [[9] * 10], then=7)
    return review


def test_statement_summary_stores_at_first_means_by_perspective():
    review = review_with_first_ratings()

    summarise_review(review)

    for row in StatementSummary.objects.filter(review=review):
        # Don't know and not involved at the start give no "at first" rating.
        assert row.then_by_perspective == {
            "member": {"n": 3, "mean": 4.0},
            "lto_staff": {"n": 1, "mean": 7.0},
        }
        assert row.now_by_perspective["member"] == {"n": 5, "mean": 6.4}


def test_the_data_migration_fills_at_first_means_of_summaries_stored_before():
    review = review_with_first_ratings()
    set_aside = bulk_responses(review, "lto_staff", [[9] * 10], then=1)[0]
    set_aside.set_aside_at = timezone.now()
    set_aside.save()
    summarise_review(review)
    expected = dict(
        StatementSummary.objects.filter(review=review).values_list(
            "pk", "then_by_perspective"
        )
    )
    StatementSummary.objects.update(then_by_perspective={})
    migration = import_module(
        "reviews.migrations.0020_statement_summary_then_by_perspective_data"
    )

    migration.forwards(django_apps, None)

    filled = dict(StatementSummary.objects.values_list("pk", "then_by_perspective"))
    assert filled == expected
    assert all(value["lto_staff"]["n"] == 1 for value in filled.values())


def test_summary_stores_a_wide_gap_between_two_groups_of_two_or_more():
    # Members average 5.5 on the first statement, LTO staff 9: 3.5 apart.
    assert summarise_review(closed_review()).wide_gap


def test_summary_stores_no_wide_gap_when_the_groups_are_close():
    review = ReviewFactory(status=Review.Status.CLOSED)
    bulk_responses(review, "member", MEMBERS)
    bulk_responses(review, "lto_staff", [[7] * 10, [7] * 10])

    assert not summarise_review(review).wide_gap


def test_the_data_migration_marks_wide_gaps_from_stored_statement_summaries():
    wide, close = closed_review(), ReviewFactory(status=Review.Status.CLOSED)
    bulk_responses(close, "member", MEMBERS)
    bulk_responses(close, "lto_staff", [[7] * 10, [7] * 10])
    for review in (wide, close):
        summarise_review(review)
    ReviewSummary.objects.update(wide_gap=False)
    migration = import_module("reviews.migrations.0030_review_summary_wide_gap_data")

    migration.forwards(django_apps, None)

    assert dict(ReviewSummary.objects.values_list("review_id", "wide_gap")) == {
        wide.pk: True,
        close.pk: False,
    }

"""Recording, editing and following up agreed actions: the rows, the audit
trail, and which review's actions "Last time you agreed..." reads."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reviews.actions import agreed
from reviews.models import AgreedAction, AuditEvent
from tests.factories import AppointmentFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

SOON = timezone.localdate() + dt.timedelta(days=30)


@pytest.fixture
def rep():
    return UserFactory(username="rita")


def record(review, rep, what="Meet monthly", **kwargs):
    values = {"lead": AgreedAction.Lead.LTO, "due": SOON} | kwargs
    return agreed.record_action(review=review, actor=rep, what=what, **values)


def test_recording_an_action_keeps_its_statements_a_first_note_and_an_audit_entry(
    rep,
):
    review = ReviewFactory(status="closed")
    statements = list(review.framework_version.statements.order_by("order")[:2])

    action = record(review, rep, statements=statements)

    assert list(action.statements.order_by("order")) == statements
    assert [u.status for u in action.updates.all()] == ["agreed"]
    event = review.events.get(action=AuditEvent.Action.ACTION_RECORDED)
    assert event.actor == rep and "Meet monthly" in event.detail


def test_another_organisation_must_be_named_and_a_named_one_is_kept(rep):
    review = ReviewFactory()

    action = record(review, rep, lead="other", lead_other="The council")

    assert action.lead_label == "The council"
    with pytest.raises(IntegrityError):
        AgreedAction.objects.create(review=review, what="x", lead="other", due=SOON)


def test_a_named_organisation_is_dropped_when_someone_else_leads(rep):
    action = record(ReviewFactory(), rep, lead="rep", lead_other="The council")

    assert action.lead_other == "" and action.lead_label == "The rep"


def test_each_status_change_leaves_a_dated_note_and_an_audit_entry(rep):
    action = record(ReviewFactory(), rep)

    agreed.change_status(action=action, actor=rep, status="in_progress", note="Begun")
    agreed.change_status(action=action, actor=rep, status="done", note="Finished")

    action.refresh_from_db()
    assert action.status == "done"
    notes = [(u.status, u.note) for u in action.updates.order_by("at", "pk")][1:]
    assert notes == [("in_progress", "Begun"), ("done", "Finished")]
    details = list(
        action.review.events.filter(action=AuditEvent.Action.ACTION_STATUS)
        .order_by("at", "pk")
        .values_list("detail", flat=True)
    )
    assert details[0].startswith("Agreed to In progress")
    assert details[1].startswith("In progress to Done")


def test_editing_audits_what_changed_and_nothing_when_nothing_did(rep):
    action = record(ReviewFactory(), rep)

    changed = agreed.edit_action(
        action=action, actor=rep, what="Meet weekly", lead="lto", due=SOON
    )
    unchanged = agreed.edit_action(
        action=action, actor=rep, what="Meet weekly", lead="lto", due=SOON
    )

    assert changed == ["what"] and unchanged == []
    edits = action.review.events.filter(action=AuditEvent.Action.ACTION_EDITED)
    assert [e.detail for e in edits] == ["Changed what was agreed: Meet weekly"]


def test_last_time_reads_the_latest_earlier_review_of_the_same_appointment(rep):
    appointment = AppointmentFactory()
    today = timezone.localdate()
    oldest = ReviewFactory(appointment=appointment, opens=today - dt.timedelta(400))
    earlier = ReviewFactory(appointment=appointment, opens=today - dt.timedelta(200))
    current = ReviewFactory(appointment=appointment, opens=today)
    record(oldest, rep, what="Oldest")
    record(earlier, rep, what="Earlier")
    record(ReviewFactory(opens=today - dt.timedelta(100)), rep, what="Elsewhere")

    last = AgreedAction.objects.last_time(current)

    assert [a.what for a in last] == ["Earlier"]
    assert not AgreedAction.objects.last_time(oldest).exists()


def test_last_time_skips_an_earlier_review_that_recorded_nothing(rep):
    appointment = AppointmentFactory()
    today = timezone.localdate()
    first = ReviewFactory(appointment=appointment, opens=today - dt.timedelta(400))
    ReviewFactory(appointment=appointment, opens=today - dt.timedelta(200))
    current = ReviewFactory(appointment=appointment, opens=today)
    record(first, rep, what="First")

    assert [a.what for a in AgreedAction.objects.last_time(current)] == ["First"]


def test_due_date_order_puts_open_overdue_first_and_finished_last(rep):
    review = ReviewFactory()
    today = timezone.localdate()
    later = record(review, rep, what="Later", due=today + dt.timedelta(60))
    done = record(review, rep, what="Done", due=today - dt.timedelta(30))
    agreed.change_status(action=done, actor=rep, status="done", note="ok")
    overdue = record(review, rep, what="Overdue", due=today - dt.timedelta(3))
    soon = record(review, rep, what="Soon", due=today + dt.timedelta(5))

    ordered = list(AgreedAction.objects.by_due_date())

    assert ordered == [overdue, soon, later, done]
    assert overdue.timing == "Overdue" and soon.timing == "Due soon"
    assert later.timing == "" and done.timing == ""


def test_listing_actions_costs_the_same_queries_however_many(rep):
    review = ReviewFactory()
    statements = list(review.framework_version.statements.all()[:3])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            shown = [
                (
                    action.review.title,
                    [s.short_label for s in action.statements.all()],
                    [u.note for u in action.updates.all()],
                )
                for action in AgreedAction.objects.for_display()
            ]
        assert shown
        return len(queries)

    record(review, rep, statements=statements)
    one = count()
    for n in range(5):
        record(review, rep, what=f"Action {n}", statements=statements)
    assert count() == one == 3

"""Agreed actions through the pages: the rep records and moves them on; they show
with the released results, on the partnership page, on My areas and atop the next
review of the same appointment, and never in another partnership's pages."""

import datetime as dt
import re
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews.actions import agreed
from reviews.models import AgreedAction, AuditEvent
from tests.factories import ReviewFactory, bulk_responses, two_partnerships

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world():
    world = two_partnerships()
    world.review_a.status = "closed"
    world.review_a.released_at = timezone.now()
    world.review_a.save()
    return world


def as_user(world, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def record(world, what: str, review=None, **kwargs) -> AgreedAction:
    values = {"lead": "lto", "due": TODAY + dt.timedelta(days=30)} | kwargs
    return agreed.record_action(
        review=review or world.review_a,
        actor=world.users["rep_a"],
        what=what,
        **values,
    )


def test_the_rep_records_an_action_with_statements_and_another_organisation(world):
    statement = world.review_a.framework_version.statements.first()
    url = reverse("reviews:review-actions", args=[world.review_a.pk])

    reply = as_user(world, "rep_a").post(
        url,
        {
            "what": "Ask the council about the hall",
            "statements": [statement.pk],
            "lead": "other",
            "lead_other": "The council",
            "due": (TODAY + dt.timedelta(days=60)).isoformat(),
        },
    )

    assert reply.status_code == 302
    action = AgreedAction.objects.get()
    assert action.lead_label == "The council"
    assert list(action.statements.all()) == [statement]
    assert world.review_a.events.filter(
        action=AuditEvent.Action.ACTION_RECORDED
    ).exists()


def test_another_organisation_left_unnamed_is_an_error_and_nothing_is_saved(world):
    url = reverse("reviews:review-actions", args=[world.review_a.pk])

    reply = as_user(world, "rep_a").post(
        url, {"what": "Find a funder", "lead": "other", "due": TODAY.isoformat()}
    )

    assert reply.status_code == 200
    assert "Name the organisation that leads." in reply.content.decode()
    assert not AgreedAction.objects.exists()


def form_key_on(page) -> str:
    found = re.search(r'name="form_key" value="([0-9a-f-]{36})"', page.content.decode())
    assert found, "the form carries its key"
    return found.group(1)


def test_the_same_form_sent_twice_records_one_action(world):
    client = as_user(world, "rep_a")
    url = reverse("reviews:review-actions", args=[world.review_a.pk])
    data = {
        "what": "Meet the LTO's director",
        "lead": "lto",
        "due": (TODAY + dt.timedelta(days=30)).isoformat(),
        "form_key": form_key_on(client.get(url)),
    }

    first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert AgreedAction.objects.filter(what="Meet the LTO's director").count() == 1
    # The next form drawn is a new one: the same words again are a new action.
    again = client.get(url)
    client.post(url, data | {"form_key": form_key_on(again)})
    assert AgreedAction.objects.filter(what="Meet the LTO's director").count() == 2


def test_a_form_sent_twice_from_the_presenter_page_records_one_action(world):
    bulk_responses(world.review_a, "member", [[2] * 10] * 3)
    bulk_responses(world.review_a, "lto_staff", [[9] * 10] * 2)
    client = as_user(world, "rep_a")
    url = reverse("reviews:presenter", args=[world.review_a.pk, 1])
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "what": "Talk to the LTO",
        "lead": "lto",
        "due": (TODAY + dt.timedelta(days=30)).isoformat(),
        "form_key": form_key_on(page),
    }
    client.post(url, data)
    client.post(url, data)
    assert AgreedAction.objects.filter(what="Talk to the LTO").count() == 1


def test_two_racing_clicks_with_one_key_make_one_action(world):
    key = uuid.uuid4()
    one = record(world, "Book the hall", form_key=key)
    two = record(world, "Book the hall", form_key=key)
    assert one.pk == two.pk
    assert AgreedAction.objects.count() == 1


def test_staff_move_an_action_on_with_a_dated_note(world):
    action = record(world, "Meet monthly")
    url = reverse("reviews:action-status", args=[action.pk])

    as_user(world, "lt_staff").post(url, {"status": "done", "note": "Meeting held"})

    action.refresh_from_db()
    assert action.status == "done"
    assert action.updates.order_by("-at", "-pk").first().note == "Meeting held"
    event = world.review_a.events.get(action=AuditEvent.Action.ACTION_STATUS)
    assert event.actor == world.users["lt_staff"]


def test_the_rep_edits_an_action(world):
    action = record(world, "Meet monthly")
    url = reverse("reviews:action-edit", args=[action.pk])

    as_user(world, "rep_a").post(
        url, {"what": "Meet weekly", "lead": "rep", "due": TODAY.isoformat()}
    )

    action.refresh_from_db()
    assert (action.what, action.lead, action.due) == ("Meet weekly", "rep", TODAY)


@pytest.mark.parametrize(
    "role", ["member_a", "lto_staff_a", "worker_a", "member_b", "rep_b"]
)
def test_nobody_but_the_rep_and_staff_can_change_an_action(world, role):
    action = record(world, "Meet monthly")
    client = as_user(world, role)

    for url, data in [
        (reverse("reviews:review-actions", args=[world.review_a.pk]), {}),
        (reverse("reviews:action-edit", args=[action.pk]), {"what": "x"}),
        (reverse("reviews:action-status", args=[action.pk]), {"status": "done"}),
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, data).status_code == 404
    action.refresh_from_db()
    assert action.status == "agreed" and action.what == "Meet monthly"


def test_released_results_show_the_actions_to_members_and_lto_staff(world):
    record(world, "Meet monthly")
    url = reverse("reviews:review-released", args=[world.review_a.pk])

    for role in ("member_a", "lto_staff_a"):
        body = as_user(world, role).get(url).content.decode()
        assert "What was agreed" in body and "Meet monthly" in body
        assert "Update the status" not in body


def test_the_partnership_page_shows_its_actions_newest_review_first(world):
    older = ReviewFactory(
        appointment=world.appointment_a,
        opens=TODAY - dt.timedelta(days=400),
        closes=TODAY - dt.timedelta(days=380),
        status="closed",
        released_at=timezone.now(),
    )
    record(world, "Older action", review=older)
    record(world, "Newer action")
    record(world, "B's action", review=ReviewFactory(appointment=world.appointment_b))
    area = world.appointment_a.partnership.area

    body = (
        as_user(world, "member_a")
        .get(reverse("programme:area-detail", args=[area.slug]))
        .content.decode()
    )

    assert body.index("Newer action") < body.index("Older action")
    assert "B&#x27;s action" not in body and "B's action" not in body


def test_the_next_review_of_the_same_appointment_opens_with_last_time(world):
    record(world, "Meet monthly")
    done = record(world, "Share the accounts")
    agreed.change_status(
        action=done, actor=world.users["rep_a"], status="done", note="Shared"
    )
    following = ReviewFactory(
        appointment=world.appointment_a, opens=TODAY + dt.timedelta(days=1)
    )
    client = as_user(world, "rep_a")

    for name in ("review-detail", "review-results", "review-pack"):
        body = client.get(reverse(f"reviews:{name}", args=[following.pk]))
        text = body.content.decode()
        assert "Last time you agreed" in text, name
        assert "Meet monthly" in text and "Share the accounts" in text
        assert "Done" in text


def test_results_and_pack_list_this_reviews_actions_apart_from_last_times(world):
    record(world, "Meet monthly")
    following = ReviewFactory(
        appointment=world.appointment_a, opens=TODAY + dt.timedelta(days=1)
    )
    record(world, "Later", review=following, due=TODAY + dt.timedelta(days=60))
    record(world, "Sooner", review=following, due=TODAY + dt.timedelta(days=10))
    client = as_user(world, "rep_a")

    for name in ("review-results", "review-pack"):
        reply = client.get(reverse(f"reviews:{name}", args=[following.pk]))
        assert [a.what for a in reply.context["actions"]] == ["Sooner", "Later"]
        assert [a.what for a in reply.context["last_time"]] == ["Meet monthly"]


def test_another_partnerships_next_review_does_not_show_these_actions(world):
    record(world, "Meet monthly")
    review_b = ReviewFactory(
        appointment=world.appointment_b, opens=TODAY + dt.timedelta(days=1)
    )

    body = as_user(world, "rep_b").get(
        reverse("reviews:review-detail", args=[review_b.pk])
    )

    assert "Last time you agreed" not in body.content.decode()
    assert "Meet monthly" not in body.content.decode()


def test_my_areas_lists_open_actions_overdue_then_due_soon(world):
    record(world, "Later", due=TODAY + dt.timedelta(days=90))
    record(world, "Overdue", due=TODAY - dt.timedelta(days=2))
    record(world, "Soon", due=TODAY + dt.timedelta(days=3))
    finished = record(world, "Finished", due=TODAY - dt.timedelta(days=9))
    agreed.change_status(
        action=finished, actor=world.users["rep_a"], status="dropped", note="No"
    )

    reply = as_user(world, "rep_a").get(reverse("reviews:my-areas"))

    assert [a.what for a in reply.context["actions"]] == ["Overdue", "Soon", "Later"]
    body = reply.content.decode()
    assert "Overdue" in body and "Due soon" in body
    assert (
        "Later"
        not in as_user(world, "rep_b").get(reverse("reviews:my-areas")).content.decode()
    )


@pytest.mark.parametrize(
    "name",
    [
        "reviews:my-areas",
        "reviews:review-actions",
        "reviews:review-results",
        "reviews:review-pack",
        "programme:area-detail",
    ],
)
def test_action_lists_cost_the_same_queries_at_one_and_six_actions(world, name):
    statements = list(world.review_a.framework_version.statements.all()[:2])
    client = as_user(world, "rep_a")
    area = world.appointment_a.partnership.area
    args = {
        "reviews:my-areas": [],
        "reviews:review-actions": [world.review_a.pk],
        "reviews:review-results": [world.review_a.pk],
        "reviews:review-pack": [world.review_a.pk],
        "programme:area-detail": [area.slug],
    }[name]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=args)).status_code == 200
        return len(queries)

    record(world, "First", statements=statements)
    one = count()
    for n in range(5):
        record(world, f"Action {n}", statements=statements)
    assert count() == one

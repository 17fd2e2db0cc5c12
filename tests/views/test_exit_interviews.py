"""Exit interviews: an LTO appointment given an end date is due one before it
ends; the rep's My areas prompts for it, the partnership page shows it, and the
programme overview counts ending relationships without one."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Appointment
from reviews.models import Review
from tests.factories import (
    AppointmentFactory,
    ReviewFactory,
    programme_staff_user,
    rep_of,
)

pytestmark = pytest.mark.django_db

MY_AREAS = reverse("reviews:my-areas")
DUE = "An exit interview is due before then"


def today() -> dt.date:
    return timezone.localdate()


def ending(days: int = 60, **fields) -> Appointment:
    return AppointmentFactory(ended=today() + dt.timedelta(days=days), **fields)


def exit_review(appointment: Appointment) -> Review:
    return ReviewFactory(appointment=appointment, purpose=Review.Purpose.EXIT)


def test_my_areas_prompts_the_rep_for_an_exit_interview_before_the_end_date(client):
    appointment = ending(organisation__name="Riverside CVS")
    client.force_login(rep_of(appointment))

    html = client.get(MY_AREAS).content.decode()

    assert f"Ends {appointment.ended:%-d %B %Y}." in html
    assert DUE in html
    open_url = reverse("reviews:review-open", args=[appointment.pk])
    assert f'href="{open_url}?purpose=exit"' in html


def test_my_areas_stops_prompting_once_an_exit_interview_is_opened(client):
    appointment = ending()
    exit_review(appointment)
    client.force_login(rep_of(appointment))

    html = client.get(MY_AREAS).content.decode()

    assert DUE not in html
    assert "Its exit interview has been opened." in html


def test_an_appointment_that_has_ended_leaves_my_areas(client):
    appointment = ending(days=-1, organisation__name="Old Trust")
    client.force_login(rep_of(appointment))

    html = client.get(MY_AREAS).content.decode()

    assert "Old Trust" not in html
    assert DUE not in html


def test_the_open_form_starts_as_an_exit_interview_when_asked_and_ignores_nonsense(
    client,
):
    appointment = ending()
    client.force_login(rep_of(appointment))
    url = reverse("reviews:review-open", args=[appointment.pk])

    asked = client.get(url, {"purpose": "exit"}).context["form"]
    odd = client.get(url, {"purpose": "<b>"}).context["form"]

    assert asked["purpose"].value() == "exit"
    assert odd["purpose"].value() != "<b>"


def test_the_partnership_page_shows_the_exit_interview_due_to_its_rep(client):
    appointment = ending()
    client.force_login(rep_of(appointment))
    url = reverse("programme:area-detail", args=[appointment.partnership.area.slug])

    before = client.get(url).content.decode()
    exit_review(appointment)
    after = client.get(url).content.decode()

    assert DUE in before and "?purpose=exit" in before
    assert DUE not in after


def test_the_overview_counts_ending_relationships_without_an_exit_interview(client):
    ending(days=10)
    ending(days=200)
    exit_review(ending(days=30))
    ending(days=-5)  # already ended: no longer "ending"
    AppointmentFactory()  # no end date
    client.force_login(programme_staff_user())

    response = client.get(reverse("programme:overview"))

    assert response.context["awaiting_exit"] == 2
    assert "2 relationships ending without an exit interview" in (
        response.content.decode()
    )


def test_a_rep_cannot_open_an_exit_interview_of_someone_elses_appointment(client):
    mine, theirs = ending(), ending()
    client.force_login(rep_of(mine))

    url = reverse("reviews:review-open", args=[theirs.pk])

    assert client.get(url, {"purpose": "exit"}).status_code == 404


def end_url(appointment: Appointment) -> str:
    return reverse("programme:appointment-end", args=[appointment.pk])


def test_a_rep_records_an_end_date_and_the_exit_interview_falls_due(client):
    appointment = AppointmentFactory()
    client.force_login(rep_of(appointment))
    ends = today() + dt.timedelta(days=90)

    reply = client.post(
        end_url(appointment), {"ended": ends.isoformat(), "end_reason": "changed_lto"}
    )

    assert reply.url == MY_AREAS
    appointment.refresh_from_db()
    assert appointment.ended == ends
    html = client.get(MY_AREAS).content.decode()
    assert DUE in html
    assert "Change the end date" in html


def test_an_end_date_needs_a_reason_and_keeps_what_was_typed(client):
    appointment = AppointmentFactory()
    client.force_login(rep_of(appointment))
    ends = (today() + dt.timedelta(days=90)).isoformat()

    reply = client.post(end_url(appointment), {"ended": ends, "end_reason": ""})

    assert reply.status_code == 200
    assert "Say why the appointment ends." in reply.content.decode()
    assert f'value="{ends}"' in reply.content.decode()
    appointment.refresh_from_db()
    assert appointment.ended is None


def test_an_end_before_the_start_is_refused_in_plain_words(client):
    appointment = AppointmentFactory(started=dt.date(2014, 1, 1))
    client.force_login(rep_of(appointment))

    reply = client.post(
        end_url(appointment), {"ended": "2013-06-01", "end_reason": "other"}
    )

    assert "The appointment ends before it starts." in reply.content.decode()
    appointment.refresh_from_db()
    assert appointment.ended is None


def test_another_areas_or_an_ended_appointment_is_a_404(client):
    mine = AppointmentFactory()
    gone = AppointmentFactory(partnership=mine.partnership, ended=dt.date(2020, 1, 1))
    theirs = AppointmentFactory()
    client.force_login(rep_of(mine))

    assert client.get(end_url(mine)).status_code == 200
    assert client.get(end_url(theirs)).status_code == 404
    assert client.get(end_url(gone)).status_code == 404

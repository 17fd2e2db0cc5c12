"""Roles come from the data, and every queryset of what someone may see follows them."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from partnerships import access
from partnerships.models import Appointment, Area, Organisation, Partnership
from reviews.models import Review
from tests.factories import MembershipFactory, two_partnerships

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return two_partnerships()


@pytest.mark.slow
def test_who_someone_is_is_read_from_assignments_and_groups(world):
    users = world.users
    assert access.is_rep(users["rep_a"])
    assert not access.is_programme_staff(users["rep_a"])
    assert access.is_programme_staff(users["lt_staff"])
    assert access.is_programme_staff(users["superuser"])
    for name in ("member_a", "worker_a", "lto_staff_a"):
        assert not access.may_manage(users[name])
    for name in ("rep_a", "lt_staff"):
        assert access.may_manage(users[name])
    assert not access.may_manage(AnonymousUser())


def test_one_person_may_hold_several_roles(world):
    rep = world.users["rep_a"]
    MembershipFactory(person=rep.person, partnership=world.appointment_b.partnership)
    assert access.is_rep(rep)
    assert Area.objects.visible_to(rep).count() == 2
    assert Area.objects.represented_by(rep).count() == 1


def test_an_ended_role_no_longer_counts(world):
    member = world.users["member_a"]
    member.person.memberships.update(ended=dt.date(2020, 1, 1))
    assert not Area.objects.visible_to(member).exists()
    rep = world.users["rep_a"]
    rep.person.rep_assignments.update(ended=dt.date(2020, 1, 1))
    assert not access.is_rep(rep)


def test_only_the_areas_rep_and_staff_manage_an_appointment(world):
    appointment = world.appointment_a
    for name in ("rep_a", "lt_staff", "superuser"):
        assert appointment in Appointment.objects.managed_by(world.users[name])
    for name in ("rep_b", "member_a", "lto_staff_a", "worker_a", "member_b"):
        assert appointment not in Appointment.objects.managed_by(world.users[name])
    assert not Appointment.objects.managed_by(AnonymousUser()).exists()


def test_partnerships_and_organisations_are_visible_to_their_own_people(world):
    partnership_a = world.appointment_a.partnership
    organisation_a = world.appointment_a.organisation
    for name in ("member_a", "worker_a", "lto_staff_a", "rep_a", "lt_staff"):
        user = world.users[name]
        assert partnership_a in Partnership.objects.visible_to(user)
        assert organisation_a in Organisation.objects.visible_to(user)
    for name in ("member_b", "rep_b"):
        user = world.users[name]
        assert partnership_a not in Partnership.objects.visible_to(user)
        assert organisation_a not in Organisation.objects.visible_to(user)


def test_members_and_lto_staff_see_their_review_only_once_released(world):
    review = world.review_a
    side_a = [world.users[n] for n in ("member_a", "worker_a", "lto_staff_a")]
    for user in side_a:
        assert review not in Review.objects.visible_to(user)
        assert review not in Review.objects.managed_by(user)
    Review.objects.filter(pk=review.pk).update(
        status=Review.Status.CLOSED, released_at=dt.datetime.now(dt.UTC)
    )
    for user in side_a:
        assert review in Review.objects.visible_to(user)
        assert review not in Review.objects.managed_by(user)
    for name in ("member_b", "rep_b"):
        assert review not in Review.objects.visible_to(world.users[name])

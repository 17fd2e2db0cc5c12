"""Roles come from the data, and every queryset of what someone may see follows them."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from partnerships import access
from partnerships.models import Area
from reviews.models import Review
from tests.factories import MembershipFactory, two_partnerships

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return two_partnerships()


def test_roles_are_read_from_assignments_memberships_staff_roles_and_groups(world):
    users = world.users
    assert access.roles(users["rep_a"]) == {"rep"}
    assert access.roles(users["member_a"]) == {"member"}
    assert access.roles(users["worker_a"]) == {"worker"}
    assert access.roles(users["lto_staff_a"]) == {"lto_staff"}
    assert access.roles(users["lt_staff"]) == {"programme_staff"}
    assert access.roles(AnonymousUser()) == frozenset()


def test_one_person_may_hold_several_roles(world):
    rep = world.users["rep_a"]
    MembershipFactory(person=rep.person, partnership=world.appointment_b.partnership)
    assert access.roles(rep) == {"rep", "member"}


def test_an_ended_role_no_longer_counts(world):
    member = world.users["member_a"]
    member.person.memberships.update(ended=dt.date(2020, 1, 1))
    assert access.roles(member) == frozenset()
    assert not Area.objects.visible_to(member).exists()


def test_only_the_areas_rep_and_staff_manage_an_appointment(world):
    appointment = world.appointment_a
    for name in ("rep_a", "lt_staff", "superuser"):
        assert appointment in access.managed_appointments(world.users[name])
    for name in ("rep_b", "member_a", "lto_staff_a", "worker_a", "member_b"):
        assert appointment not in access.managed_appointments(world.users[name])
    assert not access.managed_appointments(AnonymousUser()).exists()


def test_partnerships_and_organisations_are_visible_to_their_own_people(world):
    partnership_a = world.appointment_a.partnership
    organisation_a = world.appointment_a.organisation
    for name in ("member_a", "worker_a", "lto_staff_a", "rep_a", "lt_staff"):
        user = world.users[name]
        assert partnership_a in access.visible_partnerships(user)
        assert organisation_a in access.visible_organisations(user)
    for name in ("member_b", "rep_b"):
        user = world.users[name]
        assert partnership_a not in access.visible_partnerships(user)
        assert organisation_a not in access.visible_organisations(user)


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

"""The admin makes a new framework version by copying the last one."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from reviews.models import FrameworkVersion
from tests.factories import ReviewFactory, UserFactory, big_local_v1

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:reviews_frameworkversion_changelist"


def run_action(client, versions):
    return client.post(
        reverse(CHANGELIST),
        {
            "action": "make_new_version",
            "_selected_action": [v.pk for v in versions],
        },
        follow=True,
    )


def test_admin_copies_a_frozen_version_into_an_editable_next_one(admin_client):
    first = big_local_v1()
    ReviewFactory(framework_version=first)
    response = run_action(admin_client, [first])
    copy = FrameworkVersion.objects.get(framework=first.framework, number=2)
    assert "Made Big Local LTO relationship review v2 from v1, with 10 statements" in (
        response.content.decode()
    )
    assert not copy.is_frozen
    assert list(copy.statements.values_list("key", "help_text", "capital")) == list(
        first.statements.values_list("key", "help_text", "capital")
    )
    change = admin_client.get(
        reverse("admin:reviews_frameworkversion_change", args=[copy.pk])
    )
    assert 'name="statements-0-help_text"' in change.content.decode()


def test_ticking_an_older_version_still_copies_the_last_one(admin_client):
    first = big_local_v1()
    run_action(admin_client, [first])
    FrameworkVersion.objects.get(number=2).statements.filter(key="networks").update(
        text="Connected residents to networks"
    )
    run_action(admin_client, [first])
    third = FrameworkVersion.objects.get(framework=first.framework, number=3)
    assert third.statements.get(key="networks").text == (
        "Connected residents to networks"
    )


def test_two_versions_of_one_framework_ticked_make_one_copy(admin_client):
    first = big_local_v1()
    run_action(admin_client, [first])
    run_action(admin_client, FrameworkVersion.objects.all())
    assert FrameworkVersion.objects.filter(framework=first.framework).count() == 3


def test_staff_who_may_only_view_versions_cannot_copy_one(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_frameworkversion"))
    client.force_login(user)
    assert client.get(reverse(CHANGELIST)).status_code == 200
    run_action(client, [big_local_v1()])
    assert FrameworkVersion.objects.count() == 1

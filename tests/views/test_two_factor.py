"""Two-factor sign-in for Local Trust staff, reps and admins, and their session
limits: idle timeout and a 12-hour absolute limit."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SESSION_KEY
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def required(settings):
    settings.REQUIRE_TWO_FACTOR = True


@pytest.fixture
def rep():
    user = UserFactory(username="rita")
    RepAssignmentFactory(person=PersonFactory(user=user, name="Rita Rep"))
    return user


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(username: str = "rita") -> Client:
    client = Client()
    response = client.post(
        reverse("login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_a_rep_without_a_second_factor_is_refused_and_sent_to_set_one_up(required, rep):
    client = sign_in()
    for url in (reverse("reviews:my-areas"), reverse("programme:area-list")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:enrol"))
    assert client.get("/admin/").status_code == 302


def test_enrolment_shows_a_qr_code_turns_the_app_on_and_gives_backup_codes(
    required, rep
):
    client = sign_in()
    page = client.get(reverse("accounts:enrol"))
    assert page.status_code == 200
    assert b'src="data:image/svg+xml' in page.content
    device = TOTPDevice.objects.get(user=rep, confirmed=False)

    done = client.post(reverse("accounts:enrol"), {"code": code_for(device)})

    assert done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = StaticDevice.objects.get(user=rep).token_set.values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code.encode() in done.content for code in codes)
    assert client.get(reverse("reviews:my-areas")).status_code == 200


def test_enrolment_with_a_wrong_code_leaves_the_app_off(required, rep):
    client = sign_in()
    client.get(reverse("accounts:enrol"))
    response = client.post(reverse("accounts:enrol"), {"code": "000000"})
    assert b"did not match" in response.content
    assert not TOTPDevice.objects.filter(user=rep, confirmed=True).exists()


def test_sign_in_with_the_apps_code_opens_the_pages(required, rep):
    device = enrolled(rep)
    client = sign_in()
    assert client.get(reverse("reviews:my-areas"))["Location"].startswith(
        reverse("accounts:verify")
    )

    response = client.post(
        reverse("accounts:verify"),
        {"code": code_for(device), "next": reverse("reviews:my-areas")},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:my-areas")
    assert client.get(reverse("reviews:my-areas")).status_code == 200


def test_a_wrong_code_is_refused_with_a_message(required, rep):
    enrolled(rep)
    client = sign_in()
    response = client.post(reverse("accounts:verify"), {"code": "123456"})
    assert response.status_code == 200
    assert b"That code did not work" in response.content
    assert client.get(reverse("reviews:my-areas")).status_code == 302


def test_a_backup_code_works_once(required, rep):
    enrolled(rep)
    backup = StaticDevice.objects.create(user=rep, name="Backup codes")
    backup.token_set.create(token="abcd2345")

    client = sign_in()
    client.post(reverse("accounts:verify"), {"code": "abcd 2345"})
    assert client.get(reverse("reviews:my-areas")).status_code == 200

    again = sign_in()
    response = again.post(reverse("accounts:verify"), {"code": "abcd2345"})
    assert b"That code did not work" in response.content


def test_members_need_no_second_factor(required):
    MembershipFactory(person=PersonFactory(user=UserFactory(username="mo")))
    client = sign_in("mo")
    assert client.get(reverse("reviews:my-areas")).status_code == 200


def test_the_admin_is_behind_the_second_factor_too(required):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    client = sign_in("boss")
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("accounts:enrol"))


def test_the_admin_login_page_is_the_sites_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_two_factor_is_off_in_tests_and_development_unless_asked(settings):
    assert settings.REQUIRE_TWO_FACTOR is False


def age_session(client: Client, **ago: dt.timedelta) -> None:
    session = client.session
    now = int(timezone.now().timestamp())
    limits = session[SESSION_KEY]
    for key, delta in ago.items():
        limits[key] = now - int(delta.total_seconds())
    session[SESSION_KEY] = limits
    session.save()


def test_signing_in_records_the_session_so_the_first_page_writes_nothing(rep):
    client = Client()
    client.force_login(rep)
    assert client.session[SESSION_KEY]["privileged"] is True

    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("reviews:my-areas")).status_code == 200

    writes = [q["sql"] for q in captured if q["sql"].startswith("UPDATE")]
    assert not writes


def test_a_rep_idle_for_31_minutes_is_signed_out(rep):
    client = sign_in()
    assert client.get(reverse("reviews:my-areas")).status_code == 200
    age_session(client, seen=dt.timedelta(minutes=31))

    response = client.get(reverse("reviews:my-areas"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("reviews:my-areas")).status_code == 302


def test_a_rep_active_within_the_idle_timeout_stays_signed_in(rep):
    client = sign_in()
    age_session(client, seen=dt.timedelta(minutes=29))
    assert client.get(reverse("reviews:my-areas")).status_code == 200


def test_the_idle_timeout_is_configurable(rep, settings):
    settings.STAFF_IDLE_TIMEOUT = dt.timedelta(minutes=5)
    client = sign_in()
    age_session(client, seen=dt.timedelta(minutes=6))
    assert client.get(reverse("reviews:my-areas")).status_code == 302


def test_a_busy_rep_is_still_signed_out_after_twelve_hours(rep):
    client = sign_in()
    age_session(client, since=dt.timedelta(hours=12, minutes=1))
    assert client.get(reverse("reviews:my-areas")).status_code == 302


def test_a_members_session_has_no_idle_timeout():
    MembershipFactory(person=PersonFactory(user=UserFactory(username="mo")))
    client = sign_in("mo")
    age_session(client, seen=dt.timedelta(hours=3))
    assert client.get(reverse("reviews:my-areas")).status_code == 200

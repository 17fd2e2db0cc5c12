"""Who must use a second factor, and their devices: an authenticator app (TOTP)
and a sheet of one-time backup codes, both kept by django-otp.

Local Trust staff, reps and administrators see unreleased results across areas,
so when REQUIRE_TWO_FACTOR is on a password alone never gets them past sign-in.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django_otp.plugins.otp_static.models import (  # type: ignore[import-untyped]
    StaticDevice,
    StaticToken,
)
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]

from partnerships.access import is_programme_staff, is_rep

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def is_privileged(user: User | AnonymousUser | AbstractBaseUser) -> bool:
    """Accounts that see across areas or manage data: staff, reps, admins."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    return user.is_staff or is_programme_staff(user) or is_rep(user)


def second_factor_required(user: User | AnonymousUser | AbstractBaseUser) -> bool:
    return bool(settings.REQUIRE_TWO_FACTOR) and is_privileged(user)


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up (its key shown as a QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )


def new_backup_codes(user: User) -> list[str]:
    """Replace the user's backup codes; each works once. Shown only now."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes

"""The five demo logins: who they are, creating them, and printing the table."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper

from partnerships.access import LOCAL_TRUST_STAFF

DEMO_PASSWORD = "demo-password-2026"
DEMO_URL = "http://127.0.0.1:8000/"
# (role shown in the table, username)
DEMO_LOGINS = [
    ("Administrator (Django admin)", "admin"),
    ("Local Trust staff", "staff"),
    ("Rep", "rep"),
    ("Partnership member", "member"),
    ("LTO staff", "lto"),
]


def create_logins() -> dict:
    """Make the demo users; return them by username, None for one that existed.

    An existing user of the same name is left alone.
    """
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[name for _, name in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    users: dict = {}
    # One hash for all five: a memory-hard hash costs a second on a busy machine,
    # and a shared salt protects nothing when the password is printed anyway.
    password = make_password(DEMO_PASSWORD)
    for _, username in DEMO_LOGINS:
        if username in existing:
            users[username] = None
            continue
        user = User(
            username=username, email=f"{username}@example.org", password=password
        )
        user.is_staff = user.is_superuser = username == "admin"
        user.save()
        users[username] = user
    if users["staff"] is not None:
        group, _ = Group.objects.get_or_create(name=LOCAL_TRUST_STAFF)
        users["staff"].groups.add(group)
    return users


def print_logins(out: OutputWrapper) -> None:
    """The table of demo accounts, or how to make them when there are none."""
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in=[username for _, username in DEMO_LOGINS]
        )
    }
    if not users:
        out.write(
            "No demo accounts yet. Run `python manage.py seed_demo` to load the demo."
        )
        return
    out.write(f"Demo accounts, for demonstrations only. Sign in at {DEMO_URL}")
    out.write(f"  {'role':<30} {'username':<10} password")
    # Someone may have changed a password since; say so rather than print a wrong
    # one. The demo users share one hash, so it is checked once, not five times.
    checked: dict[str, bool] = {}
    for role, username in DEMO_LOGINS:
        user = users.get(username)
        if user is None:
            continue
        if user.password not in checked:
            checked[user.password] = check_password(DEMO_PASSWORD, user.password)
        password = DEMO_PASSWORD if checked[user.password] else "(changed)"
        out.write(f"  {role:<30} {username:<10} {password}")
    out.write(
        "Two-factor sign-in: start with REQUIRE_TWO_FACTOR=1 and sign in as staff, rep"
        " or admin;\n  the first time, scan the QR code with an authenticator app and"
        " keep the backup codes."
    )

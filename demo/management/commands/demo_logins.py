"""`manage.py demo_logins`: print the demo accounts that `seed_demo` created."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.management.base import BaseCommand, OutputWrapper

from demo.programme import DEMO_LOGINS, DEMO_PASSWORD, DEMO_URL


def print_logins(out: OutputWrapper) -> None:
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


class Command(BaseCommand):
    help = "Print the demo logins (role, username, password) and where to use them."

    def handle(self, *args, **options) -> None:
        print_logins(self.stdout)

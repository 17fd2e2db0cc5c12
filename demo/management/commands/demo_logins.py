"""`manage.py demo_logins`: print the demo accounts that `seed_demo` created."""

from django.core.management.base import BaseCommand

from demo.logins import print_logins


class Command(BaseCommand):
    help = "Print the demo logins (role, username, password) and where to use them."

    def handle(self, *args, **options) -> None:
        print_logins(self.stdout)

"""``python manage.py demo_banner``: where the demo runs and how to log in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from home.demo import accounts


class Command(BaseCommand):
    help = "Print the site and admin addresses and the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host: str, port: str, **options):
        base = f"http://{host}:{port}"
        existing = set(
            get_user_model()
            .objects.filter(username__in=[user.username for user in accounts.USERS])
            .values_list("username", flat=True)
        )
        password = accounts.demo_password()
        lines = [
            f"Site:  {base}/",
            f"Admin: {base}{reverse('wagtailadmin_home')}",
            f"Demo logins (password from {accounts.PASSWORD_VARIABLE}, "
            f"default {accounts.DEFAULT_PASSWORD!r}, set when the account was created):",
        ]
        for user in accounts.USERS:
            role = "superuser" if user.superuser else ", ".join(user.groups)
            if user.note:
                role = f"{role}: {user.note}"
            state = "" if user.username in existing else "  (not created yet: run load_demo)"
            lines.append(f"  {user.username} / {password}  [{role}]{state}")
        self.stdout.write("\n".join(lines))

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "chamber-demo"  # development only: the command refuses to run when DEBUG is off


class Command(BaseCommand):
    help = "Create (or reset) the development staff login and print it. Refused unless DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo login exists only for development (DJANGO_DEBUG on).")
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "demo@example.org", "first_name": "Demo"},
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Staff login for http://127.0.0.1:{options.get('port') or '8000'}/admin/ — "
                f"user: {DEMO_USERNAME}  password: {DEMO_PASSWORD}"
            )
        )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

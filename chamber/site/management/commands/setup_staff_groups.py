"""Create the staff groups and give them their permissions. Idempotent."""

from django.core.management.base import BaseCommand

from chamber.site.staff_groups import setup_staff_groups


class Command(BaseCommand):
    help = "Create the Editors, Publishers and Event managers groups. Idempotent."

    def handle(self, *args, **options):
        for name, count in setup_staff_groups().items():
            self.stdout.write(f"{name}: {count} permissions")

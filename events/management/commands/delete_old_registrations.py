"""Delete the registrations of fairs that ended long ago, as the privacy notice promises
("kept for two years after the fair, then deleted"). Run it daily (cron, CI schedule)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import Registration

DEFAULT_DAYS = 730


class Command(BaseCommand):
    help = "Delete registrations (and their history) of fairs that ended more than --days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        limit = timezone.localdate() - datetime.timedelta(days=days)
        old = Registration.objects.filter(delegation__fair__ends_on__lt=limit)
        count = old.count()
        if not dry_run:
            with transaction.atomic():
                old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} registration(s) of fairs that ended before {limit}.")

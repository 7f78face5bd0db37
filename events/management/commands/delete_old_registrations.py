"""Delete the registrations of occasions that ended long ago, as the privacy notice
promises ("kept for two years after the fair or the event, then deleted"): those of
delegations whose fair ended, and of events that ended, more than --days ago, with their
history, the people they name and their answers — the answers' files leave the private
storage too. Run it daily (systemd timer, cron)."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from events.models import Registration
from events.services import delete_with_files

DEFAULT_DAYS = 730


class Command(BaseCommand):
    help = (
        "Delete registrations (with their history, attendees, answers and files) of fairs "
        "and events that ended more than --days ago."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        now = timezone.now()
        limit = timezone.localdate(now) - datetime.timedelta(days=days)
        moment = now - datetime.timedelta(days=days)
        old = Registration.objects.filter(
            Q(delegation__fair__ends_on__lt=limit) | Q(event__ends_at__lt=moment)
        )
        if dry_run:
            count = old.count()
        else:
            count = delete_with_files(old)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} registration(s) of fairs that ended before {limit} "
            f"and of events that ended before {moment:%Y-%m-%d %H:%M %Z}."
        )

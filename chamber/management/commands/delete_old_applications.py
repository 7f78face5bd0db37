"""Delete membership applications decided (accepted or refused) more than --days ago,
as the privacy notice promises for registrations. Run it daily (systemd timer)."""

from django.core.management.base import BaseCommand

from chamber.membership import RETENTION_DAYS, old_applications


class Command(BaseCommand):
    help = "Delete membership applications accepted or refused more than --days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        old = old_applications(days=days)
        count = old.count() if dry_run else old.delete()[0]
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} membership application(s) decided over {days} days ago.")

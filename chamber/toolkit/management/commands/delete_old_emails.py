"""Delete the e-mails kept longer than the retention period (DJANGO_MAIL_RETENTION_DAYS,
30 days): sent ones, counted from their sending, and failed ones, from their queueing;
e-mails still waiting are kept. They hold personal data (addresses, names, what a
registrant wrote). The finished tasks of the queue, whose errors may name addresses too,
are pruned with them. Run it daily (cron), beside delete_old_registrations."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from chamber.toolkit import mail


class Command(BaseCommand):
    help = "Delete sent and failed e-mails older than --days, and the finished tasks."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.MAIL_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        old = mail.old_emails(days=days)
        count = old.count()
        if not dry_run:
            with transaction.atomic():
                old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} e-mail(s) kept more than {days} days.")
        for alias in settings.TASKS:
            if isinstance(task_backends[alias], DatabaseBackend):
                call_command(
                    "prune_db_task_results",
                    backend=task_backends[alias],
                    queue_name="*",
                    min_age_days=days,
                    dry_run=dry_run,
                    verbosity=options["verbosity"],
                    stdout=self.stdout,
                )

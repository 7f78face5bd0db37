"""The outbox's safety net: queue a new task for each e-mail that waits past its time
with no task to send it (a worker killed in the middle of one, a task row deleted). The
worker (manage.py db_worker) then sends them. Run it every quarter of an hour (cron,
systemd timer); it changes nothing when all is well."""

from django.core.management.base import BaseCommand

from chamber.toolkit import mail


class Command(BaseCommand):
    help = "Queue again the waiting e-mails whose sending task was lost."

    def handle(self, *args, **options):
        count = mail.requeue_stalled()
        self.stdout.write(f"Queued {count} e-mail(s) again.")

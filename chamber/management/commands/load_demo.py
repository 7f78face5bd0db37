from django.core.management.base import BaseCommand

from chamber.demo.loader import load_chamber_and_news_demo
from events.demo import load_events_demo


class Command(BaseCommand):
    help = "Load the demo content (organisations, the Busan MOU, news, fairs). Idempotent."

    def handle(self, *args, **options):
        counts = load_chamber_and_news_demo()
        counts.update(load_events_demo())
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

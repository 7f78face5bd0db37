from django.core.management.base import BaseCommand

from chamber.demo.loader import load_chamber_and_news_demo


class Command(BaseCommand):
    help = "Load the demo content (organisations, the Busan MOU, news, fairs). Idempotent."

    def handle(self, *args, **options):
        counts = load_chamber_and_news_demo()
        try:
            from events.demo import load_events_demo
        except ImportError:
            load_events_demo = None
        if load_events_demo is not None:
            counts.update(load_events_demo() or {})
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

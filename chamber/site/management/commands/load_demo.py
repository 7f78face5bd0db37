from django.core.management.base import BaseCommand
from django.db import transaction

from chamber.demo import loader as chamber_demo
from chamber.pages.demo import loader as pages_demo
from chamber.partners.demo import loader as partners_demo
from chamber.publications.demo import loader as publications_demo
from events.demo import loader as events_demo
from news.demo import loader as news_demo


class Command(BaseCommand):
    help = (
        "Load the demo content (organisations, the Busan MOU, news, fairs, partners, "
        "publications). Idempotent."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            # In this order: the news name the chamber's organisations and MOU.
            # The partners name the chamber's organisations.
            counts = {
                **chamber_demo.load(),
                **news_demo.load(),
                **events_demo.load(),
                **partners_demo.load(),
                **publications_demo.load(),
                **pages_demo.load(),
            }
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Fairs and delegations")

    def ready(self):
        from chamber.toolkit import cache, review
        from events.models import (
            Delegation,
            Event,
            Fair,
            Registration,
            next_registration_change,
        )

        review.register(Fair)
        review.register(Delegation)
        cache.watch(Fair, Delegation, Event, Registration)
        cache.when_content_changes(next_registration_change)

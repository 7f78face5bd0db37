from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Fairs and delegations")

    def ready(self):
        from chamber.toolkit import review
        from events.models import Delegation, Fair

        review.register(Fair)
        review.register(Delegation)

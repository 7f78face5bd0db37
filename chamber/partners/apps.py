from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The chamber's partners and sponsors: their page and the home page's strip."""

    name = "chamber.partners"
    label = "partners"
    verbose_name = _("Partners and sponsors")

    def ready(self):
        from chamber.partners.models import Partner
        from chamber.toolkit import cache

        cache.watch(Partner)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChamberConfig(AppConfig):
    name = "chamber"
    verbose_name = _("Chamber")

    def ready(self):
        from chamber.models import Agreement, Organisation, Party, Signatory
        from chamber.toolkit import cache, review

        review.register(Party)
        review.register(Signatory)
        review.register(Organisation)
        review.register(Agreement, follow=("parties", "signatories"))
        cache.watch(Organisation, Agreement, Party, Signatory)

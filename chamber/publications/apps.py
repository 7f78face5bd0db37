from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    """The chamber's publications: studies, annual reports and guides, as PDF files."""

    name = "chamber.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from chamber.publications.models import Publication
        from chamber.toolkit import cache, review

        review.register(Publication)
        cache.watch(Publication)

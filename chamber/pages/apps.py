from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "chamber.pages"
    label = "pages"
    verbose_name = _("Pages and menus")

    def ready(self):
        from chamber.pages.models import MenuItem, Page
        from chamber.toolkit import cache, review

        review.register(Page)
        cache.watch(Page, MenuItem)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "chamber.pages"
    label = "pages"
    verbose_name = _("Pages and menus")

    def ready(self):
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_save

        from chamber.pages.models import MenuItem, Page
        from chamber.pages.navigation import forget, forget_unless_cached
        from chamber.toolkit import cache, review

        review.register(Page)
        cache.watch(Page, MenuItem)
        for model in (Page, MenuItem):
            post_save.connect(forget, sender=model, weak=False)
            post_delete.connect(forget, sender=model, weak=False)
        request_started.connect(forget_unless_cached, weak=False)

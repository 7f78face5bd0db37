from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "chamber.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

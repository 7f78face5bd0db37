from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Installed for its management commands (load_demo, setup_staff_groups, demo_login)
    and the admin's titles; it has no models."""

    name = "chamber.site"
    label = "site"
    verbose_name = _("Site")

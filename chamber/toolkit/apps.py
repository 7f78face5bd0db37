from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    """Installed for its template tags (``chamber_tags``) and system checks; it has no
    models."""

    name = "chamber.toolkit"
    label = "toolkit"
    verbose_name = _("Toolkit")

    def ready(self):
        from chamber.toolkit import checks  # noqa: F401 -- registers the checks

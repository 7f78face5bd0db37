from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    """What every app shares: template tags, system checks, the review's proposals and
    staff profiles, and the outbox of e-mails, which heads its section in the admin."""

    # The one Django takes for "chamber.toolkit" (this module has another).
    default = True
    name = "chamber.toolkit"
    label = "toolkit"
    verbose_name = _("Site operation")

    def ready(self):
        from django.db.backends.signals import connection_created

        from chamber.toolkit import checks  # noqa: F401 -- registers the checks
        from chamber.toolkit.search import register_fold

        connection_created.connect(register_fold, dispatch_uid="chamber-fold")


class LoginLockoutConfig(AxesAppConfig):
    """django-axes (the lockout after failed staff logins), named for people: the admin
    heads its section with the app's name, which django-axes leaves as "Axes"."""

    verbose_name = _("Staff logins")

"""The staff groups and their permissions: Editors, Publishers, Delegation managers."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

EDITING = ["add", "change", "view"]
FULL = ["add", "change", "delete", "view"]


def group_permissions() -> dict[str, list[str]]:
    """Group name (in the site's language) -> permission codes "app.codename"."""

    def codes(app, model, actions):
        return [f"{app}.{action}_{model}" for action in actions]

    editors = [
        *codes("news", "article", EDITING),
        *codes("news", "category", ["view"]),
        *codes("chamber", "organisation", EDITING),
        *codes("chamber", "agreement", EDITING),
        *codes("chamber", "party", FULL),
        *codes("chamber", "signatory", FULL),
    ]
    # Publishers decide what visitors see: they publish, approve or reject the versions
    # editors propose, and delete.
    publishers = [
        *editors,
        *codes("news", "article", ["delete", "publish"]),
        *codes("news", "category", FULL),
        *codes("chamber", "agreement", ["delete", "publish"]),
        *codes("chamber", "organisation", ["publish"]),
    ]
    # Delegation managers run the fairs and delegations: they publish them too. They also
    # watch the outbox (registrants' e-mails are most of it) and send again what failed.
    delegation_managers = [
        *codes("events", "fair", [*EDITING, "publish"]),
        *codes("events", "delegation", [*EDITING, "publish"]),
        *codes("events", "registration", ["change", "view"]),
        *codes("events", "registrationstatuschange", ["view"]),
        "events.export_registration",
        *codes("chamber", "organisation", ["view"]),
        *codes("toolkit", "outgoingemail", ["view", "retry"]),
    ]
    return {
        _("Editors"): editors,
        _("Publishers"): sorted(set(publishers)),
        _("Delegation managers"): delegation_managers,
    }


def setup_staff_groups() -> dict[str, int]:
    """Create the groups (named in the site's language) or give them their permissions
    again; returns how many each holds. Idempotent."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        counts = {}
        for name, codes in group_permissions().items():
            group, _created = Group.objects.get_or_create(name=name)
            permissions = []
            for code in codes:
                app_label, codename = code.split(".")
                permissions.append(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
            group.permissions.set(permissions)
            counts[name] = len(permissions)
        return counts

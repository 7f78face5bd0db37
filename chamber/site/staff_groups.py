"""The staff groups and their permissions: Editors, Publishers, Event managers."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

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
        *codes("publications", "publication", EDITING),
        *codes("partners", "partner", ["view"]),
        *codes("pages", "page", EDITING),
        *codes("pages", "menuitem", ["view"]),
    ]
    # Publishers decide what visitors see: they publish, approve or reject the versions
    # editors propose, and delete.
    publishers = [
        *editors,
        *codes("news", "article", ["delete", "publish"]),
        *codes("news", "category", FULL),
        *codes("chamber", "agreement", ["delete", "publish"]),
        *codes("chamber", "organisation", ["publish"]),
        *codes("publications", "publication", ["delete", "publish"]),
        *codes("partners", "partner", FULL),
        *codes("pages", "page", ["delete", "publish"]),
        *codes("pages", "menuitem", FULL),
    ]
    # Event managers run the chamber's events, the fairs and the delegations: they
    # publish them, design their registration forms, review the registrations, export
    # them and check people in at the door. They also watch the outbox (registrants'
    # e-mails are most of it) and send again what failed.
    event_managers = [
        *codes("events", "fair", [*EDITING, "publish"]),
        *codes("events", "delegation", [*EDITING, "publish"]),
        *codes("events", "event", [*EDITING, "publish"]),
        *codes("events", "question", FULL),
        *codes("events", "registration", ["change", "view"]),
        *codes("events", "registrationstatuschange", ["view"]),
        "events.export_registration",
        "events.checkin_attendee",
        *codes("chamber", "organisation", ["view"]),
        *codes("toolkit", "outgoingemail", ["view", "retry"]),
    ]
    return {
        _("Editors"): editors,
        _("Publishers"): sorted(set(publishers)),
        _("Event managers"): event_managers,
    }


# Groups renamed since: the old name (in the site's language) is renamed to the new one,
# so that its members keep their rights.
FORMER_NAMES = {gettext_noop("Event managers"): gettext_noop("Delegation managers")}


def _rename_former_groups() -> None:
    for new, old in FORMER_NAMES.items():
        new_name, old_name = _(new), _(old)
        if not Group.objects.filter(name=new_name).exists():
            Group.objects.filter(name=old_name).update(name=new_name)


def setup_staff_groups() -> dict[str, int]:
    """Create the groups (named in the site's language) or give them their permissions
    again; returns how many each holds. Idempotent."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        _rename_former_groups()
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

"""The facts the privacy notice states, read from where the site keeps them: the forms'
fields from the forms, retention periods from the settings and the housekeeping that
enforces them, cookie names from the settings. The notice's sentences are in
``templates/site/privacy.html``; when what it says changes, so does ``UPDATED``.
"""

import datetime

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from chamber import forms as membership_forms
from chamber import membership
from chamber.newsletter import forms as newsletter_forms
from events import forms as registration_forms
from events.management.commands import delete_old_registrations

# The date the notice last changed, shown at its top.
UPDATED = datetime.date(2026, 11, 26)

# Records of staff logins (username, address, browser) are deleted after this many days:
# deploy/systemd/chamber-daily.service runs axes_reset_logs --age with it.
LOGIN_RECORD_DAYS = 30
# Nightly backups are kept this many days (deploy/backup/backup.sh, BACKUP_KEEP_DAYS): a
# deleted record leaves the last backup that holds it at most this long after.
BACKUP_DAYS = 14
# The web server's logs (address, page, time of each request) are kept this many days: the
# rotation of Debian's nginx logs (daily, 14 kept); the journal of the app's services is
# set to the same (journald's MaxRetentionSec=14day, README "Logs").
SERVER_LOG_DAYS = 14
# Accounting records (invoices of membership and delegation fees): ten years, as the
# French Commercial Code (art. L123-22) and the Korean Commercial Act (art. 33) ask.
ACCOUNTING_YEARS = 10

# Fields no person fills in: the trap for bots, and consent, which the notice names apart.
NOT_LISTED = {"homepage", "consent"}
SECONDS_PER_DAY = 24 * 3600


def duration(days: int) -> str:
    """``days`` for a reader: in years when it is a whole number of them."""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def field_labels(fields: dict) -> list[str]:
    """The labels of the ``fields`` of a form that a person fills in, in its order."""
    return [capfirst(str(field.label)) for name, field in fields.items() if name not in NOT_LISTED]


def forms() -> dict[str, list[str]]:
    """What each public form, and the staff login, asks for. A registration form's own
    fields are the same for every delegation and event (the people it names and the
    organiser's questions come on top, as the notice says); the sign-in form names its
    username field when it is made."""
    return {
        "registration": field_labels(registration_forms.RegistrationForm.base_fields),
        "membership": field_labels(membership_forms.MembershipApplicationForm().fields),
        "newsletter": field_labels(newsletter_forms.SubscribeForm().fields),
        "login": field_labels(AdminAuthenticationForm().fields),
    }


def retention() -> dict[str, str]:
    """How long each kind of record is kept, in words."""
    return {
        "registrations": duration(delete_old_registrations.DEFAULT_DAYS),
        "applications": duration(membership.RETENTION_DAYS),
        "emails": duration(settings.MAIL_RETENTION_DAYS),
        "login_records": duration(LOGIN_RECORD_DAYS),
        "server_logs": duration(SERVER_LOG_DAYS),
        "backups": duration(BACKUP_DAYS),
        "accounting": duration(ACCOUNTING_YEARS * 365),
        "lockout": hours(settings.AXES_COOLOFF_TIME),
    }


def hours(value: float) -> str:
    """``value`` hours for a reader, in minutes when it is not a whole number of hours."""
    if float(value).is_integer():
        return ngettext("%(count)d hour", "%(count)d hours", int(value)) % {"count": value}
    minutes = round(value * 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def cookies() -> list[dict[str, str]]:
    """Every cookie the site may set or read: its name, what it is for, how long it lasts."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": gettext("Keeps a staff member signed in to the site's administration."),
            "lasts": duration(settings.SESSION_COOKIE_AGE // SECONDS_PER_DAY),
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": gettext(
                "Proves that a form you send comes from this site (protection against "
                "cross-site request forgery)."
            ),
            "lasts": duration(settings.CSRF_COOKIE_AGE // SECONDS_PER_DAY),
        },
        {
            "name": CookieStorage.cookie_name,
            "purpose": gettext(
                "Carries a one-off message to the next page, such as “Your registration is "
                "received”, then is deleted."
            ),
            "lasts": gettext("Until the message is shown"),
        },
        {
            "name": settings.LANGUAGE_COOKIE_NAME,
            "purpose": gettext(
                "Never set by this site, whose addresses carry the language; if your browser "
                "has one, it chooses the language of the home page."
            ),
            "lasts": gettext("Not set by this site"),
        },
    ]


def controller() -> dict[str, str]:
    """Who is responsible for the data, and whom to write to."""
    return {
        "name": settings.CHAMBER_LEGAL_NAME,
        "address": settings.CHAMBER_POSTAL_ADDRESS,
        "email": settings.CHAMBER_CONTACT_EMAIL,
        "privacy_email": settings.CHAMBER_PRIVACY_EMAIL,
        "privacy_officer": settings.CHAMBER_PRIVACY_OFFICER,
        "eu_representative": settings.CHAMBER_EU_REPRESENTATIVE,
    }


def notice() -> dict:
    """Everything ``site/privacy.html`` needs."""
    return {
        "controller": controller(),
        "forms": forms(),
        "retention": retention(),
        "cookies": cookies(),
        "updated": UPDATED,
        "login_failure_limit": settings.AXES_FAILURE_LIMIT,
    }

"""E-mails to registrants, written in their language, and to the delegation's contact,
queued in the transaction of the change they tell of (``chamber.toolkit.mail``)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation

from chamber.toolkit import mail
from chamber.toolkit.mail import site_url, templated_message
from events import links, workflow


def _message(template: str, context: dict, *, language: str, to: str, reply_to: str):
    """events/email/<template>_subject.txt and <template>.txt rendered in ``language``."""
    return templated_message(
        f"events/email/{template}", context, language=language, to=[to], reply_to=[reply_to]
    )


def build_registration_email(registration, kind: str) -> EmailMessage:
    """The message of ``kind`` (one of ``workflow.EMAILS``: events/email/<kind>.txt and
    <kind>_subject.txt) for ``registration``, rendered in the registrant's language."""
    if kind not in workflow.EMAILS:
        raise ValueError(f"Unknown registration e-mail: {kind}")
    delegation = registration.delegation
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "delegation": delegation,
            "fair": delegation.fair,
            "link": links.private_url(registration, registration.language),
            "delegation_url": site_url(delegation.get_absolute_url()),
            "waitlist_position": registration.waitlist_position,
        }
    return _message(
        kind,
        context,
        language=registration.language,
        to=registration.email,
        reply_to=delegation.contact_email,
    )


def queue_registration_email(registration, kind: str) -> None:
    """Queue the e-mail of ``kind`` in the current transaction: sent once it commits,
    never if it rolls back."""
    mail.queue(build_registration_email(registration, kind))


def build_staff_notification(registration) -> EmailMessage:
    """The message telling the delegation's contact that a registration arrived, in the
    site's language, with a link to review it in the admin; replies go to the registrant."""
    delegation = registration.delegation
    admin_path = reverse("admin:events_registration_change", args=[registration.pk])
    context = {
        "registration": registration,
        "delegation": delegation,
        "fair": delegation.fair,
        "held": delegation.held_count,
        "admin_url": site_url(admin_path),
    }
    return _message(
        "staff_new_registration",
        context,
        language=settings.LANGUAGE_CODE,
        to=delegation.contact_email,
        reply_to=registration.email,
    )


def queue_staff_notification(registration) -> None:
    """Queue the notice to the delegation's contact in the current transaction."""
    mail.queue(build_staff_notification(registration))

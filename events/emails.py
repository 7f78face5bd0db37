"""E-mails to registrants, written in their language and sent once the change is committed."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events import links

logger = logging.getLogger(__name__)

# One pair of templates per kind: events/email/<kind>_subject.txt and events/email/<kind>.txt
KINDS = ("submitted", "waitlisted", "accepted", "rejected", "promoted", "cancelled")


def build_registration_email(registration, kind: str) -> EmailMessage:
    """The message of ``kind`` for ``registration``, rendered in the registrant's language."""
    if kind not in KINDS:
        raise ValueError(f"Unknown registration e-mail: {kind}")
    delegation = registration.delegation
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "delegation": delegation,
            "fair": delegation.fair,
            "link": links.private_url(registration, registration.language),
            "delegation_url": settings.SITE_URL.rstrip("/") + delegation.get_absolute_url(),
            "waitlist_position": registration.waitlist_position,
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = render_to_string(f"events/email/{kind}_subject.txt", context)
        body = render_to_string(f"events/email/{kind}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[registration.email],
        reply_to=[delegation.contact_email],
    )


def send_registration_email(registration, kind: str) -> bool:
    """Send now; a failure is logged, never raised: the registration is already saved."""
    try:
        build_registration_email(registration, kind).send()
    except Exception:  # any mail failure (SMTP, template) must leave the registration intact
        logger.exception(
            "Could not send the %r e-mail for registration %s to %s",
            kind,
            registration.pk,
            registration.email,
        )
        return False
    return True


def queue_registration_email(registration, kind: str) -> None:
    """Send after the current transaction commits (and never if it rolls back)."""
    transaction.on_commit(partial(send_registration_email, registration, kind))


def build_staff_notification(registration) -> EmailMessage:
    """The message telling the delegation's contact that a registration arrived, in the
    site's language, with a link to review it in the admin; replies go to the registrant."""
    delegation = registration.delegation
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "delegation": delegation,
            "fair": delegation.fair,
            "held": delegation.held_count,
            "admin_url": settings.SITE_URL.rstrip("/")
            + reverse("admin:events_registration_change", args=[registration.pk]),
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = render_to_string("events/email/staff_new_registration_subject.txt", context)
        body = render_to_string("events/email/staff_new_registration.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[delegation.contact_email],
        reply_to=[registration.email],
    )


def send_staff_notification(registration) -> bool:
    """Send now; a failure is logged, never raised."""
    try:
        build_staff_notification(registration).send()
    except Exception:  # any mail failure must leave the registration intact
        logger.exception("Could not tell the staff about registration %s", registration.pk)
        return False
    return True


def queue_staff_notification(registration) -> None:
    """Tell the delegation's contact after the current transaction commits."""
    transaction.on_commit(partial(send_staff_notification, registration))

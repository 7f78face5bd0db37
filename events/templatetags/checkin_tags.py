"""The registrant's QR code for the door: on their private page, and in the acceptance
e-mail as a link to its image (e-mails are plain text)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chamber.toolkit.mail import site_url
from events import checkin, links

register = template.Library()


def qr_path(registration) -> str:
    """The path of the registration's QR code image (signed with its private token)."""
    return reverse("events:registration-qr", kwargs={"token": links.make_token(registration)})


@register.simple_tag
def registration_qr(registration):
    """The QR code staff scan at the door, once the registration is accepted; nothing
    before."""
    if not checkin.has_qr_code(registration):
        return ""
    return format_html(
        '<figure class="registration-qr"><img src="{}" alt="{}" width="264" height="264">'
        "<figcaption>{}</figcaption></figure>",
        qr_path(registration),
        _("QR code of your registration, for the check-in"),
        _("Show this code at the door: our team scans it to check you in."),
    )


@register.simple_tag
def registration_qr_url(registration):
    """The absolute address of the QR code image, for the acceptance e-mail."""
    if not checkin.has_qr_code(registration):
        return ""
    return site_url(qr_path(registration))

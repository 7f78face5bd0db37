"""The signed links of the newsletter's e-mails.

The confirmation link expires (``NEWSLETTER_CONFIRMATION_MAX_AGE``); the unsubscribe
link never does: whoever kept an issue may always leave. Each is signed with its own salt,
so one cannot stand for the other; a link copied incompletely or altered is refused.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from chamber.toolkit.mail import site_url

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidLink(Exception):
    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _value(subscriber) -> str:
    # The address is part of the value: a link stays tied to the address it was sent to.
    return f"{subscriber.pk}:{subscriber.email}"


def _read(value: str) -> tuple[int, str]:
    pk, _sep, email = value.partition(":")
    if not pk.isdigit():
        raise InvalidLink
    return int(pk), email


def confirm_token(subscriber) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(_value(subscriber))


def read_confirm_token(token: str) -> tuple[int, str]:
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        value = signer.unsign(token, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise InvalidLink(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    return _read(value)


def unsubscribe_token(subscriber) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(_value(subscriber))


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidLink from error
    return _read(value)


def confirm_url(subscriber) -> str:
    with translation.override(subscriber.language):
        return site_url(reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber)}))


def unsubscribe_url(subscriber) -> str:
    with translation.override(subscriber.language):
        path = reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    return site_url(path)


def unsubscribe_headers(subscriber) -> dict[str, str]:
    """``List-Unsubscribe`` (an address and the one-click link) and
    ``List-Unsubscribe-Post`` (RFC 8058): mail programs show an "Unsubscribe" button that
    POSTs to the link."""
    mailto = settings.NEWSLETTER_UNSUBSCRIBE_EMAIL or settings.DEFAULT_FROM_EMAIL
    link = unsubscribe_url(subscriber)
    return {
        "List-Unsubscribe": f"<mailto:{mailto}?subject=unsubscribe>, <{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }

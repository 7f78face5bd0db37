"""The private link a registrant receives: a signed, time-limited token for one registration.

The token holds nothing but the registration's id, signed with the site's secret key and
the time it was made; whoever holds the link can see and cancel that registration, so it
is only ever sent to the registrant (confirmation page and e-mails).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from chamber.toolkit.mail import site_url

SALT = "events.registration-link"


class InvalidLink(Exception):
    """The token was tampered with or made up."""


class ExpiredLink(InvalidLink):
    """The token is genuine but older than the allowed age."""


def make_token(registration) -> str:
    return signing.dumps(registration.pk, salt=SALT)


def read_token(token: str) -> int:
    """The registration id in ``token``; raises ``ExpiredLink`` or ``InvalidLink``."""
    try:
        value = signing.loads(token, salt=SALT, max_age=settings.REGISTRATION_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    if not isinstance(value, int):
        raise InvalidLink
    return value


def private_path(registration, language: str | None = None) -> str:
    """The path of the registrant's private page, in ``language`` (default: active)."""
    with translation.override(language or translation.get_language()):
        return reverse("events:registration-detail", kwargs={"token": make_token(registration)})


def private_url(registration, language: str | None = None) -> str:
    """The absolute private link, for e-mails sent outside any request."""
    return site_url(private_path(registration, language))

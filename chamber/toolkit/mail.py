"""E-mails written from templates in the recipient's language, sent once the change they
tell of is committed; a failure to send is logged and never undoes that change."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def site_url(path: str) -> str:
    """``path`` on the site's public address, for e-mails sent outside any request."""
    return settings.SITE_URL.rstrip("/") + path


def templated_message(
    template: str, context: dict, *, language: str, to: list[str], reply_to: list[str] = ()
) -> EmailMessage:
    """``<template>_subject.txt`` and ``<template>.txt`` rendered in ``language``."""
    with translation.override(language):
        context = {**context, "SITE_NAME": settings.SITE_NAME}
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, to=list(to), reply_to=list(reply_to)
    )


def send_quietly(build, failure: str, *failure_args) -> bool:
    """Build and send now; a failure is logged, never raised: what the e-mail tells of
    is already saved."""
    try:
        build().send()
    except Exception:  # any mail failure (SMTP, template) must leave the saved change intact
        logger.exception(failure, *failure_args)
        return False
    return True

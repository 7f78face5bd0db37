"""E-mails to registrants, written in their language, and to the contact of the
delegation or event, queued in the transaction of the change they tell of
(``chamber.toolkit.mail``).

The templates (events/email/) speak of "the occasion" through ``events.occasions``: a
delegation is named with its fair, an event with its date and time in its own time zone
and its place. An event's online link is only in the acceptance e-mail.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation

from chamber.toolkit import mail
from chamber.toolkit.mail import site_url, templated_message
from events import answers, links, occasions, workflow


def _message(template: str, context: dict, *, language: str, to: str, reply_to: str):
    """events/email/<template>_subject.txt and <template>.txt rendered in ``language``."""
    return templated_message(
        f"events/email/{template}", context, language=language, to=[to], reply_to=[reply_to]
    )


def quoted(text: str) -> str:
    """``text`` as quoted text: each line starts with "> ", so that what a registrant
    wrote can never pass for the chamber's own words or links in a staff e-mail."""
    lines = str(text).splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _occasion_context(occasion) -> dict:
    """What every e-mail says of the occasion, in the active language."""
    return {
        "occasion": occasion,
        "is_event": occasions.is_event(occasion),
        "occasion_description": occasions.description(occasion),
        "occasion_facts": occasions.facts(occasion),
        "occasion_url": site_url(occasion.get_absolute_url()),
    }


def build_registration_email(registration, kind: str) -> EmailMessage:
    """The message of ``kind`` (one of ``workflow.EMAILS``: events/email/<kind>.txt and
    <kind>_subject.txt) for ``registration``, rendered in the registrant's language."""
    if kind not in workflow.EMAILS:
        raise ValueError(f"Unknown registration e-mail: {kind}")
    occasion = registration.occasion
    with translation.override(registration.language):
        context = {
            "registration": registration,
            **_occasion_context(occasion),
            "link": links.private_url(registration, registration.language),
            "waitlist_position": registration.waitlist_position,
            # The way in to an online event, for those it is accepted for only.
            "online_url": getattr(occasion, "online_url", "")
            if kind == workflow.ACCEPT.email
            else "",
        }
    return _message(
        kind,
        context,
        language=registration.language,
        to=registration.email,
        reply_to=occasion.contact_email,
    )


def queue_registration_email(registration, kind: str) -> None:
    """Queue the e-mail of ``kind`` in the current transaction: sent once it commits,
    never if it rolls back."""
    mail.queue(build_registration_email(registration, kind))


def build_staff_notification(
    registration, *, held: int | None = None, answers=None, attendees=None
) -> EmailMessage:
    """The message telling the occasion's contact that a registration arrived, in the
    site's language. The link to review it in the admin comes first; what the registrant
    wrote (pitch, answers) is quoted text. Replies go to the registrant.

    ``held``, ``answers`` and ``attendees`` are read from the database when not given
    (the registration service gives them, to keep its locked section short)."""
    occasion = registration.occasion
    if held is None:
        held = occasion.held_count
    if answers is None:
        answers = list(registration.answers.all())
    if attendees is None:
        attendees = list(registration.attendees.all())
    admin_path = reverse("admin:events_registration_change", args=[registration.pk])
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            **_occasion_context(occasion),
            "held": held,
            "admin_url": site_url(admin_path),
            "attendees": attendees,
            "quoted_pitch": quoted(registration.pitch),
            "answers": [
                {
                    "label": answer.label,
                    "text": quoted(
                        answers_text(answer) if not answer.file else answer.value or "PDF"
                    ),
                    "has_file": bool(answer.file),
                }
                for answer in answers
            ],
        }
    return _message(
        "staff_new_registration",
        context,
        language=settings.LANGUAGE_CODE,
        to=occasion.contact_email,
        reply_to=registration.email,
    )


def answers_text(answer) -> str:
    return answers.display_value(answer) or "—"


def queue_staff_notification(registration, **known) -> None:
    """Queue the notice to the occasion's contact in the current transaction."""
    mail.queue(build_staff_notification(registration, **known))

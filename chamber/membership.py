"""Joining the chamber: a company applies from the public form, staff are told, then
accept the application (its organisation becomes a member) or refuse it; the applicant
hears of the decision in the language of the form. Each change is saved in one
transaction with the e-mails it causes (``chamber.toolkit.mail.queue``).

Accepting matches an organisation of the same name (whatever the case, in any language)
and makes it a member; otherwise it creates the organisation as a draft, so that a
publisher reviews its page before the directory lists it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from chamber.models import MembershipApplication, Organisation
from chamber.toolkit import mail
from chamber.toolkit.mail import site_url, templated_message

RETENTION_DAYS = 730
Status = MembershipApplication.Status


class AlreadyDecided(Exception):
    """The application was accepted or refused already (by someone else, meanwhile)."""


def quoted(text: str) -> str:
    """``text`` with each line after "> ", so that what an applicant wrote never passes
    for the chamber's own words or links in a staff e-mail."""
    lines = str(text).splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _message(template: str, context: dict, *, language: str, to: str, reply_to: str = ""):
    return templated_message(
        f"chamber/email/{template}",
        context,
        language=language,
        to=[to],
        reply_to=[reply_to] if reply_to else [],
    )


def admin_url(application: MembershipApplication) -> str:
    return site_url(reverse("admin:chamber_membershipapplication_change", args=[application.pk]))


@transaction.atomic
def apply(data: dict, *, language: str) -> MembershipApplication:
    """Record an application (``data``: the form's fields) and queue the notice to
    staff; both or neither."""
    application = MembershipApplication.objects.create(**data, language=language)
    mail.queue(
        _message(
            "staff_new_application",
            {
                "application": application,
                "admin_url": admin_url(application),
                "quoted_message": quoted(application.message),
            },
            language=settings.LANGUAGE_CODE,
            to=settings.CHAMBER_CONTACT_EMAIL,
            reply_to=application.email,
        )
    )
    return application


def matching_organisation(name: str) -> Organisation | None:
    """The organisation named ``name`` in any language, whatever the case."""
    condition = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        condition |= Q(**{f"name_{code}__iexact": name.strip()})
    return Organisation.objects.filter(condition).order_by("pk").first()


def _unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True)[:180] or "organisation"
    slug, number = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _locked(application: MembershipApplication) -> MembershipApplication:
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if locked.is_decided:
        raise AlreadyDecided
    return locked


@transaction.atomic
def accept(application: MembershipApplication, *, user) -> Organisation:
    """Make the applicant's organisation a member at the tier asked for, from today; the
    application is accepted and the welcome e-mail queued, in the same transaction."""
    application = _locked(application)
    today = timezone.localdate()
    organisation = matching_organisation(application.company_name)
    if organisation is None:
        organisation = Organisation(
            slug=_unique_slug(application.company_name),
            status=Organisation.Status.DRAFT,
            kind=Organisation.Kind.COMPANY,
        )
        # The name and sector in the applicant's language (the other languages are
        # written by staff before the page is published).
        setattr(organisation, f"name_{application.language}", application.company_name)
        setattr(organisation, f"sector_{application.language}", application.sector)
    organisation.membership = application.tier
    organisation.member_since = today
    organisation.save()
    application.status = Status.ACCEPTED
    application.organisation = organisation
    application.decided_by = user
    application.decided_at = timezone.now()
    application.save()
    mail.queue(
        _message(
            "application_accepted",
            {"application": application, "members_url": site_url(_members_path(application))},
            language=application.language,
            to=application.email,
            reply_to=settings.CHAMBER_CONTACT_EMAIL,
        )
    )
    return organisation


@transaction.atomic
def refuse(application: MembershipApplication, *, user, reason: str = "") -> None:
    """Refuse the application and tell the applicant (with ``reason`` quoted, if any);
    the reason is kept as the staff note."""
    application = _locked(application)
    application.status = Status.REFUSED
    if reason.strip():
        application.staff_note = reason.strip()
    application.decided_by = user
    application.decided_at = timezone.now()
    application.save()
    mail.queue(
        _message(
            "application_refused",
            {"application": application, "quoted_reason": quoted(reason) if reason.strip() else ""},
            language=application.language,
            to=application.email,
            reply_to=settings.CHAMBER_CONTACT_EMAIL,
        )
    )


def _members_path(application) -> str:
    with translation.override(application.language):
        return reverse("chamber:member-list")


def old_applications(*, days: int = RETENTION_DAYS, now: datetime.datetime | None = None):
    """Applications decided more than ``days`` ago (kept no longer)."""
    moment = (now or timezone.now()) - datetime.timedelta(days=days)
    return MembershipApplication.objects.exclude(status=Status.SUBMITTED).filter(
        decided_at__lt=moment
    )

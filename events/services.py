"""Every change to a registration: registering, accepting, wait-listing, rejecting, cancelling.

Each change runs in one transaction that first locks the delegation's row, so that the
places held are counted and written by one transaction at a time: two people registering
at once can never both take the last place. Each change writes a
``RegistrationStatusChange`` and queues the registrant's e-mail for after the commit.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from events.emails import queue_registration_email, queue_staff_notification
from events.models import Delegation, Registration, RegistrationState, RegistrationStatusChange

Status = Registration.Status


class RegistrationError(Exception):
    """A change refused for a reason the person who asked for it should read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RegistrationClosed(RegistrationError):
    """The delegation does not take registrations now (not published, not open, closed)."""


class AlreadyRegistered(RegistrationError):
    """This e-mail address already has an active registration for the delegation."""


class TransitionNotAllowed(RegistrationError):
    """The registration's current status does not allow the change."""


class DelegationFull(TransitionNotAllowed):
    """The change would give a place that does not exist."""


def lock_delegation(delegation_id: int) -> Delegation:
    """The delegation, locked until the end of the current transaction.

    PostgreSQL locks the row (SELECT ... FOR UPDATE): other transactions that lock it
    wait for our commit, then count what we wrote. SQLite has no row locks, so we take
    its database-wide write lock first with an update that changes nothing: a second
    writer waits for our commit before it can count.
    """
    connection = connections[router.db_for_write(Delegation)]
    queryset = Delegation.objects.select_related("fair")
    if connection.features.has_select_for_update:
        of = ("self",) if connection.features.has_select_for_update_of else ()
        return queryset.select_for_update(of=of).get(pk=delegation_id)
    Delegation.objects.filter(pk=delegation_id).update(capacity=F("capacity"))
    return queryset.get(pk=delegation_id)


def _held_count(delegation: Delegation) -> int:
    return delegation.registrations.filter(status__in=Registration.HELD_STATUSES).count()


def _system_note(message: str) -> str:
    # Notes written by the site are stored in the site's language, whoever triggered them.
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


def _record_change(registration, *, from_status: str, changed_by, note: str = "") -> None:
    RegistrationStatusChange.objects.create(
        registration=registration,
        from_status=from_status,
        to_status=registration.status,
        changed_by=changed_by,
        note=note[:255],
    )


def closed_message(delegation: Delegation, now: datetime.datetime | None = None) -> str | None:
    """Why ``delegation`` refuses registrations now, in the active language, or None."""
    state = delegation.registration_state(now)
    if state == RegistrationState.UNAVAILABLE:
        return _("Registration is not available for this delegation.")
    if state == RegistrationState.NOT_OPEN:
        opens = timezone.localtime(delegation.registration_opens_at)
        return _("Registration for this delegation opens on %(date)s.") % {
            "date": formats.date_format(opens, "DATETIME_FORMAT")
        }
    if state == RegistrationState.CLOSED:
        closes = timezone.localtime(delegation.registration_closes_at)
        return _("Registration for this delegation closed on %(date)s.") % {
            "date": formats.date_format(closes, "DATETIME_FORMAT")
        }
    return None


def _language(code: str) -> str:
    code = (code or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def register_for_delegation(
    *,
    delegation: Delegation,
    company_name: str,
    contact_name: str,
    email: str,
    phone: str,
    sector: str,
    pitch: str,
    consent: bool,
    language: str,
    website: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a company: it holds a place if one remains, else it is wait-listed.

    Raises ``RegistrationClosed``, ``AlreadyRegistered`` or ``RegistrationError``
    (no consent); nothing is written then. The registrant's e-mail is sent on commit.
    """
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data to register."))
    email = email.strip()
    try:
        with transaction.atomic():
            locked = lock_delegation(delegation.pk)
            now = now or timezone.now()
            refusal = closed_message(locked, now)
            if refusal:
                raise RegistrationClosed(refusal)
            active = locked.registrations.filter(
                email__iexact=email, status__in=Registration.ACTIVE_STATUSES
            )
            if active.exists():
                raise AlreadyRegistered(_already_registered_message())
            has_place = _held_count(locked) < locked.capacity
            registration = Registration(
                delegation=locked,
                company_name=company_name.strip(),
                contact_name=contact_name.strip(),
                email=email,
                phone=phone.strip(),
                website=website.strip(),
                sector=sector.strip(),
                pitch=pitch.strip(),
                consent=True,
                consented_at=now,
                language=_language(language),
                status=Status.SUBMITTED if has_place else Status.WAITLISTED,
                created_at=now,
            )
            # The unique constraint was checked just above, under the lock.
            registration.full_clean(validate_constraints=False)
            registration.save()
            _record_change(registration, from_status="", changed_by=None)
            queue_registration_email(registration, "submitted" if has_place else "waitlisted")
            queue_staff_notification(registration)
    except IntegrityError as error:
        # Only the one-active-registration constraint can fail here.
        raise AlreadyRegistered(_already_registered_message()) from error
    return registration


def _already_registered_message() -> str:
    return _(
        "This e-mail address already has a registration for this delegation. "
        "Use the private link in your confirmation e-mail to see it."
    )


def promote_from_waitlist(*, delegation: Delegation, changed_by=None) -> list[Registration]:
    """Give the free places, if any, to the first wait-listed registrations, in order.

    Runs on its own (after staff raise the number of places or delete a registration) or
    inside another change: it takes the delegation's lock either way.
    """
    with transaction.atomic():
        locked = lock_delegation(delegation.pk)
        free = locked.capacity - _held_count(locked)
        if free <= 0:
            return []
        waiting = locked.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "id")
        promoted = list(waiting[:free])
        note = _system_note(_("A place became free: promoted from the wait list."))
        for registration in promoted:
            registration.delegation = locked
            registration.status = Status.SUBMITTED
            registration.save(update_fields=["status", "updated_at"])
            _record_change(
                registration, from_status=Status.WAITLISTED, changed_by=changed_by, note=note
            )
            queue_registration_email(registration, "promoted")
    return promoted


# For each change: the statuses it may start from, and the message when it may not.
TRANSITIONS = {
    Status.ACCEPTED: (
        (Status.SUBMITTED, Status.WAITLISTED),
        "accepted",
    ),
    Status.WAITLISTED: ((Status.SUBMITTED, Status.ACCEPTED), "waitlisted"),
    Status.REJECTED: ((Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED), "rejected"),
    Status.CANCELLED: ((Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED), "cancelled"),
}


def _refusal(registration: Registration, to_status: str) -> str:
    values = {
        "company": registration.company_name,
        "status": registration.get_status_display(),
    }
    if registration.status == to_status:
        return _("The registration of %(company)s is already “%(status)s”.") % values
    messages = {
        Status.ACCEPTED: _(
            "The registration of %(company)s cannot be accepted: its status is “%(status)s”."
        ),
        Status.WAITLISTED: _(
            "The registration of %(company)s cannot be put on the wait list: "
            "its status is “%(status)s”."
        ),
        Status.REJECTED: _(
            "The registration of %(company)s cannot be rejected: its status is “%(status)s”."
        ),
        Status.CANCELLED: _(
            "The registration of %(company)s cannot be cancelled: its status is “%(status)s”."
        ),
    }
    return messages[to_status] % values


# A place freed by a cancellation or a rejection goes to the wait list at once; one freed
# by wait-listing does not (see ``waitlist_registration``).
PROMOTING_STATUSES = (Status.REJECTED, Status.CANCELLED)


def _change_status(
    registration: Registration, *, to_status: str, changed_by, note: str
) -> Registration:
    allowed_from, email_kind = TRANSITIONS[to_status]
    with transaction.atomic():
        locked = lock_delegation(registration.delegation_id)
        # Read again under the lock: another change may have been committed meanwhile.
        current = Registration.objects.get(pk=registration.pk)
        current.delegation = locked
        if current.status not in allowed_from:
            raise TransitionNotAllowed(_refusal(current, to_status))
        from_status = current.status
        gains_place = to_status in Registration.HELD_STATUSES and not current.holds_place
        if gains_place and _held_count(locked) >= locked.capacity:
            raise DelegationFull(
                _(
                    "The registration of %(company)s cannot be accepted: all %(capacity)s "
                    "places are held. Free a place first or raise the number of places."
                )
                % {"company": current.company_name, "capacity": locked.capacity}
            )
        current.status = to_status
        current.save(update_fields=["status", "updated_at"])
        _record_change(current, from_status=from_status, changed_by=changed_by, note=note)
        queue_registration_email(current, email_kind)
        # Registrations that took the place this one freed, for the caller to report.
        current.promoted = []
        if to_status in PROMOTING_STATUSES and from_status in Registration.HELD_STATUSES:
            current.promoted = promote_from_waitlist(delegation=locked, changed_by=changed_by)
    registration.status = current.status
    registration.updated_at = current.updated_at
    return current


def accept_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Registration:
    """Accept a submitted or wait-listed registration (a wait-listed one needs a free place)."""
    return _change_status(registration, to_status=Status.ACCEPTED, changed_by=changed_by, note=note)


def waitlist_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Registration:
    """Put a submitted or accepted registration on the wait list.

    The place it frees is not given to anyone: staff who wait-list several registrations
    in turn would otherwise see each one promote the previous. Staff accept a wait-listed
    registration to give it the place.
    """
    return _change_status(
        registration, to_status=Status.WAITLISTED, changed_by=changed_by, note=note
    )


def reject_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Registration:
    """Reject a registration; a place it held goes to the first wait-listed one."""
    return _change_status(registration, to_status=Status.REJECTED, changed_by=changed_by, note=note)


def cancel_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Registration:
    """Cancel a registration (staff, or the registrant through the private link when
    ``changed_by`` is None); a place it held goes to the first wait-listed one."""
    if changed_by is None and not note:
        note = _system_note(_("Cancelled by the registrant through the private link."))
    return _change_status(
        registration, to_status=Status.CANCELLED, changed_by=changed_by, note=note
    )

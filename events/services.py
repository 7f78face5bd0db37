"""Every change to registrations: registering, accepting, wait-listing, rejecting,
cancelling, deleting, and changing a delegation's number of places.

Each change runs in one transaction that first locks the delegation's row, so that the
places held are counted and written by one transaction at a time: two people registering
at once can never both take the last place. Which changes are allowed, what each sends
and whether it promotes from the wait list is read from ``events.workflow``. Each change
writes a ``RegistrationStatusChange`` and queues the registrant's e-mail for after the
commit; each returns what happened.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chamber.toolkit.i18n import supported_language
from chamber.toolkit.locking import lock_row
from events import workflow
from events.emails import queue_registration_email, queue_staff_notification
from events.models import Delegation, Registration, RegistrationState, RegistrationStatusChange
from events.workflow import Status, Transition


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


@dataclass(frozen=True)
class Outcome:
    """What a change did: the registration as it now stands, and the wait-listed
    registrations that took the place it freed, in order."""

    registration: Registration
    promoted: list[Registration] = field(default_factory=list)


# Notes the site writes in a registration's history, stored in the site's language
# whoever caused them (they are lazy, and translated when written).
PROMOTED_NOTE = gettext_lazy("A place became free: promoted from the wait list.")
CANCELLED_BY_REGISTRANT_NOTE = gettext_lazy("Cancelled by the registrant through the private link.")


def system_note(message) -> str:
    """``message`` (a lazy translation) in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


def lock_delegation(delegation_id: int) -> Delegation:
    """The delegation (with its fair), locked until the end of the current transaction;
    refused outside a transaction."""
    return lock_row(Delegation.objects.select_related("fair"), delegation_id)


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


def _already_registered_message() -> str:
    return _(
        "This e-mail address already has a registration for this delegation. "
        "Use the private link in your confirmation e-mail to see it."
    )


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
    (no consent); nothing is written then. The registrant's e-mail and the notice to the
    delegation's contact are sent on commit.
    """
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data to register."))
    email = email.strip()
    registration = Registration(
        delegation=delegation,
        company_name=company_name.strip(),
        contact_name=contact_name.strip(),
        email=email,
        phone=phone.strip(),
        website=website.strip(),
        sector=sector.strip(),
        pitch=pitch.strip(),
        consent=True,
        language=supported_language(language),
    )
    # Checked before the lock, which is held only to count and insert. The delegation
    # is checked under the lock; the one-active-registration constraint just below.
    registration.full_clean(exclude=["delegation", "status"], validate_constraints=False)
    try:
        with transaction.atomic():
            locked = lock_delegation(delegation.pk)
            # Read under the lock: arrival times follow the order places are given in.
            now = now or timezone.now()
            refusal = closed_message(locked, now)
            if refusal:
                raise RegistrationClosed(refusal)
            counts = locked.registrations.aggregate(
                held=Count("pk", filter=Q(status__in=workflow.HOLDS_PLACE)),
                same_email=Count("pk", filter=Q(status__in=workflow.ACTIVE, email__iexact=email)),
            )
            if counts["same_email"]:
                raise AlreadyRegistered(_already_registered_message())
            arrival = workflow.arrival(has_place=counts["held"] < locked.capacity)
            registration.delegation = locked
            registration.status = arrival.target
            registration.created_at = registration.consented_at = now
            registration.save()
            _record_change(registration, from_status="", changed_by=None)
            queue_registration_email(registration, arrival.email)
            queue_staff_notification(registration)
    except IntegrityError as error:
        # Only the one-active-registration constraint can fail here.
        raise AlreadyRegistered(_already_registered_message()) from error
    return registration


def _promote(locked: Delegation, *, changed_by) -> list[Registration]:
    """Give the delegation's free places to the first wait-listed registrations; the
    caller holds the delegation's lock."""
    free = locked.capacity - locked.held_count
    if free <= 0:
        return []
    promoted = list(locked.registrations.waiting()[:free])
    note = system_note(PROMOTED_NOTE)
    for registration in promoted:
        registration.delegation = locked
        registration.status = workflow.PROMOTE.target
        registration.save(update_fields=["status", "updated_at"])
        _record_change(
            registration, from_status=Status.WAITLISTED, changed_by=changed_by, note=note
        )
        queue_registration_email(registration, workflow.PROMOTE.email)
    return promoted


def promote_from_waitlist(*, delegation: Delegation, changed_by=None) -> list[Registration]:
    """Give the free places, if any, to the first wait-listed registrations, in order of
    arrival; returns them."""
    with transaction.atomic():
        return _promote(lock_delegation(delegation.pk), changed_by=changed_by)


def _refusal(registration: Registration, transition: Transition) -> str:
    values = {
        "company": registration.company_name,
        "status": registration.get_status_display(),
    }
    if registration.status == transition.target:
        return _("The registration of %(company)s is already “%(status)s”.") % values
    return str(transition.refusal) % values


def change_registration(
    *, registration: Registration, transition: Transition, changed_by=None, note: str = ""
) -> Outcome:
    """Make the change ``transition`` (one of ``workflow.STAFF_TRANSITIONS``).

    The status is read again under the delegation's lock (another change may have been
    committed meanwhile). Raises ``TransitionNotAllowed`` when the status does not allow
    the change, ``DelegationFull`` when it would take a place that is not free; nothing
    is written then. A place freed by a change that ``promotes`` goes to the wait list.
    The caller's ``registration`` follows the change.
    """
    with transaction.atomic():
        locked = lock_delegation(registration.delegation_id)
        current = Registration.objects.get(pk=registration.pk)
        current.delegation = locked
        from_status = current.status
        if not transition.allowed_from(from_status):
            raise TransitionNotAllowed(_refusal(current, transition))
        if transition.takes_place_from(from_status) and locked.held_count >= locked.capacity:
            raise DelegationFull(
                _(
                    "The registration of %(company)s cannot be accepted: all %(capacity)s "
                    "places are held. Free a place first or raise the number of places."
                )
                % {"company": current.company_name, "capacity": locked.capacity}
            )
        current.status = transition.target
        current.save(update_fields=["status", "updated_at"])
        _record_change(current, from_status=from_status, changed_by=changed_by, note=note)
        queue_registration_email(current, transition.email)
        promoted = []
        if transition.promotes and transition.frees_place_from(from_status):
            promoted = _promote(locked, changed_by=changed_by)
    registration.status = current.status
    registration.updated_at = current.updated_at
    return Outcome(registration=current, promoted=promoted)


def accept_registration(*, registration: Registration, changed_by=None, note: str = "") -> Outcome:
    """Accept a submitted or wait-listed registration (a wait-listed one needs a free place)."""
    return change_registration(
        registration=registration, transition=workflow.ACCEPT, changed_by=changed_by, note=note
    )


def waitlist_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Outcome:
    """Put a submitted or accepted registration on the wait list; the place it frees is
    not given to anyone (see ``workflow.WAITLIST``)."""
    return change_registration(
        registration=registration, transition=workflow.WAITLIST, changed_by=changed_by, note=note
    )


def reject_registration(*, registration: Registration, changed_by=None, note: str = "") -> Outcome:
    """Reject a registration; a place it held goes to the first wait-listed one."""
    return change_registration(
        registration=registration, transition=workflow.REJECT, changed_by=changed_by, note=note
    )


def cancel_registration(*, registration: Registration, changed_by=None, note: str = "") -> Outcome:
    """Cancel a registration (staff, or the registrant through the private link when
    ``changed_by`` is None); a place it held goes to the first wait-listed one."""
    if changed_by is None and not note:
        note = system_note(CANCELLED_BY_REGISTRANT_NOTE)
    return change_registration(
        registration=registration, transition=workflow.CANCEL, changed_by=changed_by, note=note
    )


def save_delegation(*, delegation: Delegation, changed_by=None) -> list[Registration]:
    """Save a delegation that staff edited. When its number of places changed, the wait
    list gets the places now free, in order, in the same transaction; returns those
    promoted."""
    with transaction.atomic():
        if delegation.pk is None:
            delegation.save()
            return []
        before = lock_delegation(delegation.pk)
        delegation.save()
        if delegation.capacity == before.capacity:
            return []
        return _promote(lock_delegation(delegation.pk), changed_by=changed_by)


def delete_registrations(*, registrations, changed_by=None) -> list[Registration]:
    """Delete ``registrations`` (a QuerySet) with their history; the places they held go
    to the wait lists of their delegations, in the same transaction. Returns those
    promoted."""
    with transaction.atomic():
        delegation_ids = sorted(set(registrations.values_list("delegation_id", flat=True)))
        # Locked in id order, so two deletions never wait for each other.
        delegations = [lock_delegation(pk) for pk in delegation_ids]
        Registration.objects.filter(
            pk__in=list(registrations.values_list("pk", flat=True))
        ).delete()
        promoted = []
        for delegation in delegations:
            promoted += _promote(delegation, changed_by=changed_by)
    return promoted

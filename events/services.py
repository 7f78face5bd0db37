"""Every change to registrations, for delegations and events alike (one engine):
registering, accepting, wait-listing, rejecting, cancelling, deleting, and changing an
occasion's number of places.

Places are counted in seats: a registration takes as many places as the people it names
(``Registration.seats``, at most the occasion's ``seats_per_company``). Each change runs
in one transaction that first locks the occasion's row (the delegation or the event), so
that the places held are counted and written by one transaction at a time: two companies
registering at once can never both take the last places. Which changes are allowed, what
each sends and whether it promotes from the wait list is read from ``events.workflow``.
Each change writes a ``RegistrationStatusChange`` and queues the registrant's e-mail for
after the commit; each returns what happened.

Who gets a place:

- A new registration holds its places when its seats fit in the places left; otherwise it
  goes on the wait list (whole: a company is never split between the two).
- Places that become free go to the wait list in order of arrival, first come first
  served, skipping a registration whose seats do not fit in the places now free: it keeps
  its rank and gets the first places that fit it, while a smaller one behind it may take
  the places it cannot use (as pretix hands out freed tickets). So an event is never left
  with empty places while someone who fits is waiting.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chamber.toolkit import l10n
from chamber.toolkit.i18n import supported_language
from chamber.toolkit.locking import lock_row
from events import answers as answer_files
from events import occasions, workflow
from events.emails import queue_registration_email, queue_staff_notification
from events.models import (
    Answer,
    Attendee,
    Delegation,
    Event,
    Registration,
    RegistrationState,
    RegistrationStatusChange,
)
from events.workflow import Status, Transition


class RegistrationError(Exception):
    """A change refused for a reason the person who asked for it should read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RegistrationClosed(RegistrationError):
    """The occasion does not take registrations now (not published, not open, closed)."""


class AlreadyRegistered(RegistrationError):
    """This e-mail address already has an active registration for the occasion."""


class TransitionNotAllowed(RegistrationError):
    """The registration's current status does not allow the change."""


class OccasionFull(TransitionNotAllowed):
    """The change would give places that are not free."""


# The former name, from when only delegations took registrations.
DelegationFull = OccasionFull


@dataclass(frozen=True)
class Outcome:
    """What a change did: the registration as it now stands, and the wait-listed
    registrations that took the places it freed, in order."""

    registration: Registration
    promoted: list[Registration] = field(default_factory=list)


@dataclass(frozen=True)
class AnswerInput:
    """A registrant's answer to one of the organiser's questions, as the form read it:
    ``value`` is the text to keep (see ``events.answers``), ``file`` an uploaded PDF."""

    question: object
    value: str = ""
    file: object = None


@dataclass(frozen=True)
class AttendeeInput:
    """A person the registration names."""

    name: str
    job_title: str = ""
    email: str = ""


# Notes the site writes in a registration's history, stored in the site's language
# whoever caused them (they are lazy, and translated when written).
PROMOTED_NOTE = gettext_lazy("A place became free: promoted from the wait list.")
CANCELLED_BY_REGISTRANT_NOTE = gettext_lazy("Cancelled by the registrant through the private link.")


def system_note(message) -> str:
    """``message`` (a lazy translation) in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


def lock_occasion(model, pk: int):
    """The delegation (with its fair) or event ``pk`` of ``model``, locked until the end
    of the current transaction; refused outside a transaction."""
    if model is Delegation:
        return lock_row(Delegation.objects.select_related("fair"), pk)
    return lock_row(Event.objects.all(), pk)


def lock_delegation(delegation_id: int) -> Delegation:
    """The delegation (with its fair), locked until the end of the current transaction."""
    return lock_occasion(Delegation, delegation_id)


def lock_registration_occasion(registration: Registration):
    """The occasion of ``registration``, locked."""
    if registration.delegation_id:
        return lock_occasion(Delegation, registration.delegation_id)
    return lock_occasion(Event, registration.event_id)


def _attach(registration: Registration, occasion) -> None:
    """Point ``registration`` at the (locked) ``occasion`` object, so that what it reads
    of it (e-mails) needs no query."""
    if isinstance(occasion, Delegation):
        registration.delegation = occasion
    else:
        registration.event = occasion


def _occasion_kwargs(occasion) -> dict:
    if isinstance(occasion, Delegation):
        return {"delegation": occasion}
    return {"event": occasion}


def _places_held(occasion) -> int:
    """Seats of the registrations holding places, counted now (not an annotation)."""
    return occasion.registrations.holding_place().aggregate(held=Coalesce(Sum("seats"), 0))["held"]


def _record_change(registration, *, from_status: str, changed_by, note: str = "") -> None:
    RegistrationStatusChange.objects.create(
        registration=registration,
        from_status=from_status,
        to_status=registration.status,
        changed_by=changed_by,
        note=note[:255],
    )


def closed_message(occasion, now: datetime.datetime | None = None) -> str | None:
    """Why ``occasion`` refuses registrations now, in the active language, or None."""
    state = occasion.registration_state(now)
    event = occasions.is_event(occasion)
    if state == RegistrationState.UNAVAILABLE:
        if event:
            return _("Registration is not available for this event.")
        return _("Registration is not available for this delegation.")
    if state == RegistrationState.NOT_OPEN:
        opens = timezone.localtime(occasion.registration_opens_at)
        values = {"date": l10n.long_datetime(opens)}
        if event:
            return _("Registration for this event opens on %(date)s.") % values
        return _("Registration for this delegation opens on %(date)s.") % values
    if state == RegistrationState.CLOSED:
        closes = timezone.localtime(occasion.registration_closes_at)
        values = {"date": l10n.long_datetime(closes)}
        if event:
            return _("Registration for this event closed on %(date)s.") % values
        return _("Registration for this delegation closed on %(date)s.") % values
    return None


def already_registered_message(occasion) -> str:
    if occasions.is_event(occasion):
        return _(
            "This e-mail address already has a registration for this event. "
            "Use the private link in your confirmation e-mail to see it."
        )
    return _(
        "This e-mail address already has a registration for this delegation. "
        "Use the private link in your confirmation e-mail to see it."
    )


def _clean_attendees(attendees, registration: Registration) -> list[AttendeeInput]:
    """The people named, the contact first; the contact alone when none are given."""
    people = [
        AttendeeInput(
            name=person.name.strip(),
            job_title=person.job_title.strip(),
            email=person.email.strip(),
        )
        for person in attendees
        if person.name.strip()
    ]
    if not people:
        people = [AttendeeInput(name=registration.contact_name, email=registration.email)]
    return people


def _store_answer_files(answers) -> dict:
    """Save the uploaded files (before the lock, which is held only to count and write);
    returns {position in ``answers``: stored name}."""
    stored = {}
    try:
        for index, answer in enumerate(answers):
            if answer.file is not None:
                stored[index] = answer_files.store_file(answer.file)
    except BaseException:
        answer_files.delete_files(stored.values())
        raise
    return stored


def register(
    occasion,
    data: dict,
    *,
    answers=(),
    attendees=(),
    language: str,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a company for ``occasion`` (a delegation or an event).

    ``data`` holds the registration's own fields (company_name, contact_name, email,
    phone, website, sector, pitch, consent); ``answers`` the ``AnswerInput`` of the
    occasion's questions; ``attendees`` the ``AttendeeInput`` of the people named, the
    contact first (the contact alone when empty): the registration takes one place per
    person. It holds its places if they fit in those left, else it is wait-listed.

    Raises ``RegistrationClosed``, ``AlreadyRegistered``, ``RegistrationError`` (no
    consent, too many people) or ``ValidationError``; nothing is written then (files
    stored for the answers are deleted again). The registrant's e-mail and the notice to
    the occasion's contact are sent on commit.
    """
    if not data.get("consent"):
        raise RegistrationError(_("Please agree to the processing of your data to register."))
    language = supported_language(language)
    email = data["email"].strip()
    registration = Registration(
        company_name=data["company_name"].strip(),
        contact_name=data["contact_name"].strip(),
        email=email,
        phone=data["phone"].strip(),
        website=(data.get("website") or "").strip(),
        sector=data["sector"].strip(),
        pitch=data["pitch"].strip(),
        consent=True,
        language=language,
        **_occasion_kwargs(occasion),
    )
    people = _clean_attendees(attendees, registration)
    if len(people) > occasion.seats_per_company:
        raise RegistrationError(
            _("You may name at most %(count)s people in one registration.")
            % {"count": occasion.seats_per_company}
        )
    registration.seats = len(people)
    # Checked before the lock, which is held only to count and insert. The occasion is
    # checked under the lock; the one-active-registration constraint just below.
    registration.full_clean(exclude=["delegation", "event", "status"], validate_constraints=False)
    answers = list(answers)
    with translation.override(language):
        # The question's words as the registrant read them.
        answer_rows = [
            Answer(
                question=answer.question,
                label=answer.question.label,
                kind=answer.question.kind,
                position=answer.question.position,
                value=answer.value,
            )
            for answer in answers
        ]
    stored = _store_answer_files(answers)
    for index, name in stored.items():
        answer_rows[index].file.name = name
    model = type(occasion)
    try:
        with transaction.atomic():
            locked = lock_occasion(model, occasion.pk)
            # Read under the lock: arrival times follow the order places are given in.
            now = now or timezone.now()
            refusal = closed_message(locked, now)
            if refusal:
                raise RegistrationClosed(refusal)
            counts = locked.registrations.aggregate(
                held=Coalesce(Sum("seats", filter=Q(status__in=workflow.HOLDS_PLACE)), 0),
                same_email=Count("pk", filter=Q(status__in=workflow.ACTIVE, email__iexact=email)),
            )
            if counts["same_email"]:
                raise AlreadyRegistered(already_registered_message(locked))
            arrival = workflow.arrival(
                has_place=counts["held"] + registration.seats <= locked.capacity
            )
            _attach(registration, locked)
            registration.status = arrival.target
            registration.created_at = registration.consented_at = now
            registration.save()
            _record_change(registration, from_status="", changed_by=None)
            attendee_rows = Attendee.objects.bulk_create(
                Attendee(
                    registration=registration,
                    name=person.name,
                    job_title=person.job_title,
                    email=person.email,
                    position=position,
                )
                for position, person in enumerate(people)
            )
            for row in answer_rows:
                row.registration = registration
            if answer_rows:
                Answer.objects.bulk_create(answer_rows)
            held = counts["held"] + (registration.seats if registration.holds_place else 0)
            queue_registration_email(registration, arrival.email)
            queue_staff_notification(
                registration, held=held, answers=answer_rows, attendees=attendee_rows
            )
    except IntegrityError as error:
        answer_files.delete_files(stored.values())
        # Only the one-active-registration constraint can fail here.
        raise AlreadyRegistered(already_registered_message(occasion)) from error
    except BaseException:
        answer_files.delete_files(stored.values())
        raise
    return registration


def register_for_delegation(*, delegation: Delegation, language: str, now=None, **data):
    """The former name of ``register`` for a delegation, with the fields as keywords."""
    return register(delegation, data, language=language, now=now)


def _promote(locked, *, changed_by) -> list[Registration]:
    """Give the occasion's free places to the wait list, first come first served,
    skipping those whose seats do not fit (see the module's docstring); the caller holds
    the occasion's lock."""
    free = locked.capacity - _places_held(locked)
    promoted = []
    if free <= 0:
        return promoted
    note = system_note(PROMOTED_NOTE)
    for registration in locked.registrations.waiting().filter(seats__lte=free):
        if registration.seats > free:
            continue
        free -= registration.seats
        _attach(registration, locked)
        registration.status = workflow.PROMOTE.target
        registration.save(update_fields=["status", "updated_at"])
        _record_change(
            registration, from_status=Status.WAITLISTED, changed_by=changed_by, note=note
        )
        queue_registration_email(registration, workflow.PROMOTE.email)
        promoted.append(registration)
        if free <= 0:
            break
    return promoted


def promote_from_waitlist(occasion=None, *, changed_by=None, delegation=None) -> list:
    """Give the free places of ``occasion``, if any, to the wait list (in order of
    arrival, skipping those that do not fit); returns those promoted. ``delegation=`` is
    the former name of ``occasion``."""
    occasion = occasion if occasion is not None else delegation
    with transaction.atomic():
        return _promote(lock_occasion(type(occasion), occasion.pk), changed_by=changed_by)


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

    The status is read again under the occasion's lock (another change may have been
    committed meanwhile). Raises ``TransitionNotAllowed`` when the status does not allow
    the change, ``OccasionFull`` when it would take places that are not free; nothing is
    written then. Places freed by a change that ``promotes`` go to the wait list. The
    caller's ``registration`` follows the change.
    """
    with transaction.atomic():
        locked = lock_registration_occasion(registration)
        current = Registration.objects.get(pk=registration.pk)
        _attach(current, locked)
        from_status = current.status
        if not transition.allowed_from(from_status):
            raise TransitionNotAllowed(_refusal(current, transition))
        if transition.takes_place_from(from_status):
            free = locked.capacity - _places_held(locked)
            if current.seats > free:
                raise OccasionFull(
                    _(
                        "The registration of %(company)s cannot be accepted: it needs "
                        "%(seats)s places and %(free)s of the %(capacity)s places are free. "
                        "Free places first or raise the number of places."
                    )
                    % {
                        "company": current.company_name,
                        "seats": current.seats,
                        "free": max(free, 0),
                        "capacity": locked.capacity,
                    }
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
    """Accept a submitted or wait-listed registration (a wait-listed one needs its
    places free)."""
    return change_registration(
        registration=registration, transition=workflow.ACCEPT, changed_by=changed_by, note=note
    )


def waitlist_registration(
    *, registration: Registration, changed_by=None, note: str = ""
) -> Outcome:
    """Put a submitted or accepted registration on the wait list; the places it frees
    are not given to anyone (see ``workflow.WAITLIST``)."""
    return change_registration(
        registration=registration, transition=workflow.WAITLIST, changed_by=changed_by, note=note
    )


def reject_registration(*, registration: Registration, changed_by=None, note: str = "") -> Outcome:
    """Reject a registration; the places it held go to the wait list."""
    return change_registration(
        registration=registration, transition=workflow.REJECT, changed_by=changed_by, note=note
    )


def cancel_registration(*, registration: Registration, changed_by=None, note: str = "") -> Outcome:
    """Cancel a registration (staff, or the registrant through the private link when
    ``changed_by`` is None); the places it held go to the wait list."""
    if changed_by is None and not note:
        note = system_note(CANCELLED_BY_REGISTRANT_NOTE)
    return change_registration(
        registration=registration, transition=workflow.CANCEL, changed_by=changed_by, note=note
    )


def save_occasion(occasion, *, changed_by=None) -> list[Registration]:
    """Save a delegation or an event that staff edited. When its number of places
    changed, the wait list gets the places now free, in the same transaction; returns
    those promoted."""
    model = type(occasion)
    with transaction.atomic():
        if occasion.pk is None:
            occasion.save()
            return []
        before = lock_occasion(model, occasion.pk)
        occasion.save()
        if occasion.capacity == before.capacity:
            return []
        return _promote(lock_occasion(model, occasion.pk), changed_by=changed_by)


def save_delegation(*, delegation: Delegation, changed_by=None) -> list[Registration]:
    """``save_occasion`` for a delegation (its former name)."""
    return save_occasion(delegation, changed_by=changed_by)


def save_event(*, event: Event, changed_by=None) -> list[Registration]:
    """``save_occasion`` for an event."""
    return save_occasion(event, changed_by=changed_by)


def delete_registrations(*, registrations, changed_by=None) -> list[Registration]:
    """Delete ``registrations`` (a QuerySet) with their history, attendees and answers
    (their files too, once the deletion is committed); the places they held go to the
    wait lists of their delegations and events, in the same transaction. Returns those
    promoted."""
    with transaction.atomic():
        rows = list(registrations.values_list("pk", "delegation_id", "event_id"))
        # Locked in a fixed order (delegations, then events, by id), so two deletions
        # never wait for each other.
        locked = [
            lock_occasion(Delegation, pk) for pk in sorted({row[1] for row in rows if row[1]})
        ] + [lock_occasion(Event, pk) for pk in sorted({row[2] for row in rows if row[2]})]
        ids = [row[0] for row in rows]
        delete_with_files(Registration.objects.filter(pk__in=ids))
        promoted = []
        for occasion in locked:
            promoted += _promote(occasion, changed_by=changed_by)
    return promoted


def delete_with_files(registrations) -> int:
    """Delete ``registrations`` (a QuerySet) and everything that hangs on them; the
    files of their answers leave the private storage once the deletion is committed.
    Returns how many registrations were deleted. Places are not given to the wait list:
    ``delete_registrations`` does that."""
    with transaction.atomic():
        names = list(
            Answer.objects.filter(registration__in=registrations)
            .exclude(file="")
            .values_list("file", flat=True)
        )
        count = registrations.count()
        registrations.delete()
        transaction.on_commit(lambda: answer_files.delete_files(names))
    return count

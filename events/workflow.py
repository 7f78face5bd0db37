"""The registration state machine, written once.

A registration (for a delegation or for an event: the same statuses) arrives holding its
places (submitted) or, when its places do not fit in those left, on the wait list. Staff
then accept, wait-list, reject or cancel it; the registrant may cancel it; places that
become free go to the wait list (``events.services`` says in which order).

Everything the rest of the code knows about statuses is read from the two tables below:
which statuses hold a place and which are active (``STATUSES``), and which changes are
allowed from where, the e-mail each sends, the message when it is refused and whether the
place it frees goes to the wait list (the ``Transition`` rows). The services, the
database constraint, the admin actions, the e-mails and the templates all read them;
adding a status or a change means editing these tables (and writing its e-mail).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Wait-listed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


@dataclass(frozen=True)
class StatusRule:
    # Its seats count against the occasion's places.
    holds_place: bool
    # Still in the running: an e-mail address may have one such registration per
    # delegation or event (a database constraint).
    active: bool
    # What the registrant's private page says; %(position)s is the wait-list position.
    explanation: Promise


STATUSES = {
    Status.SUBMITTED: StatusRule(
        holds_place=True,
        active=True,
        explanation=_("Received: your registration holds its places while our team reviews it."),
    ),
    Status.ACCEPTED: StatusRule(
        holds_place=True,
        active=True,
        explanation=_("Accepted: your places are confirmed."),
    ),
    Status.WAITLISTED: StatusRule(
        holds_place=False,
        active=True,
        explanation=_(
            "On the wait list (position %(position)s): you will get a place, in order, "
            "if one becomes free."
        ),
    ),
    Status.REJECTED: StatusRule(
        holds_place=False,
        active=False,
        explanation=_("Not selected: we could not offer your company a place this time."),
    ),
    Status.CANCELLED: StatusRule(holds_place=False, active=False, explanation=_("Cancelled.")),
}

# In the order of ``Status`` (the database constraint is written with this list).
HOLDS_PLACE = [status for status, rule in STATUSES.items() if rule.holds_place]
ACTIVE = [status for status, rule in STATUSES.items() if rule.active]


@dataclass(frozen=True)
class Transition:
    # The verb that names the change (the admin action is "<verb>_selected").
    verb: str
    target: Status
    # The statuses it may start from; an arrival starts from none.
    sources: frozenset
    # The e-mail the registrant receives: events/email/<email>.txt and <email>_subject.txt.
    email: str
    # The places it frees (if it held some) go at once to the wait list.
    promotes: bool = False
    # Why it is refused when the status is not one of ``sources``; %(company)s and
    # %(status)s are the registration's company and current status.
    refusal: Promise | None = None
    # For changes staff make from the admin: the action's label and its report.
    action: Promise | None = None
    done: Promise | None = None

    def allowed_from(self, status: str) -> bool:
        return status in self.sources

    def takes_place_from(self, status: str) -> bool:
        """From ``status``, the change takes places: its seats must be free."""
        return STATUSES[self.target].holds_place and not STATUSES[status].holds_place

    def frees_place_from(self, status: str) -> bool:
        """From ``status``, the change gives up its places."""
        return STATUSES[status].holds_place and not STATUSES[self.target].holds_place


ARRIVE = Transition(
    verb="register", target=Status.SUBMITTED, sources=frozenset(), email="submitted"
)
ARRIVE_ON_WAITLIST = Transition(
    verb="register", target=Status.WAITLISTED, sources=frozenset(), email="waitlisted"
)
PROMOTE = Transition(
    verb="promote",
    target=Status.SUBMITTED,
    sources=frozenset({Status.WAITLISTED}),
    email="promoted",
)
ACCEPT = Transition(
    verb="accept",
    target=Status.ACCEPTED,
    sources=frozenset({Status.SUBMITTED, Status.WAITLISTED}),
    email="accepted",
    refusal=_("The registration of %(company)s cannot be accepted: its status is “%(status)s”."),
    action=_("Accept the selected registrations"),
    done=ngettext_lazy(
        "%(count)d registration accepted.", "%(count)d registrations accepted.", "count"
    ),
)
# Wait-listing frees a place without giving it away: staff who wait-list several
# registrations in turn would otherwise see each one promote the previous. Staff accept
# a wait-listed registration to give it the place.
WAITLIST = Transition(
    verb="waitlist",
    target=Status.WAITLISTED,
    sources=frozenset({Status.SUBMITTED, Status.ACCEPTED}),
    email="waitlisted",
    refusal=_(
        "The registration of %(company)s cannot be put on the wait list: "
        "its status is “%(status)s”."
    ),
    action=_("Put the selected registrations on the wait list"),
    done=ngettext_lazy(
        "%(count)d registration put on the wait list.",
        "%(count)d registrations put on the wait list.",
        "count",
    ),
)
REJECT = Transition(
    verb="reject",
    target=Status.REJECTED,
    sources=frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED}),
    email="rejected",
    promotes=True,
    refusal=_("The registration of %(company)s cannot be rejected: its status is “%(status)s”."),
    action=_("Reject the selected registrations"),
    done=ngettext_lazy(
        "%(count)d registration rejected.", "%(count)d registrations rejected.", "count"
    ),
)
CANCEL = Transition(
    verb="cancel",
    target=Status.CANCELLED,
    sources=frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED}),
    email="cancelled",
    promotes=True,
    refusal=_("The registration of %(company)s cannot be cancelled: its status is “%(status)s”."),
    action=_("Cancel the selected registrations"),
    done=ngettext_lazy(
        "%(count)d registration cancelled.", "%(count)d registrations cancelled.", "count"
    ),
)

# The changes staff make from the admin, in the order of its actions menu.
STAFF_TRANSITIONS = (ACCEPT, WAITLIST, REJECT, CANCEL)
TRANSITIONS = (ARRIVE, ARRIVE_ON_WAITLIST, PROMOTE, *STAFF_TRANSITIONS)
# Every e-mail a registrant may receive.
EMAILS = tuple(dict.fromkeys(transition.email for transition in TRANSITIONS))


def arrival(*, has_place: bool) -> Transition:
    """How a new registration arrives: holding its places when they fit in those left,
    else on the wait list."""
    return ARRIVE if has_place else ARRIVE_ON_WAITLIST

"""Check-in at the door: the list of the people expected at a delegation or an event,
searched by name or company, each ticked present (or back) with one tap; the printable
list and the name badges (``events.printouts``); the QR code an accepted registrant shows.

The people expected are the attendees of the registrations that hold a place
(``workflow.HOLDS_PLACE``). The staff pages need ``events.checkin_attendee``; they live
in the admin (``RegistrableAdmin.get_urls``), so they need a staff login too. They work
without JavaScript and on a phone: a search is a GET form, a tick a POST form that
returns to the same filtered list.

The QR code holds the address of the registration's check-in entry
(``admin:events_registration_checkin``): staff scan it and land on that person's row.
It is shown to the registrant on their private page once accepted, and the acceptance
e-mail links to it; the image is served for the registrant's signed private token.
"""

import io

import segno
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _

from chamber.toolkit.mail import site_url
from events import links, printouts, workflow
from events.models import Attendee, Registration

PERMISSION = "events.checkin_attendee"


# Who is expected, and ticking them -------------------------------------------------------


def expected_attendees(occasion):
    """The attendees of ``occasion``'s registrations that hold a place, by name."""
    field = occasion._meta.model_name
    return (
        Attendee.objects.filter(
            **{f"registration__{field}": occasion},
            registration__status__in=workflow.HOLDS_PLACE,
        )
        .select_related("registration")
        .order_by(Lower("name"), "id")
    )


def search(attendees, query: str):
    """Those whose name or company holds every word of ``query``."""
    for word in query.split():
        attendees = attendees.filter(
            Q(name__icontains=word) | Q(registration__company_name__icontains=word)
        )
    return attendees


def check_in(*, attendee: Attendee, now=None) -> bool:
    """Mark ``attendee`` present (once: the first arrival time stays); True when it
    changed."""
    return bool(
        Attendee.objects.filter(pk=attendee.pk, checked_in_at__isnull=True).update(
            checked_in_at=now or timezone.now()
        )
    )


def undo_check_in(*, attendee: Attendee) -> bool:
    """Mark ``attendee`` not arrived (ticked by mistake); True when it changed."""
    return bool(
        Attendee.objects.filter(pk=attendee.pk, checked_in_at__isnull=False).update(
            checked_in_at=None
        )
    )


# The admin's side ------------------------------------------------------------------------


def may_check_in(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm(PERMISSION)


def occasion_for(request, model, pk):
    """The delegation or event ``pk``, for staff who may check people in (else 403)."""
    if not may_check_in(request.user):
        raise PermissionDenied
    return get_object_or_404(model, pk=pk)


def _url(occasion, name: str, *args) -> str:
    meta = occasion._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=[occasion.pk, *args])


def links_for(request, model, object_id) -> dict:
    """The check-in pages of a delegation's or event's admin page, for those who may."""
    if not object_id or not may_check_in(request.user):
        return {}
    meta = model._meta
    try:
        pk = int(object_id)
    except ValueError:
        return {}
    return {
        name: reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=[pk])
        for name in ("checkin", "attendees_pdf", "badges_pdf")
    }


def attendee_list(request, occasion):
    """The door's list (events/checkin.html): GET ``q`` searches names and companies,
    ``registration`` shows one registration's people (where a QR code leads)."""
    everyone = expected_attendees(occasion)
    query = request.GET.get("q", "").strip()
    shown = search(everyone, query)
    registration = None
    registration_id = request.GET.get("registration", "")
    if registration_id.isdigit():
        registration = Registration.objects.filter(
            pk=registration_id, **{occasion._meta.model_name: occasion}
        ).first()
        if registration is not None:
            shown = shown.filter(registration=registration)
    shown = list(shown)
    counts = everyone.aggregate(
        expected=Count("pk"), present=Count("pk", filter=Q(checked_in_at__isnull=False))
    )
    here = request.get_full_path()
    for attendee in shown:
        attendee.mark_url = _url(occasion, "checkin_mark", attendee.pk)
        attendee.is_accepted = attendee.registration.status == workflow.Status.ACCEPTED
    context = {
        **admin.site.each_context(request),
        "title": _("Check-in: %(occasion)s") % {"occasion": occasion},
        "occasion": occasion,
        "attendees": shown,
        "query": query,
        "registration": registration,
        "expected": counts["expected"],
        "present": counts["present"],
        "next": here,
        "list_url": _url(occasion, "checkin"),
        "attendees_pdf_url": _url(occasion, "attendees_pdf"),
        "badges_pdf_url": _url(occasion, "badges_pdf"),
        "change_url": _url(occasion, "change"),
    }
    response = TemplateResponse(request, "events/checkin.html", context)
    add_never_cache_headers(response)
    return response


def mark_attendee(request, occasion, attendee_id):
    """POST ``present=1`` ticks the attendee present, ``present=0`` undoes it; back to
    the list as it was (``next``), on their row."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attendee = get_object_or_404(expected_attendees(occasion), pk=attendee_id)
    if request.POST.get("present") == "1":
        check_in(attendee=attendee)
        message = _("%(name)s is marked present.")
    else:
        undo_check_in(attendee=attendee)
        message = _("%(name)s is marked not arrived.")
    messages.success(request, message % {"name": attendee.name})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = _url(occasion, "checkin")
    return redirect(f"{target}#attendee-{attendee.pk}")


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, name)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _file_name(occasion, what: str) -> str:
    return f"{slugify(what, allow_unicode=True)}-{slugify(str(occasion), allow_unicode=True)}.pdf"


def attendee_list_pdf(request, occasion):
    """The printable list of the people expected (A4, PDF)."""
    content = printouts.attendee_list(occasion, expected_attendees(occasion))
    return _pdf(content, _file_name(occasion, _("Attendees")))


def badges_pdf(request, occasion):
    """Name badges of the people expected, eight to an A4 page (PDF)."""
    attendees = expected_attendees(occasion).order_by(
        Lower("registration__company_name"), "registration", "position", "id"
    )
    content = printouts.badges(occasion, attendees)
    return _pdf(content, _file_name(occasion, _("Badges")))


# The registrant's QR code --------------------------------------------------------------------


def checkin_url(registration) -> str:
    """The absolute address of the registration's check-in entry, for staff."""
    return site_url(reverse("admin:events_registration_checkin", args=[registration.pk]))


def qr_code(registration) -> segno.QRCode:
    return segno.make(checkin_url(registration), error="m", micro=False)


def has_qr_code(registration) -> bool:
    return registration.status == workflow.Status.ACCEPTED


def registration_qr(request, token):
    """The QR code of an accepted registration (PNG), for whoever holds its private
    link; 404 for any other link or status."""
    try:
        pk = links.read_token(token)
    except links.InvalidLink as error:
        raise Http404 from error
    registration = get_object_or_404(Registration, pk=pk)
    if not has_qr_code(registration):
        raise Http404
    image = io.BytesIO()
    qr_code(registration).save(image, kind="png", scale=8, border=4)
    response = HttpResponse(image.getvalue(), content_type="image/png")
    patch_cache_control(response, private=True, no_store=True)
    return response

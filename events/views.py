"""Public pages for fairs, delegations and events, registration, the private registration
page and the calendar files."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView
from django_ratelimit.core import is_ratelimited

from chamber.toolkit.clients import client_address
from chamber.toolkit.i18n import find_by_translated_slug
from chamber.toolkit.publication import visible_to
from chamber.toolkit.views import ObjectPageMixin, TranslatedSlugMixin, readiness_refusal
from events import answers, calendar, links, occasions, services
from events.forms import RegistrationForm
from events.models import Delegation, Event, Fair, Registration


def registration_rate(group, request) -> str:
    """Registration POSTs allowed per address, read at each request (tests change it)."""
    return settings.REGISTRATION_RATE


def published_delegations():
    return Delegation.objects.visible().with_counts().order_by("registration_closes_at", "id")


class FairListView(TemplateView):
    """Published fairs with their published delegations: upcoming fairs first (soonest
    first), then the latest past ones. Renders events/fair_list.html."""

    template_name = "events/fair_list.html"
    past_limit = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fairs = Fair.objects.visible().prefetch_related(
            Prefetch("delegations", queryset=published_delegations())
        )
        upcoming = list(fairs.upcoming().order_by("starts_on", "id"))
        past = list(fairs.past().order_by("-starts_on", "-id")[: self.past_limit])
        # The page's first picture is loaded at once, the others when scrolled to.
        context["first_picture"] = next((fair for fair in upcoming + past if fair.image), None)
        context["upcoming_fairs"], context["past_fairs"] = upcoming, past
        return context


class FairDetailView(TranslatedSlugMixin, ObjectPageMixin, DetailView):
    """One fair (by its slug in the active language) with its published delegations.
    Renders events/fair_detail.html."""

    template_name = "events/fair_detail.html"
    context_object_name = "fair"

    def get_queryset(self):
        queryset = Fair.objects.prefetch_related(
            Prefetch("delegations", queryset=published_delegations())
        )
        return visible_to(self.request, queryset)


class RegistrationFormMixin:
    """The registration form of a delegation's or an event's page (one engine for both).

    POST registers a company. A filled honeypot (400) or too many POSTs from one address
    (429) are refused with a message and write nothing; on success the visitor is sent
    to the registration's private page, told what happened (the wait list as
    information, not as an error).
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        occasion = self.object
        context["occasion"] = occasion
        context["closed_message"] = services.closed_message(occasion)
        if "form" not in context and occasion.registration_is_open:
            context["form"] = RegistrationForm(occasion)
        return context

    def post(self, request, *args, **kwargs):
        self.object = find_by_translated_slug(self.get_queryset(), kwargs["slug"])
        refusal = readiness_refusal(request, self.object)
        if refusal is not None:
            return refusal
        limited = is_ratelimited(
            request,
            group="events.register",
            key=lambda _group, request: client_address(request),
            rate=registration_rate,
            method="POST",
            increment=True,
        )
        form = RegistrationForm(self.object, request.POST, request.FILES)
        if limited:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many registrations were sent from your network in a short time, "
                    "so this one was not recorded. Please try again in an hour."
                ),
            )
            return self.render_form(form, status=429)
        if not form.is_valid():
            return self.render_form(form, status=400 if form.is_bot else 200)
        try:
            registration = services.register(
                self.object,
                form.registration_data(),
                answers=form.answers(),
                attendees=form.attendees(),
                language=translation.get_language(),
            )
        except services.AlreadyRegistered as error:
            form.add_error("email", error.message)
            return self.render_form(form)
        except services.RegistrationError as error:
            form.add_error(None, error.message)
            return self.render_form(form)
        if registration.status == Registration.Status.WAITLISTED:
            messages.info(
                request,
                _(
                    "Thank you. There are not enough places left: your registration is on "
                    "the wait list. We will write to you if places become free for it."
                ),
            )
        else:
            messages.success(
                request,
                _("Thank you. Your registration is recorded and holds a place; we will review it."),
            )
        return redirect(links.private_path(registration))

    def render_form(self, form, status: int = 200):
        return self.render_to_response(
            self.get_context_data(object=self.object, form=form), status=status
        )


class DelegationDetailView(TranslatedSlugMixin, ObjectPageMixin, RegistrationFormMixin, DetailView):
    """A delegation: its fair, offer, fee, places left or wait list or closed, share
    links, and the registration form. Renders events/delegation_detail.html."""

    template_name = "events/delegation_detail.html"
    context_object_name = "delegation"

    def get_queryset(self):
        return visible_to(
            self.request,
            Delegation.objects.for_listing().prefetch_related("questions"),
        )


class EventDetailView(TranslatedSlugMixin, ObjectPageMixin, RegistrationFormMixin, DetailView):
    """One of the chamber's events: kind, date and time in its time zone, place or
    online, language, audience, prices, organiser and partners, image, share links and
    the registration form. Renders events/event_detail.html."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return visible_to(
            self.request,
            Event.objects.for_listing().prefetch_related("partners", "questions"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["address"] = occasions.address(event) if event.has_venue else ""
        return context


class RegistrationTokenMixin:
    """Reads the registration from the signed token in the URL, or renders
    events/registration_link_invalid.html (400 tampered or expired, 404 deleted)."""

    def dispatch(self, request, *args, **kwargs):
        try:
            registration_id = links.read_token(kwargs["token"])
        except links.ExpiredLink:
            return self.invalid(request, expired=True)
        except links.InvalidLink:
            return self.invalid(request, expired=False)
        registration = (
            Registration.objects.select_related("delegation__fair", "event")
            .prefetch_related("attendees", "answers")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None:
            return self.invalid(request, expired=False, status=404)
        self.registration = registration
        return super().dispatch(request, *args, **kwargs)

    def invalid(self, request, *, expired: bool, status: int = 400):
        context = {"expired": expired, "contact_email": settings.CHAMBER_CONTACT_EMAIL}
        return render(request, "events/registration_link_invalid.html", context, status=status)


@method_decorator(never_cache, name="dispatch")
class RegistrationDetailView(RegistrationTokenMixin, TemplateView):
    """The registrant's private page: the registration, its status, and a way to cancel
    it. Renders events/registration_detail.html."""

    template_name = "events/registration_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        occasion = registration.occasion
        context.update(
            registration=registration,
            occasion=occasion,
            is_event=occasions.is_event(occasion),
            occasion_facts=occasions.facts(occasion),
            attendees=registration.attendees.all(),
            # The registrant sees the name of the file they sent, never a link to it.
            answers=[
                {"label": answer.label, "value": answers.display_value(answer)}
                for answer in registration.answers.all()
            ],
            private_link=self.request.build_absolute_uri(links.private_path(registration)),
            cancel_url=reverse("events:registration-cancel", kwargs=self.kwargs),
        )
        return context


@method_decorator(never_cache, name="dispatch")
class RegistrationCancelView(RegistrationTokenMixin, TemplateView):
    """GET asks for confirmation (events/registration_cancel.html); POST (with CSRF)
    cancels the registration and returns to the private page."""

    template_name = "events/registration_cancel.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration,
            occasion=self.registration.occasion,
            occasion_description=occasions.description(self.registration.occasion),
            detail_url=reverse("events:registration-detail", kwargs=self.kwargs),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            services.cancel_registration(registration=self.registration)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect("events:registration-detail", token=kwargs["token"])


class FairCalendarView(View):
    """One published fair as an .ics download."""

    def get(self, request, slug):
        fair = find_by_translated_slug(Fair.objects.visible(), slug)
        cal = calendar.new_calendar(fair.name)
        cal.add_component(
            calendar.fair_event(fair, request.build_absolute_uri(fair.get_absolute_url()))
        )
        return calendar.to_response(cal, filename=f"{fair.slug}.ics")


class DelegationCalendarView(View):
    """One published delegation (its days at the fair, its registration window) as .ics."""

    def get(self, request, slug):
        delegation = find_by_translated_slug(
            Delegation.objects.visible().select_related("fair"), slug
        )
        cal = calendar.new_calendar(delegation.title)
        url = request.build_absolute_uri(delegation.get_absolute_url())
        for event in calendar.delegation_events(delegation, url):
            cal.add_component(event)
        return calendar.to_response(cal, filename=f"{delegation.slug}.ics")


class UpcomingFairsCalendarView(View):
    """The calendar feed of upcoming published fairs, to subscribe to."""

    def get(self, request):
        cal = calendar.new_calendar(_("%(site)s — trade fairs") % {"site": settings.SITE_NAME})
        for fair in Fair.objects.visible().upcoming().order_by("starts_on", "id"):
            url = request.build_absolute_uri(fair.get_absolute_url())
            cal.add_component(calendar.fair_event(fair, url))
        return calendar.to_response(cal)

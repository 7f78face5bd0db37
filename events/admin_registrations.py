"""The registrations in the admin: the list staff review, each registration's page with
a button per allowed change, its answers, attendees and history, and the exports.

Statuses change only through the services (``accept_registration`` ...), so the
capacity, the wait list, the history and the e-mails stay right whoever acts and from
wherever (a button on the page, an action on the list). Which changes a registration
allows is read from ``events.workflow``; a button shows only for those, and only to staff
who may change registrations; the view behind it checks both again.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chamber.toolkit.admin import URL_FIELDS
from events import services, workflow
from events.admin import registrations_url, report_promoted
from events.export import answer_value, registrations_csv, registrations_xlsx
from events.models import Answer, Question, Registration, RegistrationStatusChange

Status = workflow.Status
CHANGE_PERMISSION = "events.change_registration"
CHECKIN_PERMISSION = "events.checkin_attendee"

# The button of each change staff make on a registration's page, and the service it calls.
BUTTONS = {
    workflow.ACCEPT.verb: gettext_lazy("Accept"),
    workflow.WAITLIST.verb: gettext_lazy("Put on the wait list"),
    workflow.REJECT.verb: gettext_lazy("Reject"),
    workflow.CANCEL.verb: gettext_lazy("Cancel the registration"),
}
SERVICES = {
    workflow.ACCEPT.verb: services.accept_registration,
    workflow.WAITLIST.verb: services.waitlist_registration,
    workflow.REJECT.verb: services.reject_registration,
    workflow.CANCEL.verb: services.cancel_registration,
}
# The changes whose button asks for a reason, which the registrant's e-mail quotes.
WITH_REASON = {workflow.REJECT.verb}
TRANSITIONS = {transition.verb: transition for transition in workflow.STAFF_TRANSITIONS}


def status_label(registration_or_status) -> str:
    """The status as a coloured label (its words say it; the colour only helps)."""
    status = getattr(registration_or_status, "status", registration_or_status)
    return format_html(
        '<span class="registration-status registration-status-{}">{}</span>',
        status,
        Status(status).label,
    )


# The history in words --------------------------------------------------------------------

# What each change says, by the status it led to: made by a staff member, or by the site
# or the registrant (no one recorded). An arrival comes from no status.
HISTORY = {
    ("", Status.SUBMITTED): (None, gettext_lazy("Received on %(date)s at %(time)s")),
    ("", Status.WAITLISTED): (
        None,
        gettext_lazy("Received on %(date)s at %(time)s, on the wait list"),
    ),
    (Status.WAITLISTED, Status.SUBMITTED): (
        gettext_lazy("Given a place from the wait list by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Given a place from the wait list on %(date)s at %(time)s"),
    ),
    (None, Status.SUBMITTED): (
        gettext_lazy("Returned to review by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Returned to review on %(date)s at %(time)s"),
    ),
    (None, Status.ACCEPTED): (
        gettext_lazy("Accepted by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Accepted on %(date)s at %(time)s"),
    ),
    (None, Status.WAITLISTED): (
        gettext_lazy("Put on the wait list by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Put on the wait list on %(date)s at %(time)s"),
    ),
    (None, Status.REJECTED): (
        gettext_lazy("Rejected by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Rejected on %(date)s at %(time)s"),
    ),
    (None, Status.CANCELLED): (
        gettext_lazy("Cancelled by %(user)s on %(date)s at %(time)s"),
        gettext_lazy("Cancelled by the registrant on %(date)s at %(time)s"),
    ),
}


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def history_line(change: RegistrationStatusChange) -> str:
    """One change in words, in the active language: "Accepted by Marie on 26 November
    2026 at 10:30 — a good fit"."""
    by_staff, by_nobody = HISTORY.get(
        (change.from_status, change.to_status), HISTORY[(None, change.to_status)]
    )
    when = timezone.localtime(change.changed_at)
    values = {
        "user": person(change.changed_by),
        "date": formats.date_format(when, "DATE_FORMAT"),
        "time": formats.time_format(when, "TIME_FORMAT"),
    }
    line = str(by_staff if change.changed_by and by_staff else by_nobody) % values
    if change.note:
        line = _("%(change)s — %(note)s") % {"change": line, "note": change.note}
    return line


# The page's panels -----------------------------------------------------------------------


def answer_rows(registration) -> list[dict]:
    """The answers as staff read them; a file is a link to the staff-only download."""
    rows = []
    for answer in registration.answers.all():
        value = answer_value(answer)
        if isinstance(value, str):
            shown = value
        else:
            shown = formats.localize(value)
        rows.append(
            {
                "label": answer.label,
                "value": shown,
                "is_file": answer.kind == Question.Kind.FILE and bool(answer.file),
                "file_url": reverse("admin:events_registration_answer_file", args=[answer.pk])
                if answer.file
                else "",
                # The name the registrant gave the file (stored under a random one).
                "file_name": (answer.value or answer.file.name.rsplit("/", 1)[-1])
                if answer.file
                else "",
            }
        )
    return rows


def transition_buttons(request, registration) -> list[dict]:
    """The changes the registration's status allows, for staff who may change it."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        return []
    return [
        {
            "verb": transition.verb,
            "label": BUTTONS[transition.verb],
            "url": reverse(
                "admin:events_registration_transition", args=[registration.pk, transition.verb]
            ),
            "asks_reason": transition.verb in WITH_REASON,
        }
        for transition in workflow.STAFF_TRANSITIONS
        if transition.allowed_from(registration.status)
    ]


class RegistrationAdminForm(forms.ModelForm):
    """Staff correct a registration's details; its delegation or event and its status are
    not on the form (they change through the services), but the database's
    one-active-registration rule reads them, so it is checked here with the new e-mail
    address."""

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned:
            candidate = copy.copy(self.instance)
            candidate.email = cleaned["email"]
            try:
                candidate.validate_constraints()
            except ValidationError as error:
                self.add_error("email", error.messages)
        return cleaned


def transition_action(transition: workflow.Transition):
    """The list's action that makes ``transition`` on the selected registrations."""

    def action(model_admin, request, queryset):
        model_admin.apply(request, queryset, transition)

    action.__name__ = f"{transition.verb}_selected"
    return admin.action(description=transition.action, permissions=["change"])(action)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = RegistrationAdminForm
    formfield_overrides = URL_FIELDS
    # Few columns, the status second: the list fits a 1366-pixel screen.
    list_display = [
        "company_name",
        "status_display",
        "occasion_display",
        "contact",
        "received",
    ]
    list_filter = ["status", "event", "delegation", "delegation__fair", "language"]
    list_select_related = ["delegation", "event"]
    search_fields = ["company_name", "contact_name", "email", "attendees__name", "sector", "phone"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "occasion_link",
        "status_display",
        "seats",
        "language",
        "consent",
        "consented_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["occasion_link", "status_display", "seats", "staff_notes"]}),
        (
            gettext_lazy("Company"),
            {"fields": ["company_name", "website", "sector", "pitch"]},
        ),
        (gettext_lazy("Contact"), {"fields": ["contact_name", "email", "phone", "language"]}),
        (
            gettext_lazy("Consent and dates"),
            {"fields": ["consent", "consented_at", "created_at", "updated_at"]},
        ),
    ]
    actions = [
        *map(transition_action, workflow.STAFF_TRANSITIONS),
        "export_selected",
        "export_selected_xlsx",
    ]

    class Media:
        css = {"all": ["css/admin-events.css"]}

    # Registrations come from the public form, which keeps the capacity.
    def has_add_permission(self, request):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("events.export_registration")

    # -- Columns ------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_display(self, obj):
        return status_label(obj)

    @admin.display(description=gettext_lazy("event or delegation"))
    def occasion_display(self, obj):
        return str(obj.occasion)

    @admin.display(description=gettext_lazy("event or delegation"))
    def occasion_link(self, obj):
        occasion = obj.occasion
        meta = occasion._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[occasion.pk])
        return format_html(
            '<a href="{}">{}</a> (<a href="{}">{}</a>)',
            url,
            occasion,
            registrations_url(occasion),
            _("its registrations"),
        )

    @admin.display(description=gettext_lazy("received"), ordering="created_at")
    def received(self, obj):
        """The day only, short, so that the list fits a laptop's screen."""
        when = timezone.localtime(obj.created_at)
        return format_html(
            '<time datetime="{}">{}</time>',
            when.isoformat(timespec="minutes"),
            formats.date_format(when, "SHORT_DATE_FORMAT"),
        )

    @admin.display(description=gettext_lazy("contact"), ordering="contact_name")
    def contact(self, obj):
        return format_html(
            '{}<br><span class="registration-email">{}</span>', obj.contact_name, obj.email
        )

    # -- The list -----------------------------------------------------------------------

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path("export/", view(self.export_view), name="events_registration_export"),
            path(
                "export/xlsx/",
                view(self.export_xlsx_view),
                name="events_registration_export_xlsx",
            ),
            path(
                "answers/<int:answer_id>/file/",
                view(self.answer_file_view),
                name="events_registration_answer_file",
            ),
            path(
                "<path:object_id>/change-status/<str:verb>/",
                view(self.transition_view),
                name="events_registration_transition",
            ),
            path(
                "<path:object_id>/checkin/",
                view(self.checkin_view),
                name="events_registration_checkin",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            context["status_counts"] = self.status_counts(request, context["cl"])
        return response

    def status_counts(self, request, changelist) -> list[dict]:
        """How many registrations of each status the list holds with its other filters
        and search (one query), each a link to the list filtered by it."""
        status_filter = next(
            spec for spec in changelist.filter_specs if getattr(spec, "field_path", "") == "status"
        )
        parameters = status_filter.expected_parameters()
        queryset = changelist.get_queryset(request, exclude_parameters=parameters)
        counts = dict(queryset.order_by().values_list("status").annotate(count=Count("pk")))
        selected = request.GET.get("status__exact")
        return [
            {
                "status": status,
                "label": status_label(status),
                "count": counts.get(status, 0),
                "url": changelist.get_query_string({"status__exact": status}, ["p"]),
                "selected": selected == status,
            }
            for status in Status.values
        ]

    def apply(self, request, queryset, transition):
        """Make ``transition`` on each selected registration, in order of arrival; a
        refused change is reported and the others go on."""
        done = 0
        for registration in queryset.order_by("created_at", "id"):
            try:
                outcome = SERVICES[transition.verb](
                    registration=registration, changed_by=request.user
                )
            except services.RegistrationError as error:
                self.message_user(request, error.message, messages.WARNING)
                continue
            done += 1
            report_promoted(self, request, outcome.promoted)
        if done:
            self.message_user(request, transition.done % {"count": done}, messages.SUCCESS)

    # -- Exports ------------------------------------------------------------------------

    def _filtered(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return changelist.get_queryset(request)

    def export_view(self, request):
        """The list's registrations, with its current filters and search, as CSV."""
        try:
            return registrations_csv(self._filtered(request))
        except IncorrectLookupParameters:
            return redirect("admin:events_registration_changelist")

    def export_xlsx_view(self, request):
        """The list's registrations, with its current filters and search, as XLSX."""
        try:
            return registrations_xlsx(self._filtered(request))
        except IncorrectLookupParameters:
            return redirect("admin:events_registration_changelist")

    @admin.action(
        description=gettext_lazy("Export the selected registrations (CSV)"),
        permissions=["export"],
    )
    def export_selected(self, request, queryset):
        return registrations_csv(queryset)

    @admin.action(
        description=gettext_lazy("Export the selected registrations (Excel)"),
        permissions=["export"],
    )
    def export_selected_xlsx(self, request, queryset):
        return registrations_xlsx(queryset)

    # -- A registration's page ------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        registration = self.get_object(request, unquote(object_id))
        if registration is not None:
            changes = registration.status_changes.select_related("changed_by")
            extra_context = {
                **(extra_context or {}),
                "transition_buttons": transition_buttons(request, registration),
                "answers": answer_rows(registration),
                "attendees": list(registration.attendees.order_by("position", "id")),
                "history": [history_line(change) for change in changes],
                "checkin_url": reverse("admin:events_registration_checkin", args=[registration.pk])
                if request.user.has_perm(CHECKIN_PERMISSION)
                and registration.status in workflow.HOLDS_PLACE
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request, object_id, verb):
        """POST from a button of the registration's page: make the change ``verb`` through
        its service, report the outcome, return to the page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if verb not in TRANSITIONS:
            raise Http404
        registration = self.get_object(request, unquote(object_id))
        if registration is None:
            raise Http404
        if not self.has_change_permission(request, registration):
            raise PermissionDenied
        # One line: the history and the e-mail quote it as it is.
        note = " ".join(request.POST.get("reason", "").split()) if verb in WITH_REASON else ""
        try:
            outcome = SERVICES[verb](registration=registration, changed_by=request.user, note=note)
        except services.RegistrationError as error:
            self.message_user(request, error.message, messages.WARNING)
        else:
            done = TRANSITIONS[verb].done % {"count": 1}
            self.message_user(request, done, messages.SUCCESS)
            report_promoted(self, request, outcome.promoted)
        return redirect("admin:events_registration_change", registration.pk)

    def answer_file_view(self, request, answer_id):
        """A file a registrant attached, for staff who may see registrations: a redirect to
        the private storage's signed link, which expires (never a public address)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        answer = get_object_or_404(Answer.objects.exclude(file=""), pk=answer_id)
        response = redirect(answer.file.url)
        response["Cache-Control"] = "private, no-store"
        return response

    def checkin_view(self, request, object_id):
        """Where a registrant's QR code leads: the door's check-in list, showing them."""
        if not request.user.has_perm(CHECKIN_PERMISSION):
            raise PermissionDenied
        registration = get_object_or_404(
            Registration.objects.select_related("delegation", "event"), pk=unquote(object_id)
        )
        occasion = registration.occasion
        meta = occasion._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_checkin", args=[occasion.pk])
        response = redirect(url + "?" + urlencode({"registration": registration.pk}))
        add_never_cache_headers(response)
        return response

    def delete_model(self, request, obj):
        self.delete_queryset(request, Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        # A deleted registration may have held a place: the wait list gets it.
        promoted = services.delete_registrations(registrations=queryset, changed_by=request.user)
        report_promoted(self, request, promoted)


@admin.register(RegistrationStatusChange)
class RegistrationStatusChangeAdmin(admin.ModelAdmin):
    """Who changed which registration, when, from what to what: read-only."""

    list_display = ["changed_at", "registration", "from_status", "to_status", "changed_by", "note"]
    list_filter = ["to_status", "registration__event", "registration__delegation"]
    list_select_related = ["registration__delegation", "registration__event", "changed_by"]
    search_fields = ["registration__company_name", "registration__email"]
    date_hierarchy = "changed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

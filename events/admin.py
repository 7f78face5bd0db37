"""Admin for fairs, delegations and registrations.

Registration statuses change only through the services (actions below), so the
capacity, the wait list, the history and the e-mails stay right whoever acts.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from chamber.admin import UniqueTranslatedSlugForm
from events import services
from events.export import registrations_csv
from events.models import Delegation, Fair, Registration, RegistrationStatusChange

# Web sites typed without a scheme are taken as https:// (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class DelegationInline(TranslationTabularInline):
    model = Delegation
    extra = 0
    show_change_link = True
    fields = [
        "title",
        "slug",
        "status",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
        "contact_email",
    ]


@admin.register(Fair)
class FairAdmin(TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "starts_on", "ends_on", "city", "country", "status", "delegation_count"]
    list_filter = ["status", "starts_on"]
    search_fields = ["name_fr", "name_en", "city_fr", "city_en", "venue_fr", "venue_en"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}
    inlines = [DelegationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "description"]}),
        (_("When and where"), {"fields": ["starts_on", "ends_on", "venue", "city", "country"]}),
        (_("Links"), {"fields": ["website"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_delegation_count=Count("delegations"))

    @admin.display(description=_("delegations"), ordering="_delegation_count")
    def delegation_count(self, obj):
        return obj._delegation_count


def registrations_url(delegation, status: str | None = None) -> str:
    params = {"delegation__id__exact": delegation.pk}
    if status:
        params["status__exact"] = status
    return reverse("admin:events_registration_changelist") + "?" + urlencode(params)


@admin.register(Delegation)
class DelegationAdmin(TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = [
        "title",
        "fair",
        "status",
        "capacity",
        "held",
        "accepted",
        "waitlisted",
        "registration_opens_at",
        "registration_closes_at",
    ]
    list_filter = ["status", "fair"]
    list_select_related = ["fair"]
    search_fields = ["title_fr", "title_en", "fair__name_fr", "fair__name_en"]
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}
    autocomplete_fields = ["fair"]
    fieldsets = [
        (None, {"fields": ["fair", "title", "slug", "status", "summary"]}),
        (_("Offer"), {"fields": ["audience", "offer", "fee", "currency", "fee_details"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "contact_email",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("places held"), ordering="places_held")
    def held(self, obj):
        return format_html('<a href="{}">{}</a>', registrations_url(obj), obj.places_held)

    @admin.display(description=_("accepted"), ordering="accepted_count")
    def accepted(self, obj):
        url = registrations_url(obj, Registration.Status.ACCEPTED)
        return format_html('<a href="{}">{}</a>', url, obj.accepted_count)

    @admin.display(description=_("wait-listed"), ordering="waitlisted_count")
    def waitlisted(self, obj):
        url = registrations_url(obj, Registration.Status.WAITLISTED)
        return format_html('<a href="{}">{}</a>', url, obj.waitlisted_count)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # More places: the wait list gets them now, in order.
            promoted = services.promote_from_waitlist(delegation=obj, changed_by=request.user)
            report_promoted(self, request, promoted)


def report_promoted(model_admin, request, promoted) -> None:
    if promoted:
        names = ", ".join(registration.company_name for registration in promoted)
        model_admin.message_user(
            request,
            _("Promoted from the wait list: %(names)s.") % {"names": names},
            messages.INFO,
        )


class StatusChangeInline(admin.TabularInline):
    """The registration's history, read-only: it is written by the services alone."""

    model = RegistrationStatusChange
    fields = ["changed_at", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("events.view_registration")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = [
        "company_name",
        "contact_name",
        "email",
        "delegation",
        "status",
        "language",
        "created_at",
    ]
    list_filter = ["delegation", "status", "language", "delegation__fair"]
    list_select_related = ["delegation"]
    search_fields = ["company_name", "contact_name", "email", "sector", "phone"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "delegation",
        "status",
        "language",
        "consent",
        "consented_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["delegation", "status", "staff_notes"]}),
        (
            _("Company"),
            {"fields": ["company_name", "website", "sector", "pitch"]},
        ),
        (_("Contact"), {"fields": ["contact_name", "email", "phone", "language"]}),
        (
            _("Consent and dates"),
            {"fields": ["consent", "consented_at", "created_at", "updated_at"]},
        ),
    ]
    inlines = [StatusChangeInline]
    actions = [
        "accept_selected",
        "waitlist_selected",
        "reject_selected",
        "cancel_selected",
        "export_selected",
    ]

    # Registrations come from the public form, which keeps the capacity.
    def has_add_permission(self, request):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("events.export_registration")

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="events_registration_export",
        )
        return [export, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request):
        """The changelist's registrations, with its current filters and search, as CSV."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect("admin:events_registration_changelist")
        return registrations_csv(changelist.get_queryset(request))

    @admin.action(description=_("Export the selected registrations (CSV)"), permissions=["export"])
    def export_selected(self, request, queryset):
        return registrations_csv(queryset)

    def _apply(self, request, queryset, service, done_message):
        done = 0
        for registration in queryset.order_by("created_at", "id"):
            try:
                result = service(registration=registration, changed_by=request.user)
            except services.RegistrationError as error:
                self.message_user(request, error.message, messages.WARNING)
                continue
            done += 1
            report_promoted(self, request, getattr(result, "promoted", []))
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Accept the selected registrations"), permissions=["change"])
    def accept_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.accept_registration,
            ngettext_lazy(
                "%(count)d registration accepted.", "%(count)d registrations accepted.", "count"
            ),
        )

    @admin.action(
        description=_("Put the selected registrations on the wait list"), permissions=["change"]
    )
    def waitlist_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.waitlist_registration,
            ngettext_lazy(
                "%(count)d registration put on the wait list.",
                "%(count)d registrations put on the wait list.",
                "count",
            ),
        )

    @admin.action(description=_("Reject the selected registrations"), permissions=["change"])
    def reject_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.reject_registration,
            ngettext_lazy(
                "%(count)d registration rejected.", "%(count)d registrations rejected.", "count"
            ),
        )

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.cancel_registration,
            ngettext_lazy(
                "%(count)d registration cancelled.", "%(count)d registrations cancelled.", "count"
            ),
        )

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._refill(request, [obj.delegation_id])

    def delete_queryset(self, request, queryset):
        delegation_ids = set(queryset.values_list("delegation_id", flat=True))
        super().delete_queryset(request, queryset)
        self._refill(request, delegation_ids)

    def _refill(self, request, delegation_ids):
        # A deleted registration may have held a place: give it to the wait list.
        for delegation in Delegation.objects.filter(pk__in=delegation_ids):
            promoted = services.promote_from_waitlist(
                delegation=delegation, changed_by=request.user
            )
            report_promoted(self, request, promoted)


@admin.register(RegistrationStatusChange)
class RegistrationStatusChangeAdmin(admin.ModelAdmin):
    """Who changed which registration, when, from what to what: read-only."""

    list_display = ["changed_at", "registration", "from_status", "to_status", "changed_by", "note"]
    list_filter = ["to_status", "registration__delegation"]
    list_select_related = ["registration__delegation", "changed_by"]
    search_fields = ["registration__company_name", "registration__email"]
    date_hierarchy = "changed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

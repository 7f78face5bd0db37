"""Admin for fairs, delegations and registrations.

Registration statuses change only through the services (actions below), so the
capacity, the wait list, the history and the e-mails stay right whoever acts.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from chamber.toolkit.admin import (
    URL_FIELDS,
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin
from chamber.toolkit.publication import may_publish
from events import services, workflow
from events.export import registrations_csv
from events.models import Delegation, Fair, Registration, RegistrationStatusChange


class DelegationInline(ConfiguredLanguagesMixin, TranslationTabularInline):
    """The fair's delegations, edited here by those who may publish them; others open a
    delegation's own page, where their changes are reviewed."""

    model = Delegation
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return may_publish(request.user, Delegation) and super().has_delete_permission(request, obj)

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
class FairAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    formfield_overrides = URL_FIELDS
    list_display = [
        "name",
        "starts_on",
        "ends_on",
        "city",
        "country",
        "status",
        "languages",
        "delegation_count",
    ]
    list_filter = ["status", LanguageReadinessFilter, "starts_on"]
    search_fields = translated("name", "city", "venue")
    date_hierarchy = "starts_on"
    prepopulated_fields = prepopulated_slugs(source="name")
    inlines = [DelegationInline]
    actions = ["publish_selected", "unpublish_selected"]
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

    def save_formset(self, request, form, formset, change):
        """Delegations edited in the fair's page are saved by the service too: more places
        go to the wait list there as on the delegation's own page."""
        if formset.model is not Delegation:
            return super().save_formset(request, form, formset, change)
        for delegation in formset.save(commit=False):
            promoted = services.save_delegation(delegation=delegation, changed_by=request.user)
            report_promoted(self, request, promoted)
        for delegation in formset.deleted_objects:
            delegation.delete()
        formset.save_m2m()


def registrations_url(delegation, status: str | None = None) -> str:
    params = {"delegation__id__exact": delegation.pk}
    if status:
        params["status__exact"] = status
    return reverse("admin:events_registration_changelist") + "?" + urlencode(params)


@admin.register(Delegation)
class DelegationAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    actions = ["publish_selected", "unpublish_selected"]
    list_display = [
        "title",
        "fair",
        "status",
        "languages",
        "capacity",
        "held",
        "accepted",
        "waitlisted",
        "registration_opens_at",
        "registration_closes_at",
    ]
    list_filter = ["status", LanguageReadinessFilter, "fair"]
    list_select_related = ["fair"]
    search_fields = translated("title", "fair__name")
    prepopulated_fields = prepopulated_slugs()
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
        report_promoted(
            self, request, services.save_delegation(delegation=obj, changed_by=request.user)
        )

    def after_approval(self, request, obj, before):
        """An approved version with more places gives them to the wait list."""
        if obj.capacity != before.capacity:
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


class RegistrationAdminForm(forms.ModelForm):
    """Staff correct a registration's details; its delegation and status are not on the
    form (they change through the services), but the database's one-active-registration
    rule reads them, so it is checked here with the new e-mail address."""

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
    """The admin action that makes ``transition`` on the selected registrations."""

    def action(model_admin, request, queryset):
        model_admin.apply(request, queryset, transition)

    action.__name__ = f"{transition.verb}_selected"
    return admin.action(description=transition.action, permissions=["change"])(action)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = RegistrationAdminForm
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
    actions = [*map(transition_action, workflow.STAFF_TRANSITIONS), "export_selected"]

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

    def apply(self, request, queryset, transition):
        """Make ``transition`` on each selected registration, in order of arrival; a
        refused change is reported and the others go on."""
        done = 0
        for registration in queryset.order_by("created_at", "id"):
            try:
                outcome = services.change_registration(
                    registration=registration, transition=transition, changed_by=request.user
                )
            except services.RegistrationError as error:
                self.message_user(request, error.message, messages.WARNING)
                continue
            done += 1
            report_promoted(self, request, outcome.promoted)
        if done:
            self.message_user(request, transition.done % {"count": done}, messages.SUCCESS)

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

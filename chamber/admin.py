"""Admin for organisations and agreements, each language in its tab, changes reviewed."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from chamber import membership
from chamber.models import Agreement, MembershipApplication, Organisation, Party, Signatory
from chamber.toolkit.admin import (
    URL_FIELDS,
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    image_preview,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin


@admin.register(Organisation)
class OrganisationAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "membership",
        "city",
        "status",
        "languages",
        "logo_preview",
    ]
    list_filter = ["status", LanguageReadinessFilter, "kind", "membership", "country"]
    search_fields = [*translated("name", "sector"), "short_name"]
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ["logo_preview"]
    formfield_overrides = URL_FIELDS
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "sector", "description"]}),
        (_("Membership"), {"fields": ["membership", "member_since"]}),
        (_("Contact"), {"fields": ["website", "city", "country"]}),
        (_("Logo"), {"fields": ["logo", "logo_preview"]}),
        (_("Publication"), {"fields": ["status"]}),
    ]

    @admin.display(description=_("logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)


class PartyInline(ConfiguredLanguagesMixin, TranslationTabularInline):
    model = Party
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})},
    }
    autocomplete_fields = ["organisation"]
    fields = ["position", "organisation", "role"]


class SignatoryInline(ConfiguredLanguagesMixin, TranslationTabularInline):
    model = Signatory
    extra = 1
    autocomplete_fields = ["organisation"]
    fields = ["position", "name", "title", "organisation", "role"]


@admin.register(Agreement)
class AgreementAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = ["title", "signed_on", "place", "party_count", "status", "languages"]
    list_filter = ["status", LanguageReadinessFilter]
    search_fields = [*translated("title"), *translated("parties__organisation__name")]
    date_hierarchy = "signed_on"
    prepopulated_fields = prepopulated_slugs()
    inlines = [PartyInline, SignatoryInline]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "signed_on", "place", "summary"]}),
        (_("Publication"), {"fields": ["status"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_party_count=Count("parties"))

    @admin.display(description=_("parties"), ordering="_party_count")
    def party_count(self, obj):
        return obj._party_count


def application_status_label(application) -> str:
    """The status as a label (its words say it; the colour, the registrations', helps)."""
    colour = {"refused": "rejected"}.get(application.status, application.status)
    return format_html(
        '<span class="registration-status registration-status-{}">{}</span>',
        colour,
        application.get_status_display(),
    )


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    """Applications to join: staff read them and accept or refuse each with the buttons
    of its page (POST forms; ``chamber.membership`` does the work)."""

    change_form_template = "admin/chamber/membershipapplication/change_form.html"
    list_display = ["company_name", "contact_name", "tier", "status_display", "created_at"]
    list_filter = ["status", "tier", "size", "language"]
    search_fields = ["company_name", "contact_name", "email", "sector"]
    date_hierarchy = "created_at"
    fields = [
        "company_name",
        "contact_name",
        "email",
        "phone",
        "sector",
        "size",
        "tier",
        "message",
        "language",
        "status",
        "organisation",
        "decided_by",
        "decided_at",
        "created_at",
        "staff_note",
    ]
    readonly_fields = [name for name in fields if name != "staff_note"]

    @admin.display(description=_("status"), ordering="status")
    def status_display(self, obj):
        return application_status_label(obj)

    def has_add_permission(self, request):
        return False  # Applications come from the public form.

    def may_decide(self, request, application) -> bool:
        """Deciding changes the application and its organisation."""
        return self.has_change_permission(request, application) and request.user.has_perm(
            "chamber.change_organisation"
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/decide/<str:verb>/",
                view(self.decide_view),
                name="chamber_membershipapplication_decide",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, unquote(object_id))
        if application is not None:
            extra_context = {
                **(extra_context or {}),
                "status_label": application_status_label(application),
                "may_decide": not application.is_decided and self.may_decide(request, application),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def decide_view(self, request, object_id, verb):
        """POST from the accept or refuse button of an application's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if verb not in ("accept", "refuse"):
            raise Http404
        application = self.get_object(request, unquote(object_id))
        if application is None:
            raise Http404
        if not self.may_decide(request, application):
            raise PermissionDenied
        try:
            if verb == "accept":
                organisation = membership.accept(application, user=request.user)
                self.message_user(
                    request,
                    _("Application accepted: %(name)s is a member; an e-mail welcomes them.")
                    % {"name": organisation},
                    messages.SUCCESS,
                )
            else:
                membership.refuse(
                    application, user=request.user, reason=request.POST.get("reason", "")
                )
                self.message_user(
                    request, _("Application refused; the applicant is told."), messages.SUCCESS
                )
        except membership.AlreadyDecided:
            self.message_user(request, _("This application was decided already."), messages.WARNING)
        return redirect("admin:chamber_membershipapplication_change", application.pk)

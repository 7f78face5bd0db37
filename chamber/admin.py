"""Admin for organisations and agreements, each language in its tab, changes reviewed."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from chamber.models import Agreement, Organisation, Party, Signatory
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

"""Admin for organisations and agreements, French and English in tabs."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from chamber.models import Agreement, Organisation, Party, Signatory
from chamber.toolkit.admin import URL_FIELDS, UniqueTranslatedSlugForm, image_preview


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "short_name", "kind", "membership", "city", "logo_preview"]
    list_filter = ["kind", "membership", "country"]
    search_fields = ["name_fr", "name_en", "short_name", "sector_fr", "sector_en"]
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ["logo_preview"]
    formfield_overrides = URL_FIELDS
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "sector", "description"]}),
        (_("Membership"), {"fields": ["membership", "member_since"]}),
        (_("Contact"), {"fields": ["website", "city", "country"]}),
        (_("Logo"), {"fields": ["logo", "logo_preview"]}),
    ]

    @admin.display(description=_("logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)


class PartyInline(TranslationTabularInline):
    model = Party
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})},
    }
    autocomplete_fields = ["organisation"]
    fields = ["position", "organisation", "role"]


class SignatoryInline(TranslationTabularInline):
    model = Signatory
    extra = 1
    autocomplete_fields = ["organisation"]
    fields = ["position", "name", "title", "organisation", "role"]


@admin.register(Agreement)
class AgreementAdmin(TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = ["title", "signed_on", "place", "party_count"]
    search_fields = ["title_fr", "title_en", "parties__organisation__name_fr"]
    date_hierarchy = "signed_on"
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}
    inlines = [PartyInline, SignatoryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_party_count=Count("parties"))

    @admin.display(description=_("parties"), ordering="_party_count")
    def party_count(self, obj):
        return obj._party_count

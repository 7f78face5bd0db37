"""Admin for organisations and agreements, French and English in tabs."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.files import get_thumbnailer
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname

from chamber.models import Agreement, Organisation, Party, Signatory

# The admin speaks of the chamber, in the staff member's language.
admin.site.site_header = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.site_title = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.index_title = _("Content, members and delegations")


def image_preview(image, alias="admin"):
    """A small thumbnail of an uploaded image, or a dash."""
    if not image:
        return "—"
    try:
        url = get_thumbnailer(image)[alias].url
    except Exception:  # noqa: BLE001 -- a missing or broken file must not break the admin
        return "—"
    return format_html('<img src="{}" alt="" class="admin-thumbnail">', url)


class UniqueTranslatedSlugForm(forms.ModelForm):
    """Refuses a slug that another row already uses in the same language."""

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for code, _name in settings.LANGUAGES:
            field = build_localized_fieldname("slug", code)
            slug = cleaned.get(field)
            if not slug or field not in self.fields:
                continue
            others = model._default_manager.filter(**{field: slug})
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error(field, _("Another page already uses this slug in this language."))
        return cleaned


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "short_name", "kind", "membership", "city", "logo_preview"]
    list_filter = ["kind", "membership", "country"]
    search_fields = ["name_fr", "name_en", "short_name", "sector_fr", "sector_en"]
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ["logo_preview"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
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
        from django.db.models import Count

        return super().get_queryset(request).annotate(_party_count=Count("parties"))

    @admin.display(description=_("parties"), ordering="_party_count")
    def party_count(self, obj):
        return obj._party_count

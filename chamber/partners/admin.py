"""Admin for partners and sponsors: names in each language's tab, order edited in the list."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from chamber.partners.models import Partner
from chamber.toolkit.admin import URL_FIELDS, ConfiguredLanguagesMixin, image_preview, translated


@admin.register(Partner)
class PartnerAdmin(ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    list_display = ["name", "level", "position", "active", "logo_preview"]
    list_editable = ["level", "position", "active"]
    list_filter = ["level", "active"]
    search_fields = translated("name")
    autocomplete_fields = ["organisation"]
    readonly_fields = ["logo_preview"]
    formfield_overrides = URL_FIELDS
    list_select_related = ["organisation"]
    fieldsets = [
        (None, {"fields": ["name", "level", "position", "active"]}),
        (_("Logo"), {"fields": ["logo", "logo_preview"]}),
        (_("Links"), {"fields": ["link", "organisation"]}),
    ]

    @admin.display(description=_("logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)

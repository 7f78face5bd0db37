"""Admin for the chamber's pages (each language in its tab, changes reviewed) and the
menus' links (ordered, translated)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import get_translation_fields

from chamber.pages.models import MenuItem, Page
from chamber.toolkit.admin import (
    URL_FIELDS,
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    image_preview,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin
from chamber.toolkit.editor import rich_text_widget
from chamber.toolkit.sanitizer import sanitize_html


class PageAdminForm(UniqueTranslatedSlugForm):
    """Sanitises the body in each language as it is saved (it is sanitised again on
    output)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.startswith("body") and isinstance(value, str):
                cleaned[name] = sanitize_html(value)
        return cleaned

    class Meta:
        model = Page
        fields = "__all__"
        widgets = {field: rich_text_widget() for field in get_translation_fields("body")}


@admin.register(Page)
class PageAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = PageAdminForm
    list_display = ["title", "parent", "position", "status", "languages", "updated_at"]
    list_filter = ["status", LanguageReadinessFilter, "parent"]
    list_select_related = ["parent"]
    search_fields = translated("title")
    prepopulated_fields = prepopulated_slugs()
    readonly_fields = ["image_preview", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    published_message = ngettext_lazy(
        "%(count)d page published.", "%(count)d pages published.", "count"
    )
    unpublished_message = ngettext_lazy(
        "%(count)d page returned to draft.", "%(count)d pages returned to draft.", "count"
    )
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "position", "body"]}),
        (_("Image"), {"fields": ["image", "image_preview", "image_alt"]}),
        (_("Publication"), {"fields": ["status", "seo_description"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("image"))
    def image_preview(self, obj):
        return image_preview(obj.image)


@admin.register(MenuItem)
class MenuItemAdmin(ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "menu", "position", "page", "section", "url"]
    list_editable = ["position"]
    list_filter = ["menu"]
    list_select_related = ["page"]
    autocomplete_fields = ["page"]
    fieldsets = [
        (None, {"fields": ["menu", "position", "label"]}),
        (
            _("Target"),
            {
                "fields": ["page", "section", "url"],
                "description": _(
                    "Exactly one: a page, a section of the site or an address elsewhere."
                ),
            },
        ),
    ]

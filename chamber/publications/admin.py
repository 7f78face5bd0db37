"""Admin for publications, each language in its tab, changes reviewed, published by a
publisher."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from chamber.publications.models import Publication
from chamber.toolkit.admin import (
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    image_preview,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin


@admin.register(Publication)
class PublicationAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = ["title", "category", "published_on", "status", "languages", "cover_preview"]
    list_filter = ["status", LanguageReadinessFilter, "category", "published_on"]
    search_fields = translated("title", "summary")
    date_hierarchy = "published_on"
    prepopulated_fields = prepopulated_slugs()
    readonly_fields = ["cover_preview", "file_size", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    published_message = ngettext_lazy(
        "%(count)d publication published.", "%(count)d publications published.", "count"
    )
    unpublished_message = ngettext_lazy(
        "%(count)d publication returned to draft.",
        "%(count)d publications returned to draft.",
        "count",
    )
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "published_on", "summary"]}),
        (_("Document"), {"fields": ["file", "file_size", "cover", "cover_preview"]}),
        (_("Publication"), {"fields": ["status"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("cover image"))
    def cover_preview(self, obj):
        return image_preview(obj.cover)

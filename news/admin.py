"""Admin for categories and articles, each language in its tab, changes reviewed."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import get_translation_fields

from chamber.toolkit.admin import (
    ConfiguredLanguagesMixin,
    UniqueTranslatedSlugForm,
    image_preview,
    prepopulated_slugs,
    translated,
)
from chamber.toolkit.admin_review import LanguageReadinessFilter, ReviewedAdmin
from chamber.toolkit.editor import rich_text_widget
from chamber.toolkit.sanitizer import sanitize_html
from news.models import Article, Category


@admin.register(Category)
class CategoryAdmin(ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = ["name", "position"]
    list_editable = ["position"]
    prepopulated_fields = prepopulated_slugs(source="name")


class ArticleAdminForm(UniqueTranslatedSlugForm):
    """Sanitises the body in each language as it is saved (it is sanitised again on
    output, so rows written outside the admin are safe too)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.startswith("body") and isinstance(value, str):
                cleaned[name] = sanitize_html(value)
        return cleaned

    class Meta:
        model = Article
        fields = "__all__"
        widgets = {
            "key_points": forms.Textarea(attrs={"rows": 4}),
            **{field: rich_text_widget() for field in get_translation_fields("body")},
        }


@admin.register(Article)
class ArticleAdmin(ReviewedAdmin, ConfiguredLanguagesMixin, TabbedTranslationAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        "visibility",
        "languages",
        "published_at",
        "image_preview",
        "author",
    ]
    actions = ["publish_selected", "unpublish_selected"]
    published_message = ngettext_lazy(
        "%(count)d article published.", "%(count)d articles published.", "count"
    )
    unpublished_message = ngettext_lazy(
        "%(count)d article returned to draft.", "%(count)d articles returned to draft.", "count"
    )
    list_filter = ["status", LanguageReadinessFilter, "category", "published_at"]
    search_fields = translated("title", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = prepopulated_slugs()
    autocomplete_fields = ["organisations", "agreement"]
    readonly_fields = ["image_preview", "created_at", "updated_at"]
    list_select_related = ["category", "author"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "key_points", "body"]}),
        (
            _("Image"),
            {"fields": ["image", "image_preview", "image_alt", "image_caption", "image_credit"]},
        ),
        (_("Links"), {"fields": ["organisations", "agreement"]}),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "author", "seo_description"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("image"))
    def image_preview(self, obj):
        return image_preview(obj.image)

    @admin.display(description=_("visibility"), ordering="status")
    def visibility(self, obj):
        if obj.is_public:
            return _("Published")
        if obj.status == Article.Status.PUBLISHED:
            return _("Scheduled")
        return _("Draft")

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

"""Admin for categories and articles, French and English in tabs."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_prose_editor.widgets import AdminProseEditorWidget
from modeltranslation.admin import TabbedTranslationAdmin

from chamber.toolkit.admin import UniqueTranslatedSlugForm, image_preview
from chamber.toolkit.sanitizer import sanitize_html
from news.models import Article, Category


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    form = UniqueTranslatedSlugForm
    list_display = ["name", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}


def rich_text_widget():
    """The body editor: the formatting a press release needs, nothing that the
    sanitiser (chamber.toolkit.sanitizer) would remove."""
    return AdminProseEditorWidget(
        config={
            "extensions": {
                "Bold": True,
                "Italic": True,
                "Underline": True,
                "Strike": True,
                "Subscript": True,
                "Superscript": True,
                "Heading": {"levels": [2, 3, 4]},
                "BulletList": True,
                "OrderedList": True,
                "ListItem": True,
                "Blockquote": True,
                "HorizontalRule": True,
                "HardBreak": True,
                "Link": {"enableTarget": False},
                "History": True,
                "HTML": True,
            }
        },
        preset="configurable",
    )


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
            "body_fr": rich_text_widget(),
            "body_en": rich_text_widget(),
        }


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    form = ArticleAdminForm
    list_display = ["title", "category", "visibility", "published_at", "image_preview", "author"]
    actions = ["publish_selected", "unpublish_selected"]
    list_filter = ["status", "category", "published_at"]
    search_fields = ["title_fr", "title_en", "lead_fr", "lead_en"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}
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

    # Editors write and save drafts; publishing (the status) is for those who hold
    # news.publish_article: the publishers.
    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def _set_status(self, request, queryset, status) -> int:
        """Give ``status`` to the selected articles that lack it, each change recorded in
        the article's admin history."""
        changed = 0
        with transaction.atomic():
            for article in queryset.exclude(status=status).select_for_update(of=("self",)):
                article.status = status
                article.save(update_fields=["status", "updated_at"])
                self.log_change(request, article, [{"changed": {"fields": ["status"]}}])
                changed += 1
        return changed

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        """Publish; an article whose publish time is in the future stays scheduled."""
        count = self._set_status(request, queryset, Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d article published.", "%(count)d articles published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Return the selected articles to draft"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = self._set_status(request, queryset, Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d article returned to draft.",
                "%(count)d articles returned to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

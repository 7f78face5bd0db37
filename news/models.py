"""Categories and articles: the chamber's news, in French and English."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from chamber.models import Agreement, Organisation
from chamber.toolkit.i18n import unique_slug_per_language
from chamber.toolkit.images import SanitizedImageField
from chamber.toolkit.publication import (
    Publishable,
    PublishableQuerySet,
    Translated,
    TranslatedQuerySet,
    visible_indexes,
)
from chamber.toolkit.text import item_lines


class Category(Translated):
    """A section of the news; it exists in a language once named in it."""

    required_translations = ("name", "slug")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = unique_slug_per_language("category")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


# The article's texts that cards never show.
LONG_TEXTS = ["body", "key_points", *get_translation_fields("body", "key_points")]


class ArticleQuerySet(PublishableQuerySet):
    def for_listing(self):
        """What a list of article cards needs, in a fixed number of queries, without the
        texts a card does not show (the bodies are most of a row)."""
        return self.select_related("category").defer(*LONG_TEXTS)


class Article(Publishable):
    # A published article whose publish time is still to come is scheduled.
    publish_time_field = "published_at"
    required_translations = ("title", "slug", "lead", "body")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("The opening paragraph."))
    key_points = models.TextField(
        _("key points"),
        blank=True,
        help_text=_("The bullet list at the top of the article: one point per line."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Rich text: headings, lists, quotes, links; other markup is removed."),
    )
    image = SanitizedImageField(_("image"), upload_to="news/%Y/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )
    image_caption = models.CharField(_("image caption"), max_length=255, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=255, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="articles", verbose_name=_("organisations")
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("agreement (MOU)"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
    )
    published_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        help_text=_("A time in the future schedules the article."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Shown in search results and when the page is shared; the lead if empty."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            *visible_indexes("article", "-published_at", "-id"),
            # A category's list, in the same order.
            *visible_indexes("article_category", "category", "-published_at", "-id"),
            # The newest change, which the sitemap index gives as its last modification.
            models.Index(fields=["-updated_at"], name="article_updated"),
        ]
        permissions = [("publish_article", _("Can publish articles"))]
        constraints = unique_slug_per_language("article")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    @property
    def key_point_list(self) -> list[str]:
        return item_lines(self.key_points)

    @property
    def description(self) -> str:
        return self.seo_description or self.lead

    @property
    def author_name(self) -> str:
        """The full name of the person who wrote the article, for its byline; empty
        when no one is named (the chamber signs it)."""
        if self.author is None:
            return ""
        return self.author.get_full_name().strip()


def next_scheduled_article(now):
    """When the next scheduled article becomes visible (for the page cache)."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )

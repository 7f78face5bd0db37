"""RSS and Atom feeds of the latest published articles, in the active language."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from chamber.toolkit.i18n import find_by_translated_slug
from chamber.toolkit.sanitizer import sanitize_html
from news.models import Article, Category


class LatestArticlesFeed(Feed):
    title = _("Chamber news")
    description = _("The latest news of the chamber and its members.")

    def link(self):
        return reverse("news:article-list")

    def items(self):
        return Article.objects.visible().for_listing()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return sanitize_html(item.lead)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    """The latest published articles of one category (its slug in the active language)."""

    def get_object(self, request, slug):
        return find_by_translated_slug(Category.objects.all(), slug)

    def title(self, category):
        return f"{settings.SITE_NAME} — {category.name}"

    def description(self, category):
        return _("The latest articles in “%(category)s”.") % {"category": category.name}

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return Article.objects.visible().for_listing().filter(category=category)[:20]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)

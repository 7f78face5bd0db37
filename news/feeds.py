"""RSS and Atom feeds of the latest published articles, in the active language.

Each feed names its author (the chamber, with its home page) and each entry its own (the
article's author by full name, else the chamber): Atom requires one (RFC 4287, 4.1.1). An
article's picture travels as an enclosure (RSS 2.0 ``<enclosure>``, Atom
``<link rel="enclosure">``): the "hero" rendition (1200 x 630) that the article page
shows, with its size in bytes read from the storage. On the server's disk that is a
``stat`` per article; on object storage a request per article, paid once per cached copy
of the feed (feeds are public pages, kept by ``PublicPageCacheMiddleware``).
"""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.files import get_thumbnailer

from chamber.toolkit.i18n import find_by_translated_slug
from chamber.toolkit.sanitizer import sanitize_html
from news.models import Article, Category

# The rendition of an article's picture sent as its enclosure (settings.THUMBNAIL_ALIASES).
ENCLOSURE_ALIAS = "hero"
FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    title = _("Chamber news")
    description = _("The latest news of the chamber and its members.")

    def get_feed(self, obj, request):
        """The feed, with the addresses Django leaves as paths made absolute for this
        request's host: the chamber's home page and the enclosures."""
        feed = super().get_feed(obj, request)
        feed.feed["author_link"] = request.build_absolute_uri(feed.feed["author_link"])
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in item["enclosures"]
            ]
        return feed

    def link(self):
        return reverse("news:article-list")

    def articles(self):
        return Article.objects.visible().for_listing().select_related("author")

    def items(self):
        return self.articles()[:FEED_LENGTH]

    def author_name(self):
        return str(settings.SITE_FULL_NAME)

    def author_link(self):
        return reverse("site:home")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return sanitize_html(item.lead)

    def item_author_name(self, item):
        full_name = item.author.get_full_name() if item.author else ""
        return full_name or str(settings.SITE_FULL_NAME)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name]

    def item_enclosures(self, item):
        """The article's picture (its "hero" rendition, made if missing), or nothing."""
        if not item.image:
            return []
        rendition = get_thumbnailer(item.image)[ENCLOSURE_ALIAS]
        mime_type = mimetypes.guess_type(rendition.name)[0] or "application/octet-stream"
        return [Enclosure(rendition.url, str(rendition.size), mime_type)]


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
        return self.articles().filter(category=category)[:FEED_LENGTH]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)

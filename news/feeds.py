"""RSS and Atom feeds of the latest published articles, in the active language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from chamber.sanitizer import sanitize_html
from news.models import Article


class LatestArticlesFeed(Feed):
    title = _("Chamber news")
    description = _("The latest news of the chamber and its members.")

    def link(self):
        return reverse("news:article-list")

    def items(self):
        return Article.objects.published().for_listing()[:20]

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

"""The news sections of the sitemap: the news list, categories and published articles."""

from chamber.toolkit.i18n import TranslatedSitemap, TranslatedViewSitemap
from news.models import Article, Category


class NewsListSitemap(TranslatedViewSitemap):
    url_names = ("news:article-list",)


class ArticleSitemap(TranslatedSitemap):
    def items(self):
        return Article.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(TranslatedSitemap):
    def items(self):
        return Category.objects.all()


sitemaps = {
    "news": NewsListSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}

"""The news sections of the sitemap: the news list, categories and published articles."""

from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap
from news.models import Article, Category


class NewsListSitemap(LanguageViewSitemap):
    url_names = ("news:article-list",)


class ArticleSitemap(LanguageSitemap):
    url_name = "news:article-detail"

    def queryset(self):
        return Article.objects.published()


class CategorySitemap(LanguageSitemap):
    url_name = "news:category"
    lastmod_field = None

    def queryset(self):
        return Category.objects.all()


sitemaps = {
    "news": NewsListSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}

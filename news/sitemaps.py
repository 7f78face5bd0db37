"""The news sections of the sitemap: the news list, categories and published articles."""

from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap
from news.models import Article, Category


class NewsListSitemap(LanguageViewSitemap):
    url_names = ("news:article-list",)


class ArticleSitemap(LanguageSitemap):
    url_name = "news:article-detail"
    # The order of the index of each language's visible articles (read backwards): a
    # page reads its own rows only, and a new article joins the last page.
    ordering = ("published_at", "pk")

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

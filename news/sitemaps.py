from django.contrib.sitemaps import Sitemap

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Article.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Category.objects.all()

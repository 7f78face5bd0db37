from chamber.i18n import TranslatedSitemap
from news.models import Article, Category


class ArticleSitemap(TranslatedSitemap):
    def items(self):
        return Article.objects.published()

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(TranslatedSitemap):
    def items(self):
        return Category.objects.all()

"""The sitemap, with every page in both languages and its alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from chamber.models import Agreement, Organisation
from news.sitemaps import ArticleSitemap, CategorySitemap


class StaticSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["chamber:home", "news:article-list", "chamber:member-list"]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Organisation.objects.members()


class AgreementSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Agreement.objects.all()

    def lastmod(self, obj):
        return obj.signed_on


sitemaps = {
    "static": StaticSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "organisations": OrganisationSitemap,
    "agreements": AgreementSitemap,
}

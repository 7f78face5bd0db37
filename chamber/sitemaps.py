"""The sitemap, with every page in both languages and its alternates."""

from django.urls import reverse

from chamber.i18n import TranslatedSitemap
from chamber.models import Agreement, Organisation
from events.sitemaps import DelegationSitemap, EventListSitemap, FairSitemap
from news.sitemaps import ArticleSitemap, CategorySitemap


class StaticSitemap(TranslatedSitemap):
    def items(self):
        return [
            "chamber:home",
            "news:article-list",
            "chamber:member-list",
            "chamber:agreement-list",
        ]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(TranslatedSitemap):
    def items(self):
        return Organisation.objects.members()


class AgreementSitemap(TranslatedSitemap):
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
    "events": EventListSitemap,
    "fairs": FairSitemap,
    "delegations": DelegationSitemap,
}

"""The events sections of the sitemap: the list of fairs, published fairs and
delegations."""

from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap
from events.models import Delegation, Fair


class EventListSitemap(LanguageViewSitemap):
    url_names = ("events:fair-list",)


class FairSitemap(LanguageSitemap):
    url_name = "events:fair-detail"

    def queryset(self):
        return Fair.objects.published()


class DelegationSitemap(LanguageSitemap):
    url_name = "events:delegation-detail"

    def queryset(self):
        return Delegation.objects.published()


sitemaps = {
    "events": EventListSitemap,
    "fairs": FairSitemap,
    "delegations": DelegationSitemap,
}

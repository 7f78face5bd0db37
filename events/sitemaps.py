"""The events sections of the sitemap: the list of fairs, published fairs and
delegations."""

from chamber.toolkit.i18n import TranslatedSitemap, TranslatedViewSitemap
from events.models import Delegation, Fair


class EventListSitemap(TranslatedViewSitemap):
    url_names = ("events:fair-list",)


class FairSitemap(TranslatedSitemap):
    def items(self):
        return Fair.objects.published().order_by("starts_on", "id")

    def lastmod(self, obj):
        return obj.updated_at


class DelegationSitemap(TranslatedSitemap):
    def items(self):
        return Delegation.objects.published().select_related("fair").order_by("id")

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {
    "events": EventListSitemap,
    "fairs": FairSitemap,
    "delegations": DelegationSitemap,
}

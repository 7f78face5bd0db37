"""The events sections of the sitemap: the agenda and the list of fairs, published
fairs, delegations and the chamber's events."""

from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap
from events.models import Delegation, Event, Fair


class EventListSitemap(LanguageViewSitemap):
    # The agenda's filtered variants and months are views of these pages, not pages.
    url_names = ("events:agenda", "events:agenda-past", "events:fair-list")


class FairSitemap(LanguageSitemap):
    url_name = "events:fair-detail"

    def queryset(self):
        return Fair.objects.published()


class DelegationSitemap(LanguageSitemap):
    url_name = "events:delegation-detail"

    def queryset(self):
        return Delegation.objects.published()


class EventSitemap(LanguageSitemap):
    url_name = "events:event-detail"
    # The order of the index on (status, starts_at): a page reads its own rows only.
    ordering = ("starts_at", "pk")

    def queryset(self):
        return Event.objects.published()


sitemaps = {
    "events": EventListSitemap,
    "fairs": FairSitemap,
    "delegations": DelegationSitemap,
    "agenda": EventSitemap,
}

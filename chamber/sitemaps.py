"""The chamber's sections of the sitemap: the member directory, the list of agreements,
member organisations and agreements."""

from chamber.models import Agreement, Organisation
from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap


class ChamberListsSitemap(LanguageViewSitemap):
    url_names = ("chamber:member-list", "chamber:agreement-list")


class OrganisationSitemap(LanguageSitemap):
    url_name = "chamber:organisation-detail"
    slug_translated = False  # an organisation's slug is its name, the same in every language
    lastmod_field = None

    def queryset(self):
        return Organisation.objects.members().published()


class AgreementSitemap(LanguageSitemap):
    url_name = "chamber:agreement-detail"
    lastmod_field = "signed_on"

    def queryset(self):
        return Agreement.objects.published()


sitemaps = {
    "chamber-lists": ChamberListsSitemap,
    "organisations": OrganisationSitemap,
    "agreements": AgreementSitemap,
}

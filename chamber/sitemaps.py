"""The chamber's sections of the sitemap: the member directory, the list of agreements,
member organisations and agreements."""

from chamber.models import Agreement, Organisation
from chamber.toolkit.i18n import TranslatedSitemap, TranslatedViewSitemap


class ChamberListsSitemap(TranslatedViewSitemap):
    url_names = ("chamber:member-list", "chamber:agreement-list")


class OrganisationSitemap(TranslatedSitemap):
    def items(self):
        return Organisation.objects.members()


class AgreementSitemap(TranslatedSitemap):
    def items(self):
        return Agreement.objects.all()

    def lastmod(self, obj):
        return obj.signed_on


sitemaps = {
    "chamber-lists": ChamberListsSitemap,
    "organisations": OrganisationSitemap,
    "agreements": AgreementSitemap,
}

"""The publications' sections of the sitemap: their list and each published one."""

from chamber.publications.models import Publication
from chamber.toolkit.sitemaps import LanguageSitemap, LanguageViewSitemap


class PublicationListSitemap(LanguageViewSitemap):
    url_names = ("publications:publication-list",)


class PublicationSitemap(LanguageSitemap):
    url_name = "publications:publication-detail"

    def queryset(self):
        return Publication.objects.published()


sitemaps = {"publication-list": PublicationListSitemap, "publications": PublicationSitemap}

"""The partners page in the sitemap."""

from chamber.toolkit.sitemaps import LanguageViewSitemap


class PartnersSitemap(LanguageViewSitemap):
    url_names = ("partners:partner-list",)


sitemaps = {"partners": PartnersSitemap}

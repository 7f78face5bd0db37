"""The sitemap: every app's sections, gathered, and the home page."""

from chamber import sitemaps as chamber_sitemaps
from chamber.toolkit.i18n import TranslatedViewSitemap
from events import sitemaps as events_sitemaps
from news import sitemaps as news_sitemaps


class HomeSitemap(TranslatedViewSitemap):
    url_names = ("site:home",)


sitemaps = {
    "home": HomeSitemap,
    **news_sitemaps.sitemaps,
    **chamber_sitemaps.sitemaps,
    **events_sitemaps.sitemaps,
}

"""The sitemap index: every app's sections, one sitemap per section and language, each
in pages of at most a thousand addresses."""

from chamber import sitemaps as chamber_sitemaps
from chamber.pages import sitemaps as pages_sitemaps
from chamber.partners import sitemaps as partners_sitemaps
from chamber.publications import sitemaps as publications_sitemaps
from chamber.toolkit.sitemaps import LanguageViewSitemap, sitemaps_per_language
from events import sitemaps as events_sitemaps
from news import sitemaps as news_sitemaps


class HomeSitemap(LanguageViewSitemap):
    url_names = ("site:home",)


def sitemaps() -> dict:
    return sitemaps_per_language(
        {
            "home": HomeSitemap,
            **news_sitemaps.sitemaps,
            **chamber_sitemaps.sitemaps,
            **events_sitemaps.sitemaps,
            **publications_sitemaps.sitemaps,
            **partners_sitemaps.sitemaps,
            **pages_sitemaps.sitemaps,
        }
    )

"""The sitemap: an index of one sitemap per section and language, each in pages of a
thousand addresses with their alternates in the other languages the page exists in.

Built for sections of 100,000 rows: rows are read a page at a time with only the columns
a URL needs, URLs are made from one reversed pattern per language (not one ``reverse()``
per row and language), the XML is written directly, and the index's counts and dates are
kept in the cache for the generation of the content.
"""

import functools
from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import InvalidPage
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from modeltranslation.utils import build_localized_fieldname

from chamber.toolkit.cache import cached
from chamber.toolkit.i18n import language_codes
from chamber.toolkit.pagination import LongListPaginator


@functools.cache
def _url_template(url_name: str, language: str, placeholder: str) -> str:
    with translation.override(language):
        return reverse(url_name, kwargs={"slug": placeholder})


class LanguageSitemap(Sitemap):
    """One section of the sitemap in one language: the pages of ``queryset()`` that exist
    in ``language`` (an object is in the sitemap of each language it is ready in), each
    with its alternates in the other languages it exists in, x-default the first of them.

    Built for sections of 100,000 rows: the rows are read by pages of ``limit``, with only
    the columns a URL needs, and URLs are made from one reversed pattern per language
    rather than one ``reverse()`` per row and language.
    """

    limit = 1000
    url_name = ""
    slug_field = (
        "slug"  # a translated slug (slug_fr, slug_en ...) unless ``slug_translated`` is False
    )
    slug_translated = True
    lastmod_field: str | None = "updated_at"
    placeholder = "~slug~"
    # Stable pages: new rows join the last page.
    ordering = ("pk",)

    def __init__(self, language: str):
        self.language = language

    def queryset(self):
        raise NotImplementedError

    def _slug_column(self, code: str) -> str:
        return (
            build_localized_fieldname(self.slug_field, code)
            if self.slug_translated
            else self.slug_field
        )

    def items(self):
        columns = {"pk", *(self._slug_column(code) for code in language_codes())}
        columns |= {f"ready_{code}" for code in language_codes()}
        if self.lastmod_field:
            columns.add(self.lastmod_field)
        return self.queryset().ready_in(self.language).only(*columns).order_by(*self.ordering)

    def location(self, item):
        return self._url(item, self.language)

    def _url(self, item, code: str) -> str:
        template = _url_template(self.url_name, code, self.placeholder)
        return iri_to_uri(
            template.replace(self.placeholder, getattr(item, self._slug_column(code)))
        )

    def lastmod(self, item):
        return getattr(item, self.lastmod_field) if self.lastmod_field else None

    @property
    def paginator(self):
        key = f"sitemap:{type(self).__name__}:{self.language}"
        return LongListPaginator(self.items(), self.limit, count_key=key)

    def get_latest_lastmod(self):
        """The newest change of the section, asked of the database (Django's default
        reads every row)."""
        if not self.lastmod_field:
            return None
        return cached(
            f"sitemap-lastmod:{type(self).__name__}:{self.language}",
            lambda: self.items().aggregate(latest=Max(self.lastmod_field))["latest"],
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        prefix = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            item = url["item"]
            languages = [code for code in language_codes() if getattr(item, f"ready_{code}")]
            url["alternates"] = [
                {"location": prefix + self._url(item, code), "lang_code": code}
                for code in languages
            ]
            url["alternates"].append(
                {"location": url["alternates"][0]["location"], "lang_code": "x-default"}
            )
        return urls


class LanguageViewSitemap(Sitemap):
    """The fixed pages named in ``url_names`` (list pages, the home page) in one
    language, with their alternates in every language."""

    url_names: tuple[str, ...] = ()

    def __init__(self, language: str):
        self.language = language

    def items(self):
        return list(self.url_names)

    def location(self, item):
        with translation.override(self.language):
            return reverse(item)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        prefix = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            locations = []
            for code in language_codes():
                with translation.override(code):
                    locations.append({"location": prefix + reverse(url["item"]), "lang_code": code})
            url["alternates"] = [*locations, {**locations[0], "lang_code": "x-default"}]
        return urls


def sitemaps_per_language(sections: dict) -> dict:
    """``{"articles": ArticleSitemap, ...}`` as one sitemap per section and language
    (``articles-fr``, ``articles-en`` ...), for the sitemap index."""
    return {
        f"{name}-{code}": sitemap(code)
        for name, sitemap in sections.items()
        for code in language_codes()
    }


def _lastmod(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def index(request, sitemaps: dict):
    """The sitemap index: each section's sitemap and its further pages."""
    protocol = request.scheme
    site = get_current_site(request)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']  # fmt: skip
    for section, sitemap in sitemaps.items():
        location = f"{protocol}://{site.domain}{reverse('sitemap-section', args=[section])}"
        lastmod = _lastmod(sitemap.get_latest_lastmod())
        for page in range(1, sitemap.paginator.num_pages + 1):
            url = location if page == 1 else f"{location}?p={page}"
            modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            lines.append(f"<sitemap><loc>{escape(url)}</loc>{modified}</sitemap>")
    lines.append("</sitemapindex>")
    return HttpResponse("\n".join(lines), content_type="application/xml")


def section(request, section: str, sitemaps: dict):
    """One page of one section's sitemap (``?p=``), with hreflang alternates."""
    sitemap = sitemaps.get(section)
    if sitemap is None:
        raise Http404
    try:
        page = int(request.GET.get("p", 1))
        urls = sitemap.get_urls(page=page, site=get_current_site(request), protocol=request.scheme)
    except (ValueError, InvalidPage) as error:
        raise Http404 from error
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']  # fmt: skip
    latest = None
    for url in urls:
        parts = [f"<url><loc>{escape(url['location'])}</loc>"]
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_lastmod(url['lastmod'])}</lastmod>")
            latest = max(latest, url["lastmod"]) if latest else url["lastmod"]
        for alternate in url["alternates"]:
            parts.append(f'<xhtml:link rel="alternate" hreflang="{alternate["lang_code"]}" '
                         f'href="{escape(alternate["location"])}"/>')  # fmt: skip
        parts.append("</url>")
        lines.append("".join(parts))
    lines.append("</urlset>")
    response = HttpResponse("\n".join(lines), content_type="application/xml")
    if latest is not None and hasattr(latest, "timestamp"):
        response["Last-Modified"] = http_date(latest.timestamp())
    return response

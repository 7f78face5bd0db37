"""The chamber's pages in the sitemap: in each language, the pages visitors see in it."""

from chamber.pages.models import Page
from chamber.pages.navigation import page_tree
from chamber.toolkit.sitemaps import LanguageSitemap


class PageSitemap(LanguageSitemap):
    """A page's address is a path of slugs, not one slug: made from the tree (one query
    for the whole tree, kept in the cache), for a chamber's few dozen pages."""

    url_name = "pages:page"

    def queryset(self):
        return Page.objects.published()

    def items(self):
        tree = page_tree()
        return [page for page in super().items() if tree.visible(page.pk, self.language)]

    def get_latest_lastmod(self):
        pages = self.queryset().ready_in(self.language)
        return max(pages.values_list("updated_at", flat=True), default=None)

    def _url(self, item, code: str) -> str:
        return page_tree().url(item.pk, code) or ""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        tree = page_tree()
        for url in urls:
            # Alternates only in the languages the page and its ancestors are seen in.
            url["alternates"] = [
                alt
                for alt in url["alternates"]
                if alt["lang_code"] == "x-default" or tree.visible(url["item"].pk, alt["lang_code"])
            ]
        return urls


sitemaps = {"pages": PageSitemap}

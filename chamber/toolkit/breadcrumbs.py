"""A page's breadcrumb trail: the home page, the sections and objects above the page,
then the page itself.

Every public page below the home page names its trail once, in its template
(``{% breadcrumb_json_ld "news" article.category article %}``): the sections by key,
the objects above it, the page last; the trail is built here, in the page's language,
for the BreadcrumbList that search engines read and for the visible breadcrumb (the
chamber's pages), so that the two never differ.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The site's sections: key -> name (as the section's own page titles itself) and URL name.
SECTIONS = {
    "news": (_("News"), "news:article-list"),
    "agenda": (_("Agenda"), "events:agenda"),
    "past-events": (_("Past events"), "events:agenda-past"),
    "fairs": (_("Trade fairs and delegations"), "events:fair-list"),
    "members": (_("Members"), "chamber:member-list"),
    "agreements": (_("Agreements"), "chamber:agreement-list"),
    "join": (_("Become a member"), "chamber:join"),
    "partners": (_("Partners and sponsors"), "partners:partner-list"),
    "publications": (_("Publications"), "publications:publication-list"),
    "newsletter": (_("The newsletter"), "newsletter:subscribe"),
    "search": (_("Search"), "site:search"),
    "privacy": (_("Privacy notice"), "site:privacy"),
}


@dataclass(frozen=True)
class Crumb:
    name: str
    # The path of the crumb's page; None for a page with no address in this language
    # (a preview).
    url: str | None


def home() -> Crumb:
    return Crumb(str(_("Home")), reverse("site:home"))


def crumbs_of(item) -> list[Crumb]:
    """The crumbs ``item`` stands for: a section's key, an object with a URL (named by
    its ``str``), a crumb, a ``{"title", "url"}`` dict (``chamber.pages.navigation``),
    or a list of any of these; nothing for None."""
    if item is None or item == "":
        return []
    if isinstance(item, Crumb):
        return [item]
    if isinstance(item, str):
        name, url_name = SECTIONS[item]
        return [Crumb(str(name), reverse(url_name))]
    if isinstance(item, dict):
        return [Crumb(str(item["title"]), item.get("url"))]
    if isinstance(item, list | tuple):
        return [crumb for part in item for crumb in crumbs_of(part)]
    return [Crumb(str(item), item.get_absolute_url())]


def trail(*items, current: str = "", url: str | None = None) -> list[Crumb]:
    """Home, then the crumbs of ``items`` in order, then, when given, the page itself
    named ``current`` at ``url``."""
    crumbs = [home(), *crumbs_of(list(items))]
    if current:
        crumbs.append(Crumb(str(current), url))
    return crumbs

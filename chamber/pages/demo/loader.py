"""Loads the demo pages (About with the Board under it, Services, Become a member,
Partners) and the header and footer menus. Idempotent: pages are matched on their French
slugs, menu links on their menu and position, and written only where something differs."""

from chamber.pages.demo import content
from chamber.pages.models import MenuItem, Page
from chamber.toolkit.demo import sync


def load_pages() -> dict[str, Page]:
    pages = {}
    for position, data in enumerate(content.PAGES):
        values = dict(data)
        slug_fr = values.pop("slug_fr")
        parent = values.pop("parent")
        values["parent"] = pages[parent] if parent else None
        values["position"] = position
        values["status"] = Page.Status.PUBLISHED
        pages[slug_fr] = sync(Page, {"slug_fr": slug_fr}, values)
    return pages


def load_menus(pages: dict[str, Page]) -> None:
    for menu, links in content.MENUS.items():
        for position, data in enumerate(links):
            values = {"page": None, "section": "", "url": ""}
            values.update(data)
            if values["page"]:
                values["page"] = pages[values["page"]]
            sync(MenuItem, {"menu": menu, "position": position}, values)


def load() -> dict[str, int]:
    pages = load_pages()
    load_menus(pages)
    return {"pages": Page.objects.count(), "menu links": MenuItem.objects.count()}

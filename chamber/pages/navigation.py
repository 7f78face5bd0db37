"""The tree of pages and the menus, as visitors reach them.

Both are read whole (one query each) and kept for the generation of the content, in the
shared cache and in the process (a page asks for the tree for each of its links): any
change of a page or a menu link starts a new generation (``chamber.toolkit.cache.watch``),
and a save in this process forgets the process's copy at once. A request reads them from
memory, or once from the database after a change.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from chamber.pages.models import PAGE_URL_NAME, MenuItem, Page
from chamber.toolkit.cache import cached, generation
from chamber.toolkit.i18n import language_codes
from chamber.toolkit.publication import PublicationStatus, active_language


@dataclass
class Node:
    pk: int
    parent: int | None
    published: bool
    slugs: dict[str, str]
    titles: dict[str, str]
    ready: dict[str, bool]
    children: list[int] = field(default_factory=list)


class PageTree:
    """Every page's place, slugs, titles and readiness; no texts."""

    def __init__(self, nodes: list[Node]):
        self.nodes = {node.pk: node for node in nodes}
        self.roots = [node.pk for node in nodes if node.parent is None]
        for node in nodes:
            if node.parent in self.nodes:
                self.nodes[node.parent].children.append(node.pk)

    def lineage(self, pk: int) -> list[Node]:
        """The root first, down to the page ``pk`` (empty when unknown)."""
        chain, seen = [], set()
        node = self.nodes.get(pk)
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = self.nodes.get(node.parent)
        return chain[::-1]

    def path(self, pk: int, language: str) -> str | None:
        slugs = [node.slugs.get(language, "") for node in self.lineage(pk)]
        return "/".join(slugs) if slugs and all(slugs) else None

    def url(self, pk: int, language: str) -> str | None:
        path = self.path(pk, language)
        if path is None:
            return None
        with override(language):
            return reverse(PAGE_URL_NAME, kwargs={"path": path})

    def visible(self, pk: int, language: str) -> bool:
        """Visitors see the page in ``language``: it and its ancestors are published and
        ready in it."""
        chain = self.lineage(pk)
        return bool(chain) and all(node.published and node.ready[language] for node in chain)

    def ancestors_ready(self, page, language: str) -> bool:
        return all(node.ready[language] for node in self.lineage(page.pk)[:-1])

    def find(self, slugs: list[str], language: str) -> Node | None:
        """The page whose path in ``language`` is ``slugs``."""
        candidates, node = self.roots, None
        for slug in slugs:
            node = next(
                (self.nodes[pk] for pk in candidates if self.nodes[pk].slugs.get(language) == slug),
                None,
            )
            if node is None:
                return None
            candidates = node.children
        return node

    def breadcrumbs(self, pk: int, language: str) -> list[dict]:
        """The ancestors of ``pk`` then the page: title and URL in ``language``."""
        return [
            {"title": node.titles[language], "url": self.url(node.pk, language), "pk": node.pk}
            for node in self.lineage(pk)
        ]

    def children(self, pk: int, language: str) -> list[dict]:
        """The sub-pages visitors see in ``language``, in order."""
        node = self.nodes.get(pk)
        return [
            {"title": self.nodes[child].titles[language], "url": self.url(child, language)}
            for child in (node.children if node else [])
            if self.visible(child, language)
        ]


def _load_tree() -> PageTree:
    codes = language_codes()
    columns = ["pk", "parent_id", "status"]
    for code in codes:
        columns += [
            build_localized_fieldname("slug", code),
            build_localized_fieldname("title", code),
            f"ready_{code}",
        ]
    nodes = [
        Node(
            pk=row["pk"],
            parent=row["parent_id"],
            published=row["status"] == PublicationStatus.PUBLISHED,
            slugs={code: row[build_localized_fieldname("slug", code)] or "" for code in codes},
            titles={code: row[build_localized_fieldname("title", code)] or "" for code in codes},
            ready={code: bool(row[f"ready_{code}"]) for code in codes},
        )
        for row in Page.objects.order_by("position", "pk").values(*columns)
    ]
    return PageTree(nodes)


# This process's copies: key -> (generation, value).
_memory: dict[str, tuple[str, object]] = {}


def forget(**kwargs) -> None:
    """Called on every write to a page or a menu link, and at the start of each request
    when the page cache is off (``PAGE_CACHE_SECONDS`` 0): then each request reads the
    tree and the menus once, and only once."""
    _memory.clear()


def forget_unless_cached(**kwargs) -> None:
    if settings.PAGE_CACHE_SECONDS <= 0:
        _memory.clear()


def _remembered(key: str, compute):
    current = generation()
    found = _memory.get(key)
    if found is not None and found[0] == current:
        return found[1]
    value = cached(key, compute)
    _memory[key] = (current, value)
    return value


def page_tree() -> PageTree:
    return _remembered("pages:tree", _load_tree)


def _menu_links(language: str) -> dict[str, list[dict]]:
    tree = page_tree()
    menus = {menu: [] for menu in MenuItem.Menu.values}
    label_field = build_localized_fieldname("label", language)
    for item in MenuItem.objects.order_by("menu", "position", "pk"):
        label = getattr(item, label_field) or ""
        if item.page_id is not None:
            if not tree.visible(item.page_id, language):
                continue
            url = tree.url(item.page_id, language)
            label = label or tree.nodes[item.page_id].titles[language]
            kind = "page"
        elif item.section:
            url = item.section_url()
            kind = "section"
        else:
            url = item.url
            kind = "external"
        if not label or not url:
            continue
        menus[item.menu].append({"label": label, "url": url, "kind": kind})
    return menus


def menu_links(language: str | None = None) -> dict[str, list[dict]]:
    """The header's and footer's links visitors see in ``language`` (default: the active
    one): each a label, a URL and its kind (page, section, external). A link to a page
    not visible in the language, or with no label in it, is left out."""
    language = language or active_language()
    with override(language):
        return _remembered(f"pages:menus:{language}", lambda: _menu_links(language))


def mark_current(links: list[dict], path: str) -> list[dict]:
    """Each link with ``current``: "page" for the page shown, "section" for the link whose
    address is the longest start of it (the news for an article)."""
    section = max(
        (
            link["url"]
            for link in links
            if link["kind"] != "external"
            and link["url"].count("/") > 2  # not the home page, which starts every path
            and path.startswith(link["url"])
            and link["url"] != path
        ),
        key=len,
        default=None,
    )
    marked = []
    for link in links:
        current = ""
        if link["url"] == path:
            current = "page"
        elif link["url"] == section and not any(other["url"] == path for other in links):
            current = "section"
        marked.append({**link, "current": current})
    return marked

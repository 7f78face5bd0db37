"""A small HTML reader for tests: find elements by tag and attributes, read their text.

Built on the standard library's parser, so tests can check a page's markup (meta tags,
links, ``lang`` attributes) without string matching on the whole response.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

from django.urls import reverse
from django.utils import translation

from tests.support.languages import OG_LOCALE

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    @property
    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return "".join(parts)

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        """Elements below this one with ``tag`` (any if None) and the given attribute
        values (``class_`` for ``class`` matches one of the element's classes;
        ``True`` matches any value; underscores in other names become hyphens)."""
        found = []
        for element in self.iter():
            if tag is not None and element.tag != tag:
                continue
            if all(_matches(element, name, value) for name, value in attrs.items()):
                found.append(element)
        return found

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def one(self, tag=None, **attrs):
        """The only element matching; fails the test if there is none or several."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {found}"
        return found[0]


def _matches(element, name, value):
    if name == "class_":
        classes = (element.get("class") or "").split()
        return value in classes
    name = name.rstrip("_").replace("_", "-")
    if value is True:
        return name in element.attrs
    return element.get(name) == value


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(content) -> Element:
    """The document tree of ``content`` (bytes of a response or a string)."""
    if isinstance(content, bytes):
        content = content.decode()
    builder = _TreeBuilder()
    builder.feed(content)
    builder.close()
    return builder.root


class Page:
    """A rendered page and the facts about it that the site's templates promise."""

    def __init__(self, response):
        self.response = response
        self.doc = parse(response.content)

    def find_all(self, tag=None, **attrs):
        return self.doc.find_all(tag, **attrs)

    def find(self, tag=None, **attrs):
        return self.doc.find(tag, **attrs)

    def one(self, tag=None, **attrs):
        return self.doc.one(tag, **attrs)

    @property
    def lang(self) -> str:
        return self.one("html").get("lang")

    @property
    def h1(self) -> Element:
        return self.one("h1")

    @property
    def canonical(self) -> str:
        return self.one("link", rel="canonical").get("href")

    @property
    def hreflang(self) -> dict[str, str]:
        """``hreflang`` code -> URL of the page's ``<link rel="alternate">`` tags."""
        return {
            link.get("hreflang"): link.get("href")
            for link in self.find_all("link", rel="alternate", hreflang=True)
        }

    def meta(self, key) -> str | None:
        """The content of ``<meta property=key>`` or ``<meta name=key>``."""
        element = self.find("meta", property=key) or self.find("meta", name=key)
        return element.get("content") if element is not None else None

    def meta_all(self, key) -> list[str]:
        return [element.get("content") for element in self.find_all("meta", property=key)]

    def language_link(self, code) -> str:
        return self.one("a", data_language_link=code).get("href")

    def share_href(self, network) -> str:
        return self.one("a", class_=f"share-{network}").get("href")


def query(url) -> dict[str, str]:
    """The query parameters of ``url``, decoded, each with its single value."""
    params = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in params.values()), params
    return {name: values[0] for name, values in params.items()}


def mailto(url) -> tuple[str, dict[str, str]]:
    """The address and the decoded header fields of a ``mailto:`` URL."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto", url
    return unquote(parts.path), query(url)


DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}


def executable_parts(doc: Element) -> list[str]:
    """Everything in a document that could run script: inline or foreign ``<script>``
    elements, ``on*`` event handler attributes, and ``javascript:`` URLs. JSON data
    blocks (``application/ld+json``) are never run by a browser."""
    found = []
    for element in doc.iter():
        if element.tag == "script" and element.get("type") in DATA_BLOCK_TYPES:
            continue
        if element.tag == "script" and (element.text.strip() or not element.get("src")):
            found.append(f"inline script: {element.text[:60]!r}")
        if element.tag == "script" and element.get("src", "").startswith(("http:", "https:")):
            found.append(f"foreign script: {element.get('src')}")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{element.tag} {name}={value!r}")
            if value.strip().lower().startswith("javascript:"):
                found.append(f"{element.tag} {name}={value!r}")
        if element.tag in {"iframe", "object", "embed", "style"}:
            found.append(f"<{element.tag}>")
    return found


def assert_language_head(page: Page, language: str, urls: dict[str, str]):
    """Check what every public page promises about its languages.

    ``urls`` maps each language code the page exists in to the absolute URL of this page
    in that language (in the site's order: the first is the x-default).
    """
    other = [code for code in urls if code != language]
    assert page.lang == language
    assert page.hreflang == {**urls, "x-default": next(iter(urls.values()))}
    assert page.canonical == urls[language]
    assert page.meta("og:url") == page.canonical
    assert page.meta("og:locale") == OG_LOCALE[language]
    assert page.meta_all("og:locale:alternate") == [OG_LOCALE[code] for code in other]
    for code in other:
        assert page.response.wsgi_request.build_absolute_uri(page.language_link(code)) == urls[code]


def url_in(language: str, name: str, **kwargs) -> str:
    """``reverse(name)`` with ``language`` active (path words and prefix translated)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def object_url(obj, language: str) -> str:
    """``obj.get_absolute_url()`` with ``language`` active (translated slug)."""
    with translation.override(language):
        return obj.get_absolute_url()


def absolute(path: str) -> str:
    """The absolute URL the test client's requests give to ``path``."""
    return f"http://testserver{path}"

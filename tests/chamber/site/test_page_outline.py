"""Every kind of public page, in every language, has an outline a screen reader can walk:
one h1, no skipped heading level, one main area, one site header and footer, one named
search, and navigation areas with distinct names."""

import pytest

from tests.support.htmlpage import parse
from tests.support.rendered_pages import render_public_pages

pytestmark = pytest.mark.django_db

HEADINGS = {f"h{level}": level for level in range(1, 7)}
# A <header> or <footer> inside one of these is not the page's banner or content info.
SECTIONING = {"article", "aside", "main", "nav", "section"}


def ancestors(element):
    parent = element.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def is_page_wide(element) -> bool:
    return not any(parent.tag in SECTIONING for parent in ancestors(element))


def name(element) -> str:
    """The accessible name a landmark gets from aria-label or aria-labelledby (by id)."""
    if element.get("aria-label"):
        return element.get("aria-label").strip()
    labelled_by = element.get("aria-labelledby")
    if labelled_by:
        root = next(iter(reversed(list(ancestors(element)))))
        return " ".join(
            root.one(id=ref).text.strip() for ref in labelled_by.split() if root.find(id=ref)
        )
    return ""


def outline_problems(doc) -> list[str]:
    problems = []
    levels = [HEADINGS[e.tag] for e in doc.iter() if e.tag in HEADINGS]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1")
    previous = 0
    for level in levels:
        if level > previous + 1:
            problems.append(f"h{previous or '-'} then h{level}")
        previous = level
    return problems


def landmark_problems(doc) -> list[str]:
    problems = []
    elements = list(doc.iter())
    main = [e for e in elements if e.tag == "main" or e.get("role") == "main"]
    banner = [
        e for e in elements if (e.tag == "header" and is_page_wide(e)) or e.get("role") == "banner"
    ]
    info = [
        e
        for e in elements
        if (e.tag == "footer" and is_page_wide(e)) or e.get("role") == "contentinfo"
    ]
    for label, found in (("main", main), ("banner", banner), ("contentinfo", info)):
        if len(found) != 1:
            problems.append(f"{len(found)} {label}")
    searches = [e for e in elements if e.tag == "search" or e.get("role") == "search"]
    if len(searches) != 1:
        problems.append(f"{len(searches)} search landmarks")
    problems += [f"unnamed search {e}" for e in searches if not name(e)]
    navs = [e for e in elements if e.tag == "nav" or e.get("role") == "navigation"]
    nav_names = [name(e) for e in navs]
    problems += [f"unnamed nav {e}" for e, n in zip(navs, nav_names, strict=True) if not n]
    if len(set(nav_names)) != len(nav_names):
        problems.append(f"navs with the same name: {nav_names}")
    for landmark in ("aside", "complementary", "region"):
        found = [
            e
            for e in elements
            if e.get("role") == landmark or (e.tag == landmark and not e.get("role"))
        ]
        names = [name(e) for e in found]
        if len(set(names)) != len(names):
            problems.append(f"{landmark}s with the same name: {names}")
    return problems


def problems_by_page(client, check) -> dict[str, list[str]]:
    found = {}
    for page in render_public_pages(client):
        problems = check(parse(page.response.content))
        if problems:
            found[page.label] = problems
    return found


def test_every_public_page_has_one_h1_and_skips_no_heading_level(client):
    assert problems_by_page(client, outline_problems) == {}


def test_every_public_page_has_one_of_each_page_landmark_and_names_them(client):
    assert problems_by_page(client, landmark_problems) == {}


def test_the_checks_find_what_they_look_for():
    # Guards the tests above against checks that find nothing.
    doc = parse(
        "<header><form role=search></form></header><main><h1>A</h1><h3>B</h3><h1>C</h1>"
        "<form role=search aria-label=Find></form><nav></nav><nav aria-label=X></nav>"
        "<nav aria-label=X></nav><article><header></header><footer></footer></article></main>"
    )
    assert outline_problems(doc) == ["2 h1", "h1 then h3"]
    assert landmark_problems(doc) == [
        "0 contentinfo",
        "2 search landmarks",
        "unnamed search <form {'role': 'search'}>",
        "unnamed nav <nav {}>",
        "navs with the same name: ['', 'X', 'X']",
    ]
